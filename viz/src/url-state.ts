// What a shared link carries, in the URL fragment (works on file:// pages, never sent to a server):
//   node=KEY | edge=KEY      the selection
//   hide=Type,Type           entity types switched off (absent: the defaults, i.e. Article)
//   hiderel=REL,REL          relation types switched off (absent: the defaults, i.e. MENTIONS)
//   min=N                    minimum evidence count (absent: 1)
import { HIDDEN_BY_DEFAULT, type LoadedGraph } from './data.js';

export interface ViewState {
  hiddenNodeTypes: Set<string>;
  hiddenEdgeTypes: Set<string>;
  minEvidence: number;
  node: string | null;
  edge: string | null;
}

export function readViewState(hash: string, loaded: LoadedGraph): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const { graph, nodeTypes, edgeTypes, maxEvidence } = loaded;
  const read = (name: string, known: string[], defaults: string[]) => {
    const listed = params.has(name) ? params.get(name)!.split(',') : defaults;
    return new Set(listed.filter((t) => known.includes(t)));
  };
  const min = Number(params.get('min') ?? '1');
  const node = params.get('node');
  const edge = params.get('edge');
  return {
    hiddenNodeTypes: read('hide', nodeTypes, HIDDEN_BY_DEFAULT.nodeTypes),
    hiddenEdgeTypes: read('hiderel', edgeTypes, HIDDEN_BY_DEFAULT.edgeTypes),
    minEvidence: Number.isInteger(min) ? Math.min(Math.max(1, min), Math.max(1, maxEvidence)) : 1,
    node: node !== null && graph.hasNode(node) ? node : null,
    edge: edge !== null && graph.hasEdge(edge) ? edge : null,
  };
}

/** The fragment (with its '#', or '' when everything is default) for a view; unknown parameters are kept. */
export function writeViewState(hash: string, loaded: LoadedGraph, view: ViewState): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const { nodeTypes, edgeTypes } = loaded;
  const set = (name: string, value: string | null) => (value === null ? params.delete(name) : params.set(name, value));
  const hidden = (known: string[], defaults: string[], off: Set<string>) => {
    const value = known.filter((t) => off.has(t)).join(',');
    return value === known.filter((t) => defaults.includes(t)).join(',') ? null : value;
  };
  set('node', view.node);
  set('edge', view.edge);
  set('hide', hidden(nodeTypes, HIDDEN_BY_DEFAULT.nodeTypes, view.hiddenNodeTypes));
  set('hiderel', hidden(edgeTypes, HIDDEN_BY_DEFAULT.edgeTypes, view.hiddenEdgeTypes));
  set('min', view.minEvidence > 1 ? String(view.minEvidence) : null);
  const text = params.toString();
  return text ? `#${text}` : '';
}
