// The side panel: what a node is, its relations grouped by type, and the evidence sentences
// each relation rests on. Built with textContent only.
import type Graph from 'graphology';
import { EDGE_TYPE_COLORS, NODE_TYPE_COLORS, colorFor, evidenceOf, type EvidenceItem } from './data.js';
import { el, highlightedSentence, type Mark } from './highlight.js';

export interface PanelCallbacks {
  selectNode(node: string): void;
  selectEdge(edge: string): void;
}

const EVIDENCE_SHOWN = 3;
const ATTR_LABELS: [string, string][] = [
  ['title', 'title'],
  ['amount_yuan', 'amount (yuan)'],
  ['since', 'since'],
  ['date', 'date'],
];

export class Panel {
  private articles = new Map<string, Record<string, unknown>>();

  constructor(
    private graph: Graph,
    private root: HTMLElement,
    private body: HTMLElement,
    private edgeTypes: string[],
    private callbacks: PanelCallbacks,
  ) {
    // Article nodes (provenance) give evidence a readable source: keyed by their id, key and label.
    graph.forEachNode((node, a) => {
      if (a.type !== 'Article') return;
      for (const id of [node, node.replace(/^Article:/, ''), a.id, a.label]) {
        if (typeof id === 'string' && !this.articles.has(id)) this.articles.set(id, a);
      }
    });
  }

  close(): void {
    this.root.hidden = true;
    this.body.replaceChildren();
  }

  private namesOf(node: string): string[] {
    const a = this.graph.getNodeAttributes(node);
    return [a.label, ...(Array.isArray(a.aliases) ? a.aliases : [])].filter((n) => typeof n === 'string');
  }

  private typeBadge(type: string, table: Record<string, string>): HTMLElement {
    const badge = el('span', 'badge', type);
    badge.style.setProperty('--swatch', colorFor(table, type, 0));
    return badge;
  }

  private nodeButton(node: string): HTMLButtonElement {
    const a = this.graph.getNodeAttributes(node);
    const button = el('button', 'node-link', String(a.label));
    button.type = 'button';
    button.dataset.node = node;
    button.title = `${a.type}: ${a.label}`;
    button.style.setProperty('--swatch', String(a.color ?? colorFor(NODE_TYPE_COLORS, a.type, 0)));
    button.addEventListener('click', () => this.callbacks.selectNode(node));
    return button;
  }

  private source(id: string, item?: EvidenceItem): HTMLElement {
    const cite = el('cite', 'source');
    const hash = id.lastIndexOf('#');
    const file = hash === -1 ? id : id.slice(0, hash);
    const index = hash === -1 ? '' : ` · article ${id.slice(hash + 1)}`;
    cite.textContent = `${file}${index}`;
    cite.dataset.article = id;
    const article = this.articles.get(id) ?? this.articles.get(`Article:${id}`);
    const title = article && typeof article.title === 'string' ? article.title : undefined;
    if (title) cite.append(el('span', 'article-title', ` 《${title}》`));
    // Where in the original file the quote is (UTF-16 offsets, end exclusive), to check it at the source.
    if (item && Number.isInteger(item.start) && Number.isInteger(item.end)) cite.append(el('span', 'offsets', ` · chars ${item.start}–${item.end}`));
    return cite;
  }

  private evidenceList(evidence: EvidenceItem[], marks: Mark[], shown = EVIDENCE_SHOWN): HTMLElement {
    const list = el('ol', 'evidence');
    const render = (item: EvidenceItem) => {
      const li = el('li');
      const quote = el('blockquote');
      quote.append(highlightedSentence(String(item.sentence ?? ''), marks));
      li.append(quote, this.source(String(item.article ?? ''), item));
      return li;
    };
    evidence.slice(0, shown).forEach((item) => list.append(render(item)));
    if (evidence.length > shown) {
      const more = el('button', 'more', `show ${evidence.length - shown} more`);
      more.type = 'button';
      more.addEventListener('click', () => {
        more.remove();
        evidence.slice(shown).forEach((item) => list.append(render(item)));
      });
      const li = el('li', 'more-row');
      li.append(more);
      list.append(li);
    }
    return list;
  }

  private relationAttrs(a: Record<string, unknown>): HTMLElement | null {
    const parts: string[] = [];
    for (const [key, label] of ATTR_LABELS) {
      const v = a[key];
      if (v === undefined || v === null || v === '') continue;
      parts.push(`${label}: ${typeof v === 'number' && key === 'amount_yuan' ? v.toLocaleString('zh-CN') : String(v)}`);
    }
    return parts.length ? el('span', 'attrs', parts.join(' · ')) : null;
  }

  showNode(node: string): void {
    const g = this.graph;
    const a = g.getNodeAttributes(node);
    this.body.replaceChildren();
    this.body.dataset.kind = 'node';
    this.body.dataset.node = node;

    const head = el('header', 'panel-head');
    head.append(this.typeBadge(String(a.type), NODE_TYPE_COLORS), el('h2', 'canonical', String(a.label)));
    this.body.append(head);

    const facts = el('dl', 'facts');
    const fact = (name: string, value: string | HTMLElement) => {
      facts.append(el('dt', undefined, name));
      const dd = el('dd');
      dd.append(value);
      facts.append(dd);
    };
    const aliases = Array.isArray(a.aliases) ? a.aliases.filter((x: unknown) => typeof x === 'string') : [];
    if (aliases.length) {
      const list = el('span', 'aliases');
      aliases.forEach((alias: string) => list.append(el('span', 'alias', alias)));
      fact('aliases', list);
    }
    if (a.type === 'Article') {
      if (a.title) fact('title', String(a.title));
      if (a.file) fact('file', String(a.file) + (a.index !== undefined ? ` · article ${a.index}` : ''));
      if (typeof a.characters === 'number') fact('characters', String(a.characters));
    }
    if (a.level) fact('level', String(a.level));
    if (a.code) fact('code', String(a.code));
    if (typeof a.mentions === 'number') fact('mentions', String(a.mentions));
    if (Array.isArray(a.articles)) fact('articles', String(a.articles.length));
    if (a.hidden) fact('note', 'hidden by the current filters');
    if (facts.childElementCount) this.body.append(facts);

    // Relations grouped by type, in legend order; within a type by evidence count, then name.
    const groups = new Map<string, { edge: string; other: string; outgoing: boolean }[]>();
    g.forEachEdge(node, (edge, e, source, target) => {
      const list = groups.get(e.type) ?? [];
      list.push({ edge, other: source === node ? target : source, outgoing: source === node });
      groups.set(e.type, list);
    });
    const selfNames = this.namesOf(node);
    const relations = el('section', 'relations');
    relations.append(el('h3', 'section-title', `Relations (${g.degree(node)})`));
    for (const type of this.edgeTypes) {
      const list = groups.get(type);
      if (!list) continue;
      list.sort((x, y) => {
        const ex = g.getEdgeAttribute(x.edge, 'evidenceCount');
        const ey = g.getEdgeAttribute(y.edge, 'evidenceCount');
        const lx = String(g.getNodeAttribute(x.other, 'label'));
        const ly = String(g.getNodeAttribute(y.other, 'label'));
        return ey - ex || (lx < ly ? -1 : lx > ly ? 1 : 0) || (x.edge < y.edge ? -1 : 1);
      });
      const group = el('section', 'relation-group');
      group.dataset.relation = type;
      const title = el('h4');
      title.append(this.typeBadge(type, EDGE_TYPE_COLORS), el('span', 'count', ` ${list.length}`));
      group.append(title);
      const ul = el('ul', 'relation-list');
      for (const { edge, other, outgoing } of list) {
        const e = g.getEdgeAttributes(edge);
        const li = el('li', 'relation');
        li.dataset.edge = edge;
        const line = el('div', 'relation-line');
        const arrow = el('button', 'edge-link', outgoing ? '→' : '←');
        arrow.type = 'button';
        arrow.title = 'show this relation';
        arrow.addEventListener('click', () => this.callbacks.selectEdge(edge));
        line.append(arrow, this.nodeButton(other));
        const attrs = this.relationAttrs(e);
        if (attrs) line.append(attrs);
        line.append(el('span', 'weight', `${e.evidenceCount}×`));
        li.append(line);
        const marks = [
          { names: selfNames, className: 'self' },
          { names: this.namesOf(other), className: 'other' },
        ];
        // Provenance edges carry no sentences worth repeating per article.
        if (type !== 'MENTIONS') li.append(this.evidenceList(evidenceOf(e), marks, 2));
        ul.append(li);
      }
      group.append(ul);
      relations.append(group);
    }
    this.body.append(relations);
    this.root.hidden = false;
    this.root.scrollTop = 0;
  }

  showEdge(edge: string): void {
    const g = this.graph;
    const e = g.getEdgeAttributes(edge);
    const [source, target] = g.extremities(edge);
    this.body.replaceChildren();
    this.body.dataset.kind = 'edge';
    this.body.dataset.edge = edge;
    const head = el('header', 'panel-head');
    head.append(this.typeBadge(String(e.type), EDGE_TYPE_COLORS));
    const ends = el('h2', 'edge-ends');
    ends.append(this.nodeButton(source), el('span', 'arrow', g.isDirected(edge) ? ' → ' : ' — '), this.nodeButton(target));
    head.append(ends);
    this.body.append(head);
    const facts = el('dl', 'facts');
    const fact = (name: string, value: string) => facts.append(el('dt', undefined, name), el('dd', undefined, value));
    for (const [key, label] of ATTR_LABELS) if (e[key] !== undefined && e[key] !== null) fact(label, String(e[key]));
    fact('evidence', String(e.evidenceCount));
    if (typeof e.confidence === 'number') fact('confidence', e.confidence.toFixed(2));
    if (e.rule) fact('rule', String(e.rule));
    this.body.append(facts);
    const section = el('section', 'relations');
    section.append(el('h3', 'section-title', 'Evidence'));
    section.append(
      this.evidenceList(
        evidenceOf(e),
        [
          { names: this.namesOf(source), className: 'self' },
          { names: this.namesOf(target), className: 'other' },
        ],
        20,
      ),
    );
    this.body.append(section);
    this.root.hidden = false;
    this.root.scrollTop = 0;
  }
}
