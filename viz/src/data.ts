// Turns graphology's serialization (out/graph.json) into the graph the explorer renders:
// display attributes (colour, size, position) are added once here, never recomputed.
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';

export interface EvidenceItem {
  article: string;
  sentence: string;
  start?: number;
  end?: number;
}

/** The entity types of DESIGN.md, in legend order, with their colours. */
export const NODE_TYPE_COLORS: Record<string, string> = {
  Province: '#2f6db5',
  Prefecture: '#2a9d8f',
  County: '#8ab17d',
  Person: '#d1495b',
  Organization: '#8e5ea2',
  Project: '#e9902c',
  Article: '#9a9a9a',
};
export const EDGE_TYPE_COLORS: Record<string, string> = {
  SUPPORTS: '#e76f51',
  PART_OF: '#9fb3c8',
  LOCATED_IN: '#b5a48b',
  FUNDS: '#f4a261',
  HOLDS_POSITION: '#e07a8a',
  VISITS: '#c49bd6',
  COOPERATES_WITH: '#7fb7be',
  MENTIONS: '#d9d9d9',
};
const FALLBACK_COLORS = ['#6c757d', '#b08968', '#588157', '#5e60ce', '#bc4749', '#3a86ff'];

/** Provenance that would drown the picture: present, but off until the analyst asks. */
export const HIDDEN_BY_DEFAULT = { nodeTypes: ['Article'], edgeTypes: ['MENTIONS'] };

export function colorFor(table: Record<string, string>, type: string, index: number): string {
  return table[type] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length];
}

/** Stable order: the known types first (legend order), then unknown ones alphabetically. */
export function orderTypes(types: Iterable<string>, known: Record<string, string>): string[] {
  const knownOrder = Object.keys(known);
  return [...new Set(types)].sort((a, b) => {
    const ia = knownOrder.indexOf(a);
    const ib = knownOrder.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 1e9 : ia) - (ib === -1 ? 1e9 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export interface LoadedGraph {
  graph: Graph;
  nodeTypes: string[];
  edgeTypes: string[];
  /** true when every node came with numeric x and y from the build. */
  hasPositions: boolean;
  maxEvidence: number;
}

export function evidenceOf(attrs: Record<string, unknown>): EvidenceItem[] {
  const ev = attrs.evidence;
  return Array.isArray(ev) ? (ev as EvidenceItem[]).filter((e) => e && typeof e === 'object') : [];
}

/** Evidence count of an edge: its `weight`, else the length of its evidence list. */
export function evidenceCount(attrs: Record<string, unknown>): number {
  const n = evidenceOf(attrs).length;
  return n > 0 ? n : typeof attrs.weight === 'number' && attrs.weight > 0 ? Math.round(attrs.weight) : 1;
}

function asString(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

export function loadGraph(data: SerializedGraph): LoadedGraph {
  if (!data || typeof data !== 'object' || !Array.isArray(data.nodes)) {
    throw new Error('yjkg-viewer: not a graphology serialization (expected {nodes: [...], edges: [...]})');
  }
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  // A mixed multigraph accepts whatever options the file was written with.
  const { options: _options, ...content } = data;
  graph.import(content as unknown as SerializedGraph);

  const nodeTypes = orderTypes(
    graph.mapNodes((_n, a) => asString(a.type, 'Unknown')),
    NODE_TYPE_COLORS,
  );
  const edgeTypes = orderTypes(
    graph.mapEdges((_e, a) => asString(a.type, 'RELATED')),
    EDGE_TYPE_COLORS,
  );

  // Degree without provenance edges: an article mentioning everything is not "central".
  const degree = new Map<string, number>();
  graph.forEachEdge((_e, a, s, t) => {
    if (a.type === 'MENTIONS') return;
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  });

  let hasPositions = graph.order > 0;
  graph.forEachNode((_n, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) hasPositions = false;
  });

  let i = 0;
  graph.updateEachNodeAttributes((node, a) => {
    const type = asString(a.type, 'Unknown');
    const d = degree.get(node) ?? 0;
    // Without positions from the build: a deterministic phyllotaxis spiral as FA2's start.
    const angle = i * 2.399963229728653;
    const radius = Math.sqrt(i + 0.5) * 10;
    i++;
    // `type` stays the entity type; the reducers give sigma its program type.
    return {
      ...a,
      type,
      label: asString(a.label, node),
      color: colorFor(NODE_TYPE_COLORS, type, nodeTypes.indexOf(type)),
      size: 3 + Math.min(20, 2.4 * Math.sqrt(d)),
      degree: d,
      x: hasPositions ? a.x : Math.cos(angle) * radius,
      y: hasPositions ? a.y : Math.sin(angle) * radius,
      hidden: false,
    };
  });

  let maxEvidence = 1;
  graph.updateEachEdgeAttributes((_e, a) => {
    const relation = asString(a.type, 'RELATED');
    const count = evidenceCount(a);
    if (count > maxEvidence) maxEvidence = count;
    return {
      ...a,
      type: relation,
      evidenceCount: count,
      color: colorFor(EDGE_TYPE_COLORS, relation, edgeTypes.indexOf(relation)),
      size: Math.min(6, 1.5 + Math.log2(count)),
      hidden: false,
    };
  });
  return { graph, nodeTypes, edgeTypes, hasPositions, maxEvidence };
}
