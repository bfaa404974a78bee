// How a report's merge window and cues are stored: the window in three columns (kind as one letter, since it sits in
// two indexes of millions of rows), and one merge_cues row per weighted cue, which the candidate probes read.
import { cueWeight, type MergeWindow, type WindowKind } from '../corpus/merge.js';
import type { MergeCuesTable } from './tables.js';

const LETTER: Record<WindowKind, string> = { stated: 's', published: 'p', unknown: 'u' };
const KIND: Record<string, WindowKind> = { s: 'stated', p: 'published', u: 'unknown' };

export function windowColumns(w: MergeWindow): { window_kind: string; window_first: string; window_last: string } {
  return { window_kind: LETTER[w.kind], window_first: w.first, window_last: w.last };
}

export function kindLetter(kind: WindowKind): string {
  return LETTER[kind];
}

export function windowOfColumns(r: { window_kind: string; window_first: string; window_last: string }): MergeWindow {
  const kind = KIND[r.window_kind];
  if (!kind) throw new Error(`unknown merge window kind "${r.window_kind}"`);
  return { kind, first: r.window_first, last: r.window_last };
}

export interface CueSource {
  event_id: number;
  block: string;
  /** Space-separated, as merge_reports keeps them. */
  cues: string;
  window_kind: string;
  window_first: string;
  window_last: string;
}

/** The merge_cues rows of one report: its cues that can add to a link. */
export function cueRowsOf(r: CueSource): MergeCuesTable[] {
  if (r.cues === '') return [];
  return r.cues
    .split(' ')
    .filter((cue) => cueWeight(cue) > 0)
    .map((cue) => ({ block: r.block, cue, window_kind: r.window_kind, window_first: r.window_first, window_last: r.window_last, event_id: r.event_id }));
}
