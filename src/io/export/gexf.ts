// GEXF 1.3 (gexf.net), Gephi's own format: a static undirected graph, node labels, edge weights, and the
// centrality, community and dyad figures as declared attributes.
import type { RelationsGraph } from '../../corpus/graph.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute, type AttributeType } from './graph-attributes.js';
import { xmlAttributes, xmlEscape } from './xml.js';

const GEXF_TYPE: Record<AttributeType, string> = { string: 'string', int: 'integer', double: 'double' };

/** Attributes GEXF has its own place for: the node label and the edge weight are XML attributes, not attvalues. */
const BUILT_IN = new Set(['label', 'weight']);

function declared<T>(attrs: Attribute<T>[]): Attribute<T>[] {
  return attrs.filter((a) => !BUILT_IN.has(a.name));
}

function declarations<T>(scope: 'node' | 'edge', attrs: Attribute<T>[]): string {
  const lines = declared(attrs).map((a) => `      <attribute ${xmlAttributes({ id: a.name, title: a.name, type: GEXF_TYPE[a.type] })}/>\n`);
  return `    <attributes class="${scope}">\n${lines.join('')}    </attributes>\n`;
}

function attvalues<T>(attrs: Attribute<T>[], item: T): string {
  const values = declared(attrs).flatMap((a) => {
    const v = a.value(item);
    return v === null ? [] : [`<attvalue ${xmlAttributes({ for: a.name, value: v })}/>`];
  });
  return `<attvalues>${values.join('')}</attvalues>`;
}

export function* gexfDocument(g: RelationsGraph, description = 'Rasad relations network'): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta><creator>Rasad</creator><description>${xmlEscape(description)}</description></meta>\n`;
  yield '  <graph defaultedgetype="undirected" mode="static">\n';
  yield declarations('node', NODE_ATTRIBUTES);
  yield declarations('edge', EDGE_ATTRIBUTES);
  yield '    <nodes>\n';
  for (const n of g.nodes) yield `      <node ${xmlAttributes({ id: n.id, label: n.name })}>${attvalues(NODE_ATTRIBUTES, n)}</node>\n`;
  yield '    </nodes>\n    <edges>\n';
  for (const [i, e] of g.edges.entries()) yield `      <edge ${xmlAttributes({ id: i, source: e.a, target: e.b, weight: e.events })}>${attvalues(EDGE_ATTRIBUTES, e)}</edge>\n`;
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
