// From graph.json (graphology's `graph.export()`, DESIGN.md "Outputs") to the rows that the
// loader sends as parameters: pure data, no driver calls, testable without a server.
//
// Labels and relationship types come only from ENTITY_TYPES / RELATION_TYPES (src/types.ts);
// a node or edge with any other type is skipped and reported, never spliced into Cypher.
// Property values are flattened to what Neo4j stores (primitives and lists of primitives):
// evidence becomes parallel lists, anything else nested becomes a JSON string.
import neo4j, { type Integer } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../types.js';
import { Neo4jProblem } from './connection.js';

export interface GraphExportNode {
  key: string;
  attributes?: Record<string, unknown>;
}

export interface GraphExportEdge {
  key?: string;
  source: string;
  target: string;
  attributes?: Record<string, unknown>;
}

export interface GraphExport {
  options?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  nodes: GraphExportNode[];
  edges: GraphExportEdge[];
}

export type PropertyValue = string | number | boolean | Integer | string[] | number[] | boolean[] | Integer[];
export type Properties = Record<string, PropertyValue>;

/** Entities carry :Entity plus their type; articles (provenance) carry :Article only. */
export type NodeLabel = 'Entity' | 'Article';

export interface NodeRow {
  id: string;
  props: Properties;
}

export interface NodeGroup {
  type: EntityType;
  label: NodeLabel;
  rows: NodeRow[];
}

export interface EdgeRow {
  key: string;
  source: string;
  target: string;
  props: Properties;
}

export interface EdgeGroup {
  type: RelationType;
  sourceLabel: NodeLabel;
  targetLabel: NodeLabel;
  rows: EdgeRow[];
}

export interface LoadPlan {
  nodeGroups: NodeGroup[];
  edgeGroups: EdgeGroup[];
  nodes: number; // rows that will be loaded
  relationships: number;
  /** One line each: what was skipped and why. */
  problems: string[];
}

const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const RELATION_TYPE_SET = new Set<string>(RELATION_TYPES);

/** Counts and offsets are stored as Neo4j integers; everything else numeric stays a float. */
const INTEGER_KEYS = new Set(['mentions', 'index', 'characters', 'weight', 'since', 'amount_yuan', 'evidence_starts', 'evidence_ends']);

export function checkGraphExport(data: unknown, name = 'graph'): GraphExport {
  const graph = data as Partial<GraphExport> | null;
  if (!graph || typeof graph !== 'object' || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new Neo4jProblem(`graph ${name} is not a graphology export (expected {nodes: [...], edges: [...]})`, 'input');
  }
  return graph as GraphExport;
}

function toValue(key: string, value: unknown): PropertyValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return INTEGER_KEYS.has(key) && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  if (Array.isArray(value)) {
    // Neo4j lists are homogeneous: strings stay strings; numbers as above; mixed lists become JSON.
    if (value.every((v) => typeof v === 'string')) return value as string[];
    if (value.every((v) => typeof v === 'boolean')) return value as boolean[];
    if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const numbers = value as number[];
      return INTEGER_KEYS.has(key) && numbers.every(Number.isSafeInteger) ? numbers.map((v) => neo4j.int(v)) : numbers;
    }
  }
  return JSON.stringify(value);
}

function nodeProperties(key: string, attributes: Record<string, unknown>): Properties {
  const props: Properties = { id: key };
  for (const name of Object.keys(attributes).sort()) {
    // graphology's `label` is the canonical name; `name` reads better in Cypher (n.name).
    const target = name === 'label' ? 'name' : name;
    if (target === 'id') continue;
    const value = toValue(target, attributes[name]);
    if (value !== undefined) props[target] = value;
  }
  return props;
}

interface EvidenceItem {
  article?: unknown;
  sentence?: unknown;
  start?: unknown;
  end?: unknown;
}

function edgeProperties(key: string, attributes: Record<string, unknown>): Properties {
  const props: Properties = { key };
  for (const name of Object.keys(attributes).sort()) {
    if (name === 'type' || name === 'key') continue; // the type is the relationship type
    if (name === 'evidence') {
      // Parallel lists: evidence_articles[i], evidence_sentences[i], evidence_starts[i], evidence_ends[i].
      const items = (Array.isArray(attributes.evidence) ? attributes.evidence : []) as EvidenceItem[];
      props.evidence_articles = items.map((e) => String(e?.article ?? ''));
      props.evidence_sentences = items.map((e) => String(e?.sentence ?? ''));
      props.evidence_starts = items.map((e) => neo4j.int(Number.isSafeInteger(e?.start) ? (e.start as number) : -1));
      props.evidence_ends = items.map((e) => neo4j.int(Number.isSafeInteger(e?.end) ? (e.end as number) : -1));
      continue;
    }
    const value = toValue(name, attributes[name]);
    if (value !== undefined) props[name] = value;
  }
  return props;
}

function labelOf(type: string): NodeLabel {
  return type === 'Article' ? 'Article' : 'Entity';
}

/** A broken graph can skip millions of rows: this many are described, the rest only counted. */
export const MAX_PROBLEM_LINES = 1000;

/** Where a row goes: one query per node type, one per (relationship type, endpoint labels). */
export type PlannedRow =
  | { kind: 'node'; group: Pick<NodeGroup, 'type' | 'label'>; groupKey: string; row: NodeRow }
  | { kind: 'edge'; group: Pick<EdgeGroup, 'type' | 'sourceLabel' | 'targetLabel'>; groupKey: string; row: EdgeRow };

/**
 * Turns graph.json's nodes and then its edges, one at a time, into rows (or a line in
 * `problems`): what planLoad does for a whole graph and the streaming load for a file. It keeps
 * only the type of each node key, which the edges need for their endpoint labels.
 */
export class LoadPlanner {
  /** What was skipped and why, one line each (the first MAX_PROBLEM_LINES; `skipped` counts all). */
  readonly problems: string[] = [];
  skipped = 0;
  private readonly nodeType = new Map<string, EntityType>();

  private skip(line: string): void {
    if (this.skipped++ < MAX_PROBLEM_LINES) this.problems.push(line);
  }

  node(node: GraphExportNode): PlannedRow | undefined {
    const key = node?.key;
    const type = node?.attributes?.type;
    if (typeof key !== 'string' || key === '') {
      this.skip(`node without a key skipped`);
      return undefined;
    }
    if (typeof type !== 'string' || !ENTITY_TYPE_SET.has(type)) {
      this.skip(`node ${JSON.stringify(key)} skipped: type ${JSON.stringify(type)} is not one of ${ENTITY_TYPES.join(', ')}`);
      return undefined;
    }
    const entityType = type as EntityType;
    this.nodeType.set(key, entityType);
    return { kind: 'node', group: { type: entityType, label: labelOf(entityType) }, groupKey: entityType, row: { id: key, props: nodeProperties(key, node.attributes ?? {}) } };
  }

  edge(edge: GraphExportEdge): PlannedRow | undefined {
    const type = edge?.attributes?.type;
    const name = JSON.stringify(edge?.key ?? `${edge?.source} -> ${edge?.target}`);
    if (typeof type !== 'string' || !RELATION_TYPE_SET.has(type)) {
      this.skip(`edge ${name} skipped: type ${JSON.stringify(type)} is not one of ${RELATION_TYPES.join(', ')}`);
      return undefined;
    }
    const sourceType = this.nodeType.get(edge.source);
    const targetType = this.nodeType.get(edge.target);
    if (!sourceType || !targetType) {
      this.skip(`edge ${name} skipped: endpoint ${JSON.stringify(sourceType ? edge.target : edge.source)} is not a loaded node`);
      return undefined;
    }
    const attributes = edge.attributes ?? {};
    const title = typeof attributes.title === 'string' && attributes.title ? `|${attributes.title}` : '';
    const key = typeof edge.key === 'string' && edge.key ? edge.key : `${type}|${edge.source}|${edge.target}${title}`;
    const sourceLabel = labelOf(sourceType);
    const targetLabel = labelOf(targetType);
    return {
      kind: 'edge',
      group: { type: type as RelationType, sourceLabel, targetLabel },
      groupKey: `${type}|${sourceLabel}|${targetLabel}`,
      row: { key, source: edge.source, target: edge.target, props: edgeProperties(key, attributes) },
    };
  }
}

function addToGroup(groups: Map<string, { rows: unknown[] }>, planned: PlannedRow | undefined): void {
  if (!planned) return;
  let group = groups.get(planned.groupKey);
  if (!group) groups.set(planned.groupKey, (group = { ...planned.group, rows: [] }));
  group.rows.push(planned.row);
}

/** Groups nodes by type and edges by (type, endpoint labels), in a stable order. */
export function planLoad(graph: GraphExport): LoadPlan {
  const planner = new LoadPlanner();
  const nodeGroups = new Map<string, NodeGroup>();
  const edgeGroups = new Map<string, EdgeGroup>();
  for (const node of graph.nodes) addToGroup(nodeGroups, planner.node(node));
  for (const edge of graph.edges) addToGroup(edgeGroups, planner.edge(edge));

  const sortedNodeGroups = ENTITY_TYPES.flatMap((t) => (nodeGroups.has(t) ? [nodeGroups.get(t)!] : []));
  const sortedEdgeGroups = [...edgeGroups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, g]) => g);
  return {
    nodeGroups: sortedNodeGroups,
    edgeGroups: sortedEdgeGroups,
    nodes: sortedNodeGroups.reduce((n, g) => n + g.rows.length, 0),
    relationships: sortedEdgeGroups.reduce((n, g) => n + g.rows.length, 0),
    problems: planner.problems,
  };
}
