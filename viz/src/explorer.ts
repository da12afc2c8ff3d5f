// The one owner of graph and UI state (sigma demo style): filters write `hidden` attributes
// once per change; hover and selection only live here and reach the screen through the
// reducers, which return fresh display objects, followed by refresh({skipIndexation: true}).
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from 'graphology-types';
import { EDGE_TYPE_COLORS, HIDDEN_BY_DEFAULT, NODE_TYPE_COLORS, colorFor, loadGraph, type LoadedGraph } from './data.js';
import { SearchIndex } from './search.js';
import { Panel } from './panel.js';
import { el } from './highlight.js';
import { exportGexf, exportPng } from './exporters.js';

const DIMMED_NODE = '#e4e4e4';
const SELECTED_EDGE = '#1d3557';
const LABEL_FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface ExplorerElements {
  container: HTMLElement;
  search: HTMLInputElement;
  suggestions: HTMLUListElement;
  counts: HTMLElement;
  nodeTypes: HTMLElement;
  edgeTypes: HTMLElement;
  minEvidence: HTMLInputElement;
  minEvidenceValue: HTMLOutputElement;
  layoutToggle: HTMLButtonElement;
  exportPng: HTMLButtonElement;
  exportGexf: HTMLButtonElement;
  panel: HTMLElement;
  panelBody: HTMLElement;
  panelClose: HTMLButtonElement;
}

export class Explorer {
  readonly loaded: LoadedGraph;
  readonly sigma: Sigma;
  readonly index: SearchIndex;
  private panel: Panel;
  private layout: FA2Layout | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private abort = new AbortController();

  // UI state
  hiddenNodeTypes = new Set<string>();
  hiddenEdgeTypes = new Set<string>();
  minEvidence = 1;
  hoveredNode: string | null = null;
  selectedNode: string | null = null;
  selectedEdge: string | null = null;
  private focusNeighbours = new Set<string>();
  private activeSuggestion = -1;

  constructor(data: SerializedGraph, private ui: ExplorerElements) {
    this.loaded = loadGraph(data);
    const { graph } = this.loaded;
    const big = graph.order > 5000 || graph.size > 15000;
    for (const t of HIDDEN_BY_DEFAULT.nodeTypes) if (this.loaded.nodeTypes.includes(t)) this.hiddenNodeTypes.add(t);
    for (const t of HIDDEN_BY_DEFAULT.edgeTypes) if (this.loaded.edgeTypes.includes(t)) this.hiddenEdgeTypes.add(t);
    this.applyFilters(false);

    this.sigma = new Sigma(graph, ui.container, {
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      labelFont: LABEL_FONT,
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      labelDensity: big ? 0.4 : 0.8,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: big ? 9 : 5,
      defaultEdgeType: 'arrow',
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      nodeReducer: (node, a) => this.reduceNode(node, a),
      edgeReducer: (edge, a) => this.reduceEdge(edge, a),
    });
    this.index = new SearchIndex(graph);
    this.panel = new Panel(graph, ui.panel, ui.panelBody, this.loaded.edgeTypes, {
      selectNode: (node) => this.selectNode(node, { fly: true }),
      selectEdge: (edge) => this.selectEdge(edge),
    });
    this.buildFilterControls();
    this.bindEvents();
    this.updateCounts();
    if (!this.loaded.hasPositions && graph.order > 1) this.startLayout();
    this.restoreFromUrl();
  }

  // ------------------------------------------------------------------ reducers

  private focus(): string | null {
    return this.hoveredNode ?? this.selectedNode;
  }

  private reduceNode(node: string, a: Record<string, any>): Partial<NodeDisplayData> {
    const res: Partial<NodeDisplayData> = {
      x: a.x,
      y: a.y,
      size: a.size,
      color: a.color,
      label: a.label,
      hidden: a.hidden,
      zIndex: 1,
    };
    const focus = this.focus();
    if (focus) {
      if (node === focus) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 3;
      } else if (this.focusNeighbours.has(node)) {
        res.zIndex = 2;
        res.forceLabel = this.focusNeighbours.size <= 30;
      } else {
        res.color = DIMMED_NODE;
        res.label = null;
        res.zIndex = 0;
      }
    }
    if (node === this.selectedNode) res.highlighted = true;
    if (this.selectedEdge && this.loaded.graph.hasExtremity(this.selectedEdge, node)) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
    }
    return res;
  }

  private reduceEdge(edge: string, a: Record<string, any>): Partial<EdgeDisplayData> {
    const graph = this.loaded.graph;
    const res: Partial<EdgeDisplayData> = {
      size: a.size,
      color: a.color,
      hidden: a.hidden,
      type: graph.isUndirected(edge) ? 'line' : 'arrow',
      zIndex: 0,
    };
    const focus = this.focus();
    if (focus && graph.source(edge) !== focus && graph.target(edge) !== focus) res.hidden = true;
    if (edge === this.selectedEdge) {
      res.color = SELECTED_EDGE;
      res.size = (a.size ?? 1) + 2;
      res.zIndex = 1;
      res.hidden = false;
    }
    return res;
  }

  private refresh(): void {
    const focus = this.focus();
    this.focusNeighbours = focus ? new Set(this.loaded.graph.neighbors(focus)) : new Set();
    this.sigma.refresh({ skipIndexation: true });
  }

  // ------------------------------------------------------------------ filters

  /** Writes `hidden` on every node and edge in one batch per kind (one sigma reindex). */
  applyFilters(render = true): void {
    const { graph } = this.loaded;
    graph.updateEachNodeAttributes(
      (_n, a) => {
        a.hidden = this.hiddenNodeTypes.has(a.type);
        return a;
      },
      { attributes: ['hidden'] },
    );
    graph.updateEachEdgeAttributes(
      (_e, a) => {
        a.hidden = this.hiddenEdgeTypes.has(a.type) || a.evidenceCount < this.minEvidence;
        return a;
      },
      { attributes: ['hidden'] },
    );
    if (render) {
      this.updateCounts();
      this.refresh();
    }
  }

  /** Visible nodes and edges (an edge is visible when it and both its ends are). */
  visibleCounts(): { nodes: number; edges: number; nodesByType: Record<string, number>; edgesByType: Record<string, number> } {
    const { graph } = this.loaded;
    let nodes = 0;
    let edges = 0;
    const nodesByType: Record<string, number> = {};
    const edgesByType: Record<string, number> = {};
    graph.forEachNode((_n, a) => {
      if (a.hidden) return;
      nodes++;
      nodesByType[a.type] = (nodesByType[a.type] ?? 0) + 1;
    });
    graph.forEachEdge((_e, a, _s, _t, sa, ta) => {
      if (a.hidden || sa.hidden || ta.hidden) return;
      edges++;
      edgesByType[a.type] = (edgesByType[a.type] ?? 0) + 1;
    });
    return { nodes, edges, nodesByType, edgesByType };
  }

  private updateCounts(): void {
    const { graph } = this.loaded;
    const c = this.visibleCounts();
    this.ui.counts.textContent = `${c.nodes.toLocaleString('en')} / ${graph.order.toLocaleString('en')} nodes · ${c.edges.toLocaleString('en')} / ${graph.size.toLocaleString('en')} edges visible`;
    this.ui.counts.dataset.nodes = String(c.nodes);
    this.ui.counts.dataset.edges = String(c.edges);
    for (const row of this.ui.nodeTypes.querySelectorAll<HTMLElement>('[data-type]')) {
      row.querySelector('.n')!.textContent = String(c.nodesByType[row.dataset.type!] ?? 0);
    }
    for (const row of this.ui.edgeTypes.querySelectorAll<HTMLElement>('[data-type]')) {
      row.querySelector('.n')!.textContent = String(c.edgesByType[row.dataset.type!] ?? 0);
    }
  }

  private buildFilterControls(): void {
    const { graph, nodeTypes, edgeTypes, maxEvidence } = this.loaded;
    const totals = (kind: 'node' | 'edge') => {
      const t: Record<string, number> = {};
      if (kind === 'node') graph.forEachNode((_n, a) => (t[a.type] = (t[a.type] ?? 0) + 1));
      else graph.forEachEdge((_e, a) => (t[a.type] = (t[a.type] ?? 0) + 1));
      return t;
    };
    const build = (box: HTMLElement, types: string[], hidden: Set<string>, table: Record<string, string>, kind: 'node' | 'edge') => {
      const total = totals(kind);
      box.replaceChildren();
      types.forEach((type, i) => {
        const row = el('label', 'toggle');
        row.dataset.type = type;
        const input = el('input');
        input.type = 'checkbox';
        input.checked = !hidden.has(type);
        input.name = `${kind}-type`;
        input.value = type;
        input.addEventListener(
          'change',
          () => {
            if (input.checked) hidden.delete(type);
            else hidden.add(type);
            this.applyFilters();
          },
          { signal: this.abort.signal },
        );
        const swatch = el('span', kind === 'node' ? 'swatch' : 'swatch line');
        swatch.style.background = colorFor(table, type, i);
        const counts = el('span', 'counts');
        counts.append(el('span', 'n', '0'), el('span', 'total', ` / ${total[type] ?? 0}`));
        row.append(input, swatch, el('span', 'name', type), counts);
        box.append(row);
      });
    };
    build(this.ui.nodeTypes, nodeTypes, this.hiddenNodeTypes, NODE_TYPE_COLORS, 'node');
    build(this.ui.edgeTypes, edgeTypes, this.hiddenEdgeTypes, EDGE_TYPE_COLORS, 'edge');
    const slider = this.ui.minEvidence;
    slider.min = '1';
    slider.max = String(Math.max(1, maxEvidence));
    slider.value = String(this.minEvidence);
    slider.disabled = maxEvidence <= 1;
    this.ui.minEvidenceValue.textContent = String(this.minEvidence);
    slider.addEventListener(
      'input',
      () => {
        this.minEvidence = Number(slider.value);
        this.ui.minEvidenceValue.textContent = slider.value;
        this.applyFilters();
      },
      { signal: this.abort.signal },
    );
  }

  // ------------------------------------------------------------------ selection

  selectNode(node: string | null, opts: { fly?: boolean; updateUrl?: boolean } = {}): void {
    const { graph } = this.loaded;
    if (node !== null && !graph.hasNode(node)) node = null;
    this.selectedNode = node;
    this.selectedEdge = null;
    if (node) {
      this.panel.showNode(node);
      if (opts.fly) this.flyTo(node);
    } else {
      this.panel.close();
    }
    if (opts.updateUrl !== false) this.writeUrl();
    this.refresh();
  }

  selectEdge(edge: string | null, opts: { updateUrl?: boolean } = {}): void {
    const { graph } = this.loaded;
    if (edge !== null && !graph.hasEdge(edge)) edge = null;
    this.selectedEdge = edge;
    this.selectedNode = null;
    if (edge) this.panel.showEdge(edge);
    else this.panel.close();
    if (opts.updateUrl !== false) this.writeUrl();
    this.refresh();
  }

  flyTo(node: string): void {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return;
    // Zoom so that the node's visible neighbours fit around it (framed-graph units: 1 = the view at ratio 1).
    let reach = 0.04;
    this.loaded.graph.forEachNeighbor(node, (other) => {
      const d = this.sigma.getNodeDisplayData(other);
      if (d && !d.hidden) reach = Math.max(reach, Math.abs(d.x - data.x), Math.abs(d.y - data.y));
    });
    const ratio = Math.min(1, Math.max(0.02, reach * 2.3));
    this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: 500 });
  }

  // The selection lives in the URL fragment: shareable, and allowed on file:// pages too.
  private writeUrl(): void {
    const params = new URLSearchParams(location.hash.slice(1));
    params.delete('node');
    params.delete('edge');
    if (this.selectedNode) params.set('node', this.selectedNode);
    if (this.selectedEdge) params.set('edge', this.selectedEdge);
    const hash = params.toString();
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }

  private restoreFromUrl(): void {
    const params = new URLSearchParams(location.hash.slice(1));
    const node = params.get('node');
    const edge = params.get('edge');
    if (node && this.loaded.graph.hasNode(node)) this.selectNode(node, { fly: true, updateUrl: false });
    else if (edge && this.loaded.graph.hasEdge(edge)) this.selectEdge(edge, { updateUrl: false });
  }

  // ------------------------------------------------------------------ search

  private renderSuggestions(): void {
    const { search, suggestions } = this.ui;
    const hits = this.index.search(search.value, 12);
    suggestions.replaceChildren();
    this.activeSuggestion = hits.length ? 0 : -1;
    hits.forEach((hit, i) => {
      const li = el('li', 'suggestion');
      li.setAttribute('role', 'option');
      li.dataset.node = hit.node;
      const swatch = el('span', 'swatch');
      swatch.style.background = colorFor(NODE_TYPE_COLORS, hit.type, 0);
      li.append(swatch, el('span', 'label', hit.label), el('span', 'type', hit.type));
      if (hit.matched !== hit.label) li.append(el('span', 'alias', `= ${hit.matched}`));
      if (i === 0) li.classList.add('active');
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault(); // keep focus in the input until the choice is applied
        this.chooseSuggestion(hit.node);
      });
      suggestions.append(li);
    });
    if (search.value.trim() !== '' && hits.length === 0) suggestions.append(el('li', 'empty', 'no match'));
    suggestions.hidden = suggestions.childElementCount === 0;
    search.setAttribute('aria-expanded', String(!suggestions.hidden));
  }

  private chooseSuggestion(node: string): void {
    this.ui.search.value = String(this.loaded.graph.getNodeAttribute(node, 'label'));
    this.ui.suggestions.hidden = true;
    this.ui.search.setAttribute('aria-expanded', 'false');
    this.selectNode(node, { fly: true });
  }

  private moveActive(delta: number): void {
    const items = [...this.ui.suggestions.querySelectorAll<HTMLElement>('li.suggestion')];
    if (!items.length) return;
    this.activeSuggestion = (this.activeSuggestion + delta + items.length) % items.length;
    items.forEach((li, i) => li.classList.toggle('active', i === this.activeSuggestion));
  }

  // ------------------------------------------------------------------ layout

  startLayout(): void {
    const { graph } = this.loaded;
    if (!this.layout) {
      const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1500 };
      this.layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
    }
    this.layout.start();
    this.ui.layoutToggle.hidden = false;
    this.ui.layoutToggle.textContent = 'Stop layout';
    clearTimeout(this.layoutTimer);
    // Converged enough for reading; the analyst can restart it.
    this.layoutTimer = setTimeout(() => this.stopLayout(), graph.order > 2000 ? 20_000 : 5_000);
  }

  stopLayout(): void {
    clearTimeout(this.layoutTimer);
    this.layout?.stop();
    this.ui.layoutToggle.textContent = 'Run layout';
  }

  isLayoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  // ------------------------------------------------------------------ wiring

  private bindEvents(): void {
    const signal = this.abort.signal;
    const s = this.sigma;
    s.on('enterNode', ({ node }) => {
      this.hoveredNode = node;
      this.ui.container.style.cursor = 'pointer';
      this.refresh();
    });
    s.on('leaveNode', () => {
      this.hoveredNode = null;
      this.ui.container.style.cursor = '';
      this.refresh();
    });
    s.on('enterEdge', () => (this.ui.container.style.cursor = 'pointer'));
    s.on('leaveEdge', () => (this.ui.container.style.cursor = ''));
    s.on('clickNode', ({ node }) => this.selectNode(node));
    s.on('clickEdge', ({ edge }) => this.selectEdge(edge));
    s.on('clickStage', () => {
      if (this.selectedNode || this.selectedEdge) this.selectNode(null);
    });

    const { search } = this.ui;
    search.addEventListener('input', () => this.renderSuggestions(), { signal });
    search.addEventListener('focus', () => search.value && this.renderSuggestions(), { signal });
    search.addEventListener('blur', () => (this.ui.suggestions.hidden = true), { signal });
    search.addEventListener(
      'keydown',
      (ev) => {
        if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
          ev.preventDefault();
          if (this.ui.suggestions.hidden) this.renderSuggestions();
          else this.moveActive(ev.key === 'ArrowDown' ? 1 : -1);
        } else if (ev.key === 'Enter') {
          ev.preventDefault();
          const items = [...this.ui.suggestions.querySelectorAll<HTMLElement>('li.suggestion')];
          const chosen = items[this.activeSuggestion] ?? null;
          const node = chosen?.dataset.node ?? this.index.search(search.value, 1)[0]?.node;
          if (node) this.chooseSuggestion(node);
        } else if (ev.key === 'Escape') {
          this.ui.suggestions.hidden = true;
        }
      },
      { signal },
    );
    this.ui.panelClose.addEventListener('click', () => this.selectNode(null), { signal });
    this.ui.layoutToggle.addEventListener(
      'click',
      () => (this.isLayoutRunning() ? this.stopLayout() : this.startLayout()),
      { signal },
    );
    this.ui.exportPng.addEventListener('click', () => void exportPng(this.sigma), { signal });
    this.ui.exportGexf.addEventListener('click', () => exportGexf(this.loaded.graph), { signal });
    window.addEventListener(
      'hashchange',
      () => {
        const params = new URLSearchParams(location.hash.slice(1));
        const node = params.get('node');
        const edge = params.get('edge');
        if (edge && edge !== this.selectedEdge) this.selectEdge(edge, { updateUrl: false });
        else if (node !== this.selectedNode && !edge) this.selectNode(node, { fly: true, updateUrl: false });
      },
      { signal },
    );
  }

  kill(): void {
    this.abort.abort();
    clearTimeout(this.layoutTimer);
    this.layout?.kill();
    this.sigma.kill();
    this.panel.close();
  }
}
