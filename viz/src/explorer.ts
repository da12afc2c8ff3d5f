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
import { SearchBox } from './search-box.js';
import { readViewState, writeViewState } from './url-state.js';
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
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  zoomReset: HTMLButtonElement;
}

export class Explorer {
  readonly loaded: LoadedGraph;
  readonly sigma: Sigma;
  readonly index: SearchIndex;
  private panel: Panel;
  private searchBox: SearchBox;
  private layout: FA2Layout | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private abort = new AbortController();

  // UI state
  readonly hiddenNodeTypes = new Set<string>();
  readonly hiddenEdgeTypes = new Set<string>();
  minEvidence = 1;
  hoveredNode: string | null = null;
  selectedNode: string | null = null;
  selectedEdge: string | null = null;
  private focusNeighbours = new Set<string>();

  constructor(data: SerializedGraph, private ui: ExplorerElements) {
    this.loaded = loadGraph(data);
    const { graph } = this.loaded;
    const big = graph.order > 5000 || graph.size > 15000;
    this.readFiltersFromUrl();
    this.applyFilters(false);

    this.sigma = new Sigma(graph, ui.container, {
      renderEdgeLabels: false,
      // Edge picking renders every edge a second time; on big graphs edges open from the panel instead.
      enableEdgeEvents: graph.size <= 20_000,
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      labelFont: LABEL_FONT,
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      labelDensity: big ? 0.4 : 0.6,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: big ? 9 : 5,
      defaultEdgeType: 'arrow',
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      nodeReducer: (node, a) => this.reduceNode(node, a),
      edgeReducer: (edge, a) => this.reduceEdge(edge, a),
    });
    this.index = new SearchIndex(graph);
    this.searchBox = new SearchBox(ui.search, ui.suggestions, this.index, (node) => this.selectNode(node, { fly: true }), this.abort.signal);
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

  /** A selected edge (and nothing hovered) dims everything but the edge and its two ends. */
  private edgeFocus(): string | null {
    return this.hoveredNode ? null : this.selectedEdge;
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
        // A few neighbours always get a label; many are left to sigma's collision-avoiding label grid.
        res.forceLabel = this.focusNeighbours.size <= 8;
      } else {
        res.color = DIMMED_NODE;
        res.label = null;
        res.zIndex = 0;
      }
    }
    if (node === this.selectedNode) res.highlighted = true;
    const edge = this.edgeFocus();
    if (edge) {
      if (this.loaded.graph.hasExtremity(edge, node)) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 3;
      } else {
        res.color = DIMMED_NODE;
        res.label = null;
        res.zIndex = 0;
      }
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
    const selected = this.edgeFocus();
    if (selected && edge !== selected) res.hidden = true;
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
      this.writeUrl();
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

  // The selection and the filters live in the URL fragment: shareable, and allowed on file:// pages too.
  private writeUrl(): void {
    const hash = writeViewState(location.hash, this.loaded, {
      hiddenNodeTypes: this.hiddenNodeTypes,
      hiddenEdgeTypes: this.hiddenEdgeTypes,
      minEvidence: this.minEvidence,
      node: this.selectedNode,
      edge: this.selectedEdge,
    });
    const url = `${location.pathname}${location.search}${hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }

  private readFiltersFromUrl(): void {
    const view = readViewState(location.hash, this.loaded);
    // In place: the filter controls hold these very sets.
    this.hiddenNodeTypes.clear();
    view.hiddenNodeTypes.forEach((t) => this.hiddenNodeTypes.add(t));
    this.hiddenEdgeTypes.clear();
    view.hiddenEdgeTypes.forEach((t) => this.hiddenEdgeTypes.add(t));
    this.minEvidence = view.minEvidence;
  }

  private syncFilterControls(): void {
    for (const input of this.ui.nodeTypes.querySelectorAll('input')) input.checked = !this.hiddenNodeTypes.has(input.value);
    for (const input of this.ui.edgeTypes.querySelectorAll('input')) input.checked = !this.hiddenEdgeTypes.has(input.value);
    this.ui.minEvidence.value = String(this.minEvidence);
    this.ui.minEvidenceValue.textContent = String(this.minEvidence);
  }

  private restoreFromUrl(): void {
    const { node, edge } = readViewState(location.hash, this.loaded);
    if (node) this.selectNode(node, { fly: true, updateUrl: false });
    else if (edge) this.selectEdge(edge, { updateUrl: false });
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

    this.ui.panelClose.addEventListener('click', () => this.selectNode(null), { signal });
    this.ui.layoutToggle.addEventListener(
      'click',
      () => (this.isLayoutRunning() ? this.stopLayout() : this.startLayout()),
      { signal },
    );
    const camera = this.sigma.getCamera();
    this.ui.zoomIn.addEventListener('click', () => void camera.animatedZoom({ duration: 300 }), { signal });
    this.ui.zoomOut.addEventListener('click', () => void camera.animatedUnzoom({ duration: 300 }), { signal });
    this.ui.zoomReset.addEventListener('click', () => void camera.animatedReset({ duration: 300 }), { signal });
    this.ui.exportPng.addEventListener('click', () => void exportPng(this.sigma), { signal });
    this.ui.exportGexf.addEventListener('click', () => exportGexf(this.loaded.graph), { signal });
    window.addEventListener(
      'hashchange',
      () => {
        // Read the whole fragment first: applying filters rewrites it with the current selection.
        const view = readViewState(location.hash, this.loaded);
        this.readFiltersFromUrl();
        this.syncFilterControls();
        this.applyFilters();
        if (view.edge && view.edge !== this.selectedEdge) this.selectEdge(view.edge, { updateUrl: false });
        else if (!view.edge && view.node !== this.selectedNode) this.selectNode(view.node, { fly: true, updateUrl: false });
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
