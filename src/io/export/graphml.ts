// GraphML (graphml.graphdrawing.org), undirected: actors as nodes, dyads as edges. Gephi reads `label` as the
// node label and `weight` as the edge weight; the other attributes come in as columns.
import type { RelationsGraph } from '../../corpus/graph.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute } from './graph-attributes.js';
import { xmlAttributes, xmlEscape } from './xml.js';

function keys<T>(scope: 'node' | 'edge', attrs: Attribute<T>[]): string[] {
  return attrs.map((a) => `  <key ${xmlAttributes({ id: `${scope[0]}_${a.name}`, for: scope, 'attr.name': a.name, 'attr.type': a.type })}/>\n`);
}

function data<T>(scope: 'node' | 'edge', attrs: Attribute<T>[], item: T): string {
  return attrs
    .map((a) => {
      const v = a.value(item);
      return v === null ? '' : `<data ${xmlAttributes({ key: `${scope[0]}_${a.name}` })}>${xmlEscape(v)}</data>`;
    })
    .join('');
}

export function* graphmlDocument(g: RelationsGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield* keys('node', NODE_ATTRIBUTES);
  yield* keys('edge', EDGE_ATTRIBUTES);
  yield '  <graph id="rasad" edgedefault="undirected">\n';
  for (const n of g.nodes) yield `    <node ${xmlAttributes({ id: n.id })}>${data('node', NODE_ATTRIBUTES, n)}</node>\n`;
  for (const [i, e] of g.edges.entries()) yield `    <edge ${xmlAttributes({ id: `e${i}`, source: e.a, target: e.b })}>${data('edge', EDGE_ATTRIBUTES, e)}</edge>\n`;
  yield '  </graph>\n</graphml>\n';
}
