// graph.gexf: a streaming GEXF 1.3 writer. graphology-gexf builds the whole document in
// memory (35 s and 2.5 GB at 100k nodes / 500k edges, TOOLING.md); this writes element by
// element in ~1 MiB chunks. Output opens in Gephi laid out (viz:position from layout.ts),
// coloured by type (viz:color) and sized by degree (viz:size), and reads back with
// graphology-gexf and networkx.read_gexf.
import { graphologySource, isGraphSource, type GraphSource, type KnowledgeGraph, type SourceEdge, type SourceNode } from '../graph.js';
import { writeFileAtomic, type ChunkedWriter } from './io.js';

type GexfType = 'string' | 'integer' | 'double' | 'liststring';

interface AttributeSpec {
  name: string;
  type: GexfType;
}

// Declared attributes (id = title = the graph.json attribute name). `label` and the edge
// `weight` travel as XML attributes of <node>/<edge>, as GEXF intends.
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'aliases', type: 'liststring' },
  { name: 'level', type: 'string' },
  { name: 'code', type: 'string' },
  { name: 'mentions', type: 'integer' },
  { name: 'articles', type: 'liststring' },
  { name: 'file', type: 'string' },
  { name: 'index', type: 'integer' },
  { name: 'characters', type: 'integer' },
  { name: 'title', type: 'string' },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'confidence', type: 'double' },
  { name: 'rule', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'amount_yuan', type: 'double' },
  { name: 'since', type: 'integer' },
  { name: 'date', type: 'string' },
  // The evidence list as a JSON string: GEXF has no nested values.
  { name: 'evidence', type: 'string' },
];

/** Node colours by entity type (RGB), shared with nothing else on purpose: Gephi only. */
export const TYPE_COLORS: Readonly<Record<string, readonly [number, number, number]>> = {
  Person: [228, 26, 28],
  Province: [55, 126, 184],
  Prefecture: [77, 175, 74],
  County: [152, 78, 163],
  Project: [255, 127, 0],
  Organization: [166, 86, 40],
  Article: [153, 153, 153],
};
const DEFAULT_COLOR = [102, 102, 102] as const;

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Cheap first test: anything that may need escaping or stripping (surrogates included, as
// pairs are rare and checked properly by INVALID_XML). Attribute values are single-quoted, so
// '"' needs no escaping: the evidence lists (JSON, full of '"') usually pass through as they are.
const SUSPICIOUS = /[\u0000-\u001F&<>'\uD800-\uDFFF\uFFFE\uFFFF]/;
const MAY_BE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>'\t\n\r]/g;
// Character references keep whitespace that attribute-value normalisation would fold.
const REFERENCE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const reference = (char: string) => REFERENCE[char]!;

/** Escapes text for a single-quoted XML attribute (or element text) and drops characters XML cannot carry. */
export function xmlAttribute(value: string): string {
  if (!SUSPICIOUS.test(value)) return value;
  const clean = MAY_BE_INVALID.test(value) ? value.replace(INVALID_XML, '') : value;
  return clean.replace(SPECIAL, reference);
}

// GEXF 1.3 list syntax, `[a, b]`, each piece quoted so commas and brackets survive.
function listValue(value: unknown): string {
  const items = Array.isArray(value) ? value : [value];
  return `[${items.map((item) => JSON.stringify(String(item))).join(', ')}]`;
}

function attributeValue(spec: AttributeSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (spec.type) {
    case 'liststring':
      return listValue(value);
    case 'integer':
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    default:
      if (typeof value === 'string') return value === '' ? undefined : value;
      return JSON.stringify(value);
  }
}

function attvalues(specs: readonly AttributeSpec[], attributes: Record<string, unknown>): string {
  let out = '';
  for (const spec of specs) {
    const value = attributeValue(spec, attributes[spec.name]);
    if (value === undefined) continue;
    out += `<attvalue for='${spec.name}' value='${xmlAttribute(value)}'/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

function declarations(kind: 'node' | 'edge', specs: readonly AttributeSpec[]): string {
  const lines = specs.map((s) => `      <attribute id='${s.name}' title='${s.name}' type='${s.type}'/>`);
  return `    <attributes class='${kind}' mode='static'>\n${lines.join('\n')}\n    </attributes>\n`;
}

/** Node size by degree: grows with log degree so hubs stand out without swamping. */
export function nodeSize(degree: number): number {
  return Math.round((2 + 3 * Math.log2(1 + degree)) * 100) / 100;
}

export interface GexfOptions {
  /** Text of <meta><description>. */
  description?: string;
}

/** Everything before the first node. */
export function gexfHeader(options: GexfOptions = {}): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    "<gexf xmlns='http://gexf.net/1.3' xmlns:viz='http://gexf.net/1.3/viz' " +
    "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' " +
    "xsi:schemaLocation='http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd' version='1.3'>\n" +
    '  <meta>\n    <creator>yuanjiang-kg</creator>\n' +
    `    <description>${xmlAttribute(options.description ?? 'Knowledge graph of paired assistance to Xinjiang (对口援疆)')}</description>\n` +
    '  </meta>\n' +
    "  <graph defaultedgetype='directed' mode='static'>\n" +
    declarations('node', NODE_ATTRIBUTES) +
    declarations('edge', EDGE_ATTRIBUTES) +
    '    <nodes>\n'
  );
}
export const GEXF_BETWEEN = '    </nodes>\n    <edges>\n';
export const GEXF_FOOTER = '    </edges>\n  </graph>\n</gexf>\n';

/** One <node> line. Position from the node's x/y (layout.ts), size from its degree. */
export function gexfNode({ key: node, attributes }: SourceNode, degree: number): string {
  const [r, g, b] = TYPE_COLORS[attributes.type as string] ?? DEFAULT_COLOR;
  const x = typeof attributes.x === 'number' ? attributes.x : 0;
  const y = typeof attributes.y === 'number' ? attributes.y : 0;
  const label = typeof attributes.label === 'string' ? attributes.label : node;
  return (
    `      <node id='${xmlAttribute(node)}' label='${xmlAttribute(label)}'>` +
    attvalues(NODE_ATTRIBUTES, attributes) +
    `<viz:color r='${r}' g='${g}' b='${b}'/>` +
    `<viz:size value='${nodeSize(degree)}'/>` +
    `<viz:position x='${x}' y='${y}' z='0'/></node>\n`
  );
}

/** One <edge> line. */
export function gexfEdge({ key: edge, attributes, source: from, target }: SourceEdge): string {
  const type = String(attributes.type ?? '');
  const weight = typeof attributes.weight === 'number' && Number.isFinite(attributes.weight) ? attributes.weight : 1;
  return (
    `      <edge id='${xmlAttribute(edge)}' source='${xmlAttribute(from)}' target='${xmlAttribute(target)}' ` +
    `weight='${weight}' kind='${xmlAttribute(type)}' label='${xmlAttribute(type)}'>` +
    attvalues(EDGE_ATTRIBUTES, attributes) +
    '</edge>\n'
  );
}

/** Streams the GEXF document into `out`. Positions come from the nodes' x/y (layout.ts). */
export async function streamGexf(graph: KnowledgeGraph | GraphSource, out: Pick<ChunkedWriter, 'write'>, options: GexfOptions = {}): Promise<void> {
  const source = isGraphSource(graph) ? graph : graphologySource(graph);
  await out.write(gexfHeader(options));
  for (const node of source.nodes()) {
    const pending = out.write(gexfNode(node, source.degree(node.key)));
    if (pending) await pending;
  }
  await out.write(GEXF_BETWEEN);
  for (const edge of source.edges()) {
    const pending = out.write(gexfEdge(edge));
    if (pending) await pending;
  }
  await out.write(GEXF_FOOTER);
}

/** Writes graph.gexf atomically. */
export function writeGexf(graph: KnowledgeGraph | GraphSource, path: string, options: GexfOptions = {}): Promise<void> {
  return writeFileAtomic(path, (out) => streamGexf(graph, out, options));
}
