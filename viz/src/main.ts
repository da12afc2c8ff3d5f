// Entry point: find the graph (embedded by `yjkg build`, ?graph=URL, or a dropped file)
// and hand it to the Explorer. Errors are shown as text in the page.
import type { SerializedGraph } from 'graphology-types';
import { Explorer, type ExplorerElements } from './explorer.js';
import './style.css';

declare global {
  interface Window {
    __yjkg?: { ready: boolean; readyAt?: number; explorer?: Explorer; error?: string };
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const elements: ExplorerElements = {
  container: byId('sigma-container'),
  search: byId('search'),
  suggestions: byId('suggestions'),
  counts: byId('counts'),
  nodeTypes: byId('node-types'),
  edgeTypes: byId('edge-types'),
  minEvidence: byId('min-evidence'),
  minEvidenceValue: byId('min-evidence-value'),
  layoutToggle: byId('layout-toggle'),
  exportPng: byId('export-png'),
  exportGexf: byId('export-gexf'),
  panel: byId('panel'),
  panelBody: byId('panel-body'),
  panelClose: byId('panel-close'),
  zoomIn: byId('zoom-in'),
  zoomOut: byId('zoom-out'),
  zoomReset: byId('zoom-reset'),
};
const message = byId<HTMLElement>('message');

let current: Explorer | null = null;

function showMessage(text: string): void {
  message.textContent = text;
  message.hidden = text === '';
}

function open(data: SerializedGraph): void {
  current?.kill();
  current = null;
  window.__yjkg = { ready: false };
  try {
    current = new Explorer(data, elements);
    showMessage(current.loaded.graph.order === 0 ? 'The graph is empty.' : '');
    // Interactive once sigma's first frame has been presented (the second animation frame).
    const explorer = current;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (current !== explorer) return;
        window.__yjkg = { ready: true, readyAt: performance.now(), explorer };
        document.body.dataset.ready = 'true';
      }),
    );
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    window.__yjkg = { ready: false, error: text };
    showMessage(`Cannot show this graph: ${text}`);
  }
}

/** The graph embedded by `yjkg build` (the template's placeholder is not JSON). */
function embeddedGraph(): SerializedGraph | null {
  const text = document.getElementById('yjkg-graph')?.textContent?.trim() ?? '';
  if (!text.startsWith('{')) return null;
  return JSON.parse(text) as SerializedGraph;
}

async function start(): Promise<void> {
  const url = new URLSearchParams(location.search).get('graph');
  try {
    if (url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      open((await response.json()) as SerializedGraph);
      return;
    }
    const embedded = embeddedGraph();
    if (embedded) open(embedded);
    else showMessage('No graph embedded: drop a graph.json file here, or open ?graph=URL.');
  } catch (err) {
    showMessage(`Cannot load the graph: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// Drag and drop of a graph.json anywhere on the page.
document.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (ev) => {
  ev.preventDefault();
  document.body.classList.remove('dragging');
  const file = ev.dataTransfer?.files[0];
  if (!file) return;
  file
    .text()
    .then((text) => open(JSON.parse(text) as SerializedGraph))
    .catch((err) => showMessage(`${file.name}: not a graph.json (${err instanceof Error ? err.message : String(err)})`));
});

void start();
