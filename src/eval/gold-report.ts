// Printing the gold scores: a summary table per language and overall, JSON figures, per-document details.
import { dateMatches, figures, type GoldCounts, type GoldEvent, type SystemEvent } from './match.js';
import type { GoldDocResult, GoldRun } from './gold.js';

export function pct(x: number | null): string {
  return x === null ? '   -  ' : (x * 100).toFixed(1).padStart(5) + '%';
}

function summaryRow(label: string, c: GoldCounts): string {
  const f = figures(c);
  return [
    label.padEnd(7),
    String(c.docs).padStart(4),
    String(c.system).padStart(5),
    `${c.goldRequired}/${c.goldOptional}`.padStart(8),
    `${pct(f.root.precision)} ${pct(f.root.recall)} ${pct(f.root.f1)}`,
    `${pct(f.code.precision)} ${pct(f.code.recall)} ${pct(f.code.f1)}`,
    `${pct(f.actorAccuracy)} (${c.actorCorrect}/${c.actorPairs})`.padEnd(17),
    `${pct(f.dateAccuracy)} (${c.dateCorrect}/${c.datePairs})`,
  ].join(' | ');
}

export function goldSummary(run: GoldRun): string {
  const lines = [
    ['lang'.padEnd(7), 'docs', '  sys', ' req/opt', 'root P     R     F1', 'code P     R     F1', 'actor acc'.padEnd(17), 'date acc'].join(' | '),
  ];
  for (const lang of ['ar', 'en'] as const) {
    const c = run.byLang[lang];
    if (c) lines.push(summaryRow(lang, c));
  }
  lines.push(summaryRow('all', run.overall));
  const o = run.overall;
  lines.push(
    `counts: system ${o.system} (${o.systemNonDyadic} without source or target), matched at root ${o.rootMatchedSystem} ` +
      `(required ${o.rootMatchedRequired}/${o.goldRequired}), at full code ${o.codeMatchedSystem} (required ${o.codeMatchedRequired}/${o.goldRequired})`,
  );
  return lines.join('\n');
}

export function goldJson(run: GoldRun): object {
  const byLang: Record<string, object> = {};
  for (const [lang, c] of Object.entries(run.byLang)) byLang[lang] = figures(c);
  return {
    overall: figures(run.overall),
    byLang,
    docs: run.docs.map((d) => ({ doc: d.doc, lang: d.lang, ...figures(d.score.counts) })),
  };
}

function snippet(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function actor(id: string | null, role: string | null): string {
  return id ? `${id}${role ? '/' + role : ''}` : '-';
}

function goldLine(g: GoldEvent): string {
  return `${g.cameo.padEnd(4)} ${actor(g.source, g.source_role)} -> ${actor(g.target, g.target_role)}  ${g.date ?? 'no date'}  «${snippet(g.evidence)}»`;
}

function systemLine(s: SystemEvent): string {
  return `${s.code.padEnd(4)} ${actor(s.source, s.sourceRole)} -> ${actor(s.target, s.targetRole)}  ${s.date ?? 'no date'}  «${snippet(s.evidence)}»`;
}

/** What an engineer tunes with: per document, the matched pairs (with what differs), misses and spurious events. */
export function goldDetails(d: GoldDocResult): string {
  const c = d.score.counts;
  const out = [`== ${d.doc} (${d.lang}): system ${c.system}, required ${c.rootMatchedRequired}/${c.goldRequired} found, optional ${c.goldOptional}`];
  const pairedSystem = new Set(d.score.rootPairs.map((p) => p.system));
  const pairedGold = new Set(d.score.rootPairs.map((p) => p.gold));
  for (const p of d.score.rootPairs) {
    const g = d.gold[p.gold];
    const s = d.system[p.system];
    if (!g || !s) continue;
    const notes: string[] = [];
    if (g.cameo !== s.code) notes.push(`code ${s.code}≠${g.cameo}`);
    const [sr, tr] = p.reversed ? [s.targetRole, s.sourceRole] : [s.sourceRole, s.targetRole];
    if ((g.source_role ?? null) !== (sr ?? null) || (g.target_role ?? null) !== (tr ?? null)) notes.push(`roles ${sr ?? '-'}/${tr ?? '-'}≠${g.source_role ?? '-'}/${g.target_role ?? '-'}`);
    if (g.date !== null && !dateMatches(g.date, s.date)) notes.push(`date ${s.date ?? 'none'}≠${g.date}`);
    if (p.reversed) notes.push('reversed');
    out.push(`  ok   ${g.optional ? '(opt) ' : ''}${goldLine(g)}${notes.length ? `  [${notes.join('; ')}]` : ''}`);
  }
  d.gold.forEach((g, i) => {
    if (!pairedGold.has(i) && !g.optional) out.push(`  MISS ${goldLine(g)}`);
  });
  const missedOptional = d.gold.filter((g, i) => g.optional && !pairedGold.has(i)).length;
  if (missedOptional > 0) out.push(`  (${missedOptional} optional gold events not found: not counted)`);
  d.system.forEach((s, i) => {
    if (!pairedSystem.has(i)) out.push(`  SPUR ${systemLine(s)}`);
  });
  return out.join('\n');
}
