// Deterministic ForceAtlas2 positions for graph.gexf (Gephi opens it laid out) and for the
// explorer: initial positions are derived from a hash of the node key (no Math.random), the
// number of iterations depends only on the graph's size, and coordinates are rounded to 2
// decimals, so the same graph always gets the same picture.
import { createRequire } from 'node:module';
import type { ForceAtlas2Settings, ForceAtlas2SynchronousLayoutParameters } from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from '../graph.js';

// CommonJS whose typings declare an ES default export: load it through require.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  assign(graph: KnowledgeGraph, params: ForceAtlas2SynchronousLayoutParameters): void;
  inferSettings(graph: KnowledgeGraph): ForceAtlas2Settings;
};

export interface LayoutOptions {
  /** Overrides the size-scaled default (see layoutIterations). 0 keeps the seeded positions. */
  iterations?: number;
}

/**
 * Fewer iterations as the graph grows, within a fixed budget of work (iterations × (nodes +
 * edges), about 1-2 s on one core with Barnes-Hut above 500 nodes): a small graph settles
 * fully, a big one gets a rough shape, a huge one keeps its seeded positions.
 */
export const LAYOUT_BUDGET = 1_000_000;
export function layoutIterations(order: number, size: number): number {
  const work = Math.max(1, order + size);
  const iterations = Math.min(300, Math.floor(LAYOUT_BUDGET / work));
  return iterations >= 5 ? iterations : 0;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a node key. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function seededPosition(key: string, spread: number): { x: number; y: number } {
  const x = hashString(key) / 0x100000000 - 0.5;
  const y = hashString(key, 0x9e3779b9) / 0x100000000 - 0.5;
  return { x: x * spread, y: y * spread };
}

const round2 = (value: number): number => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? 0 : rounded;
};

/**
 * Computes positions and writes them onto the nodes as `x` and `y` (the attributes Sigma
 * and the GEXF writer read). Returns the number of ForceAtlas2 iterations run.
 */
/** Spread of the seeded positions for a graph of `order` nodes. */
function spreadFor(order: number): number {
  return Math.max(10, Math.sqrt(order) * 10);
}

/**
 * The final position of a node when no ForceAtlas2 iteration runs (huge graphs): what
 * assignLayout gives with 0 iterations, computable from the key alone (streamed output).
 */
export function seededLayoutPosition(key: string, order: number): { x: number; y: number } {
  const { x, y } = seededPosition(key, spreadFor(order));
  return { x: round2(x), y: round2(y) };
}

export function assignLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): number {
  const spread = spreadFor(graph.order);
  graph.forEachNode((key, attributes) => {
    const position = seededPosition(key, spread);
    attributes.x = position.x;
    attributes.y = position.y;
  });
  const iterations = options.iterations ?? layoutIterations(graph.order, graph.size);
  if (iterations > 0 && graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    settings.barnesHutOptimize = graph.order > 500;
    // Unweighted: lexicon PART_OF edges have weight 0 and must still pull their ends together.
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
  }
  graph.forEachNode((_key, attributes) => {
    attributes.x = round2(attributes.x as number);
    attributes.y = round2(attributes.y as number);
  });
  return iterations > 0 && graph.order > 1 ? iterations : 0;
}
