// Entity search over canonical names and aliases. Input and names both go through
// OpenCC t -> cn, so 烏魯木齊 typed in traditional finds 乌鲁木齐市 (alias 乌鲁木齐).
import { Converter } from 'opencc-js/t2cn';
import type Graph from 'graphology';

export interface SearchHit {
  node: string;
  label: string;
  type: string;
  /** The name that matched (the label or one of the aliases), as stored. */
  matched: string;
  score: number;
}

const toSimplified: (s: string) => string = Converter({ from: 't', to: 'cn' });

export function normalizeQuery(text: string): string {
  return toSimplified(text.normalize('NFKC').trim().toLowerCase());
}

interface Entry {
  node: string;
  name: string; // normalized
  original: string;
  isLabel: boolean;
}

export class SearchIndex {
  private entries: Entry[] = [];
  private degree = new Map<string, number>();

  constructor(private graph: Graph, skipTypes: string[] = ['Article']) {
    graph.forEachNode((node, a) => {
      if (skipTypes.includes(a.type)) return;
      this.degree.set(node, typeof a.degree === 'number' ? a.degree : 0);
      const names = [a.label as string, ...(Array.isArray(a.aliases) ? (a.aliases as unknown[]) : [])];
      const seen = new Set<string>();
      names.forEach((name, i) => {
        if (typeof name !== 'string' || name === '') return;
        const norm = normalizeQuery(name);
        if (seen.has(norm)) return;
        seen.add(norm);
        this.entries.push({ node, name: norm, original: name, isLabel: i === 0 });
      });
    });
  }

  /** Best matches first: exact name, exact alias, prefix, then substring; ties by degree, then name. */
  search(query: string, limit = 10): SearchHit[] {
    const q = normalizeQuery(query);
    if (q === '') return [];
    const best = new Map<string, SearchHit>();
    for (const e of this.entries) {
      let score: number;
      if (e.name === q) score = e.isLabel ? 400 : 300;
      else if (e.name.startsWith(q)) score = e.isLabel ? 200 : 150;
      else if (e.name.includes(q)) score = 100;
      else continue;
      const prev = best.get(e.node);
      if (prev && prev.score >= score) continue;
      const a = this.graph.getNodeAttributes(e.node);
      best.set(e.node, { node: e.node, label: a.label, type: a.type, matched: e.original, score });
    }
    return [...best.values()]
      .sort(
        (x, y) =>
          y.score - x.score ||
          (this.degree.get(y.node) ?? 0) - (this.degree.get(x.node) ?? 0) ||
          x.label.length - y.label.length ||
          (x.node < y.node ? -1 : x.node > y.node ? 1 : 0),
      )
      .slice(0, limit);
  }
}

export { toSimplified };
