// The node and edge attributes both graph formats write, with their types, in one list so GraphML keys and
// GEXF attribute declarations cannot drift apart.
import type { RelationEdge, RelationsNode } from '../../corpus/graph.js';

export type AttributeType = 'string' | 'int' | 'double';

export interface Attribute<T> {
  name: string;
  type: AttributeType;
  value: (item: T) => string | number | null;
}

export const NODE_ATTRIBUTES: Attribute<RelationsNode>[] = [
  { name: 'label', type: 'string', value: (n) => n.name },
  { name: 'events', type: 'int', value: (n) => n.events },
  { name: 'articles', type: 'int', value: (n) => n.articles },
  { name: 'degree', type: 'double', value: (n) => n.degree },
  { name: 'weighted_degree', type: 'double', value: (n) => n.weightedDegree },
  { name: 'betweenness', type: 'double', value: (n) => n.betweenness },
  { name: 'eigenvector', type: 'double', value: (n) => n.eigenvector },
  { name: 'community', type: 'int', value: (n) => n.community },
];

export const EDGE_ATTRIBUTES: Attribute<RelationEdge>[] = [
  { name: 'weight', type: 'double', value: (e) => e.events },
  { name: 'events', type: 'int', value: (e) => e.events },
  { name: 'articles', type: 'int', value: (e) => e.articles },
  { name: 'goldstein', type: 'double', value: (e) => e.goldstein },
  { name: 'cooperation', type: 'int', value: (e) => e.cooperation },
  { name: 'conflict', type: 'int', value: (e) => e.conflict },
  { name: 'balance', type: 'double', value: (e) => e.balance },
  { name: 'sign', type: 'int', value: (e) => e.sign },
];
