// Cut an article into runs of text, each with the kinds of span covering it (evidence sentence, source,
// target, date), so overlapping spans can be shown together. Pure: offsets in, runs out.
export type SpanKind = 'evidence' | 'source' | 'target' | 'date' | 'trigger';

export interface MarkedSpan {
  start: number;
  end: number;
  kind: SpanKind;
}

export interface Run {
  start: number;
  end: number;
  kinds: SpanKind[];
}

export function runs(length: number, spans: MarkedSpan[]): Run[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= length && s.start < s.end);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    const kinds = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.kind);
    out.push({ start, end, kinds: [...new Set(kinds)] });
  }
  return out;
}
