// CAMEO codes as a tree, for merging: XX0 is the unspecified code of root XX, a 4-digit code sits under its
// 3-digit parent. Two reports can be one event only when their codes lie on one branch; the deepest wins.
import { MUTUAL_ROOTS } from '../eval/match.js';

export function rootOf(code: string): string {
  return code.slice(0, 2);
}

/** Depth in the tree: 0 for the root-level XX0, 1 for XXY, 2 for XXYZ. */
export function depth(code: string): number {
  if (code.length >= 4) return 2;
  return code.endsWith('0') ? 0 : 1;
}

/** True when `general` is `specific` itself or one of its ancestors. */
export function coversCode(general: string, specific: string): boolean {
  if (general === specific) return true;
  if (rootOf(general) !== rootOf(specific)) return false;
  if (depth(general) === 0) return true;
  return depth(general) === 1 && specific.length === 4 && specific.startsWith(general);
}

/** On one branch: one code covers the other (042 and 0421, 040 and 043; not 042 and 043). */
export function comparableCodes(a: string, b: string): boolean {
  return coversCode(a, b) || coversCode(b, a);
}

/** The deeper of two comparable codes. */
export function deeperCode(a: string, b: string): string {
  return depth(b) > depth(a) ? b : a;
}

/** Codes whose acts are symmetric, so A->B and B->A can be the same event (shared/eval/SCHEMA.md). */
export function isMutualCode(code: string): boolean {
  return MUTUAL_ROOTS.has(rootOf(code));
}
