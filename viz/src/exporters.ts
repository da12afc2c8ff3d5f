// Exports of what the analyst sees: the current view as PNG, the visible subgraph as GEXF.
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { evidenceOf } from './data.js';

export function exportPng(sigma: Sigma, fileName = 'yjkg-view'): Promise<void> {
  return downloadAsPNG(sigma, { fileName, backgroundColor: '#ffffff' });
}

/** The nodes and edges currently visible (not hidden, and for an edge both ends visible). */
export function visibleSubgraph(graph: Graph): Graph {
  const sub = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  graph.forEachNode((node, a) => {
    if (!a.hidden) sub.addNode(node, a);
  });
  graph.forEachEdge((edge, a, source, target, sa, ta, undirected) => {
    if (a.hidden || sa.hidden || ta.hidden) return;
    if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, a);
    else sub.addDirectedEdgeWithKey(edge, source, target, a);
  });
  return sub;
}

export function visibleGexf(graph: Graph): string {
  return writeGexf(visibleSubgraph(graph), {
    version: '1.3',
    formatNode: (_key, a) => ({
      label: String(a.label),
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      attributes: {
        type: String(a.type),
        aliases: Array.isArray(a.aliases) ? a.aliases.join('|') : '',
        ...(a.level ? { level: String(a.level) } : {}),
        ...(a.code ? { code: String(a.code) } : {}),
        ...(typeof a.mentions === 'number' ? { mentions: a.mentions } : {}),
      },
    }),
    formatEdge: (_key, a) => {
      const evidence = evidenceOf(a);
      return {
        label: String(a.type),
        weight: a.evidenceCount,
        viz: { color: a.color },
        attributes: {
          type: String(a.type),
          evidence_count: a.evidenceCount,
          ...(typeof a.confidence === 'number' ? { confidence: a.confidence } : {}),
          ...(a.rule ? { rule: String(a.rule) } : {}),
          ...(a.title ? { title: String(a.title) } : {}),
          ...(typeof a.amount_yuan === 'number' ? { amount_yuan: a.amount_yuan } : {}),
          ...(a.since !== undefined ? { since: String(a.since) } : {}),
          ...(a.date ? { date: String(a.date) } : {}),
          articles: [...new Set(evidence.map((e) => String(e.article)))].join('|'),
          evidence: evidence.map((e) => String(e.sentence)).join('\n'),
        },
      };
    },
  });
}

export function exportGexf(graph: Graph, fileName = 'yjkg-visible.gexf'): void {
  const blob = new Blob([visibleGexf(graph)], { type: 'application/xml' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
