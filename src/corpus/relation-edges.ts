// Dyad edges summed from a stream of events, for graphs of a filtered export (Store.relations gives the same
// edges for a plain time window in SQL). The rules match it: both actors known and distinct, negated events left out.
import type { RelationEdge } from '../store/corpus-queries.js';

export interface EdgeEvent {
  source: { id: string; name: string } | null;
  target: { id: string; name: string } | null;
  quad: number;
  goldstein: number | null;
  negated: boolean;
  /** Distinct articles telling it (1 for a single report). */
  articles: number;
}

export class RelationAccumulator {
  private readonly edges = new Map<string, RelationEdge>();

  add(e: EdgeEvent): void {
    const { source: s, target: t } = e;
    if (!s || !t || s.id === t.id || e.negated) return;
    const [x, y] = s.id < t.id ? [s, t] : [t, s];
    const key = `${x.id}|${y.id}`;
    const edge = this.edges.get(key) ?? { a: x.id, b: y.id, aName: x.name, bName: y.name, events: 0, articles: 0, goldstein: 0, cooperation: 0, conflict: 0, balance: 0, sign: 0 };
    edge.events++;
    edge.articles += e.articles;
    edge.goldstein = Math.round((edge.goldstein + (e.goldstein ?? 0)) * 100) / 100;
    if (e.quad <= 2) edge.cooperation++;
    else edge.conflict++;
    this.edges.set(key, edge);
  }

  /** The edges with balance and sign, busiest first. */
  result(): RelationEdge[] {
    return finishEdges(this.edges.values());
  }
}

/** Busiest first, then by pair: the one order of edges everywhere (store, graph, exports). */
export function compareEdges(x: RelationEdge, y: RelationEdge): number {
  return y.events - x.events || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
}

/** Summed edges with their balance, (cooperation - conflict) / events, and its sign, in edge order. */
export function finishEdges(edges: Iterable<RelationEdge>): RelationEdge[] {
  return [...edges]
    .map((e) => {
      const balance = Math.round(((e.cooperation - e.conflict) / e.events) * 100) / 100;
      return { ...e, balance, sign: (balance > 0 ? 1 : balance < 0 ? -1 : 0) as RelationEdge['sign'] };
    })
    .sort(compareEdges);
}
