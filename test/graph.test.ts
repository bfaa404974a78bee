import { describe, expect, it } from 'vitest';
import { buildRelationsGraph, windowAround, type RelationEdge } from '../src/corpus/graph.js';
import { RelationAccumulator } from '../src/corpus/relation-edges.js';

function edge(a: string, b: string, events: number, cooperation = events): RelationEdge {
  const conflict = events - cooperation;
  const balance = Math.round(((cooperation - conflict) / events) * 100) / 100;
  return { a, b, aName: a, bName: b, events, articles: events, goldstein: cooperation * 3 - conflict * 5, cooperation, conflict, balance, sign: balance > 0 ? 1 : balance < 0 ? -1 : 0 };
}

// Two tight triangles (Gulf, Levant) joined by one thin bridge QAT-TUR.
const EDGES = [
  edge('QAT', 'SAU', 6, 2),
  edge('QAT', 'ARE', 5, 1),
  edge('ARE', 'SAU', 7),
  edge('SYR', 'TUR', 6, 0),
  edge('IRQ', 'TUR', 5),
  edge('IRQ', 'SYR', 4),
  edge('QAT', 'TUR', 1),
];

describe('buildRelationsGraph', () => {
  it('has one node per actor and one weighted, signed edge per dyad', () => {
    const { graph, nodes, edges } = buildRelationsGraph(EDGES);
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(7);
    expect(edges.map((e) => `${e.a}-${e.b}`)).toEqual(['ARE-SAU', 'QAT-SAU', 'SYR-TUR', 'ARE-QAT', 'IRQ-TUR', 'IRQ-SYR', 'QAT-TUR']);
    expect(graph.getEdgeAttributes('SYR|TUR')).toMatchObject({ weight: 6, sign: -1, balance: -1 });
    expect(graph.getEdgeAttributes('ARE|SAU')).toMatchObject({ weight: 7, sign: 1 });
    const qat = nodes.find((n) => n.id === 'QAT');
    expect(qat).toMatchObject({ weightedDegree: 12, events: 12, degree: 0.6 });
    expect(nodes.slice(0, 2).map((n) => [n.id, n.weightedDegree])).toEqual([['SAU', 13], ['ARE', 12]]);
  });

  it('puts the bridge actors highest on betweenness and finds the two blocs', () => {
    const { nodes, communities } = buildRelationsGraph(EDGES);
    const byBetweenness = [...nodes].sort((x, y) => y.betweenness - x.betweenness).map((n) => n.id);
    expect(byBetweenness.slice(0, 2).sort()).toEqual(['QAT', 'TUR']);
    expect(communities.count).toBe(2);
    const community = new Map(nodes.map((n) => [n.id, n.community]));
    expect(new Set(['QAT', 'SAU', 'ARE'].map((id) => community.get(id))).size).toBe(1);
    expect(new Set(['TUR', 'SYR', 'IRQ'].map((id) => community.get(id))).size).toBe(1);
    expect(community.get('QAT')).not.toBe(community.get('TUR'));
    expect(communities.modularity).toBeGreaterThan(0.3);
    for (const n of nodes) expect(n.eigenvector).toBeGreaterThan(0);
  });

  it('gives the same result whatever the order of its input', () => {
    const once = buildRelationsGraph(EDGES);
    const reversed = buildRelationsGraph([...EDGES].reverse());
    expect(reversed.nodes).toEqual(once.nodes);
    expect(reversed.communities).toEqual(once.communities);
  });

  it('handles an empty network and drops self-pairs', () => {
    expect(buildRelationsGraph([]).nodes).toEqual([]);
    const { graph } = buildRelationsGraph([edge('IRN', 'IRN', 3), edge('IRN', 'QAT', 2)]);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
  });
});

describe('RelationAccumulator', () => {
  it('sums events into unordered dyads, skipping negated events and one-sided ones', () => {
    const acc = new RelationAccumulator();
    const iran = { id: 'IRN', name: 'Iran' };
    const qatar = { id: 'QAT', name: 'Qatar' };
    acc.add({ source: iran, target: qatar, quad: 1, goldstein: 3.5, negated: false, articles: 2 });
    acc.add({ source: qatar, target: iran, quad: 4, goldstein: -9, negated: false, articles: 1 });
    acc.add({ source: qatar, target: iran, quad: 4, goldstein: -9, negated: true, articles: 1 });
    acc.add({ source: qatar, target: null, quad: 1, goldstein: 1, negated: false, articles: 1 });
    acc.add({ source: qatar, target: qatar, quad: 1, goldstein: 1, negated: false, articles: 1 });
    expect(acc.result()).toEqual([
      { a: 'IRN', b: 'QAT', aName: 'Iran', bName: 'Qatar', events: 2, articles: 3, goldstein: -5.5, cooperation: 1, conflict: 1, balance: 0, sign: 0 },
    ]);
  });
});

describe('windowAround', () => {
  it('spans the given months either side of the date, at any precision', () => {
    expect(windowAround('2015-10-15')).toEqual({ from: '2015-04-15', to: '2016-04-15' });
    expect(windowAround('2015-10', 6)).toEqual({ from: '2015-04-01', to: '2016-04-30' });
    expect(windowAround('2016', 1)).toEqual({ from: '2015-12-01', to: '2017-01-31' });
    expect(windowAround('2020-08-31', 6)).toEqual({ from: '2020-02-29', to: '2021-02-28' });
    expect(windowAround('not a date')).toBeNull();
  });
});
