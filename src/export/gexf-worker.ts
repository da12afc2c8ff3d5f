// graph.gexf written by a thread of its own while the main thread writes graph.json: the two
// files are ~600 MB per 50 MiB of input and were written one after the other, single-threaded
// (a 1 GiB corpus: 159 s), while the extraction workers sat finished.
//
// The main thread already turns every node and edge into its graph.json text; it passes those
// texts on in batches (JsonTee), and this thread parses them back and writes the GEXF elements
// (gexf.ts: the same functions as the single-threaded writer, so the bytes are the same). The
// file goes to the same temp path as writeFileAtomic's; the main thread renames it into place,
// just before graph.json, once both are complete.
import { createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SourceEdge, SourceNode } from '../graph.js';
import { GEXF_BETWEEN, GEXF_FOOTER, gexfEdge, gexfHeader, gexfNode, type GexfOptions } from './gexf.js';
import { ChunkedWriter, tempPathFor } from './io.js';
import type { JsonTee } from './json.js';

interface GexfWorkerInit {
  role: 'yjkg-gexf';
  temp: string;
  options: GexfOptions;
}

/** Main thread -> GEXF thread: a batch is a JSON array of graph.json node (or edge) objects. */
type GexfRequest = { kind: 'nodes'; batch: string; degrees: number[] } | { kind: 'edges'; batch: string } | { kind: 'end' };
/** GEXF thread -> main thread: a batch is written ('ack'); the temp file is complete ('ready'); or why not. */
type GexfResponse = { kind: 'ack' } | { kind: 'ready' } | { kind: 'error'; message: string };

const WORKER_URL = new URL('./gexf-worker.js', import.meta.url);
/** Characters of JSON per batch, and batches on their way at most (bounds the memory in transit). */
const BATCH_CHARS = 1 << 18;
const MAX_IN_FLIGHT = 4;

/** Compiled worker present? (Not when vitest runs the .ts sources: then one thread writes both files.) */
export function gexfWorkerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** The main thread's end: a JsonTee that batches the texts to the GEXF thread, with backpressure. */
export class GexfWriterThread implements JsonTee {
  private readonly worker: Worker;
  private readonly temp: string;
  private texts: string[] = [];
  private degrees: number[] = [];
  private chars = 0;
  private section: 'nodes' | 'edges' = 'nodes';
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly ready: Promise<void>;

  constructor(path: string, options: GexfOptions = {}) {
    this.temp = tempPathFor(path);
    this.worker = new Worker(WORKER_URL, { workerData: { role: 'yjkg-gexf', temp: this.temp, options } satisfies GexfWorkerInit });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (response: GexfResponse) => {
        if (response.kind === 'ack') this.inFlight--;
        else if (response.kind === 'ready') resolve();
        else this.fail(new Error(response.message), reject);
        this.wakeUp();
      });
      this.worker.on('error', (error) => this.fail(error, reject));
      this.worker.on('exit', (code) => this.fail(new Error(`the graph.gexf writer thread stopped (exit code ${code})`), reject));
    });
    this.ready.catch(() => {}); // surfaced by the next call instead
  }

  node(json: string, degree: number): Promise<void> | undefined {
    this.degrees.push(degree);
    return this.add(json);
  }

  edge(json: string): Promise<void> | undefined {
    if (this.section === 'nodes') {
      // The last nodes go before the first edge.
      const sent = this.texts.length > 0 ? this.send() : undefined;
      this.section = 'edges';
      if (sent) return sent.then(() => this.edge(json));
    }
    return this.add(json);
  }

  /** Adds a text to the batch: sent once the batch is full; a failure of the thread so far rejects. */
  private add(json: string): Promise<void> | undefined {
    this.texts.push(json);
    this.chars += json.length;
    return this.chars >= BATCH_CHARS ? this.send() : this.failure ? Promise.reject(this.failure) : undefined;
  }

  /** Sends what is left, and resolves once the temp file is complete on disk. */
  async finish(): Promise<void> {
    if (this.texts.length > 0) await this.send();
    this.check();
    this.worker.postMessage({ kind: 'end' } satisfies GexfRequest);
    await this.ready;
    await this.worker.terminate();
  }

  /** Stops the thread and removes its temp file (after a failure on either side). */
  async abort(): Promise<void> {
    await this.worker.terminate();
    await rm(this.temp, { force: true });
  }

  private async send(): Promise<void> {
    this.check();
    const batch = `[${this.texts.join(',')}]`;
    this.worker.postMessage(
      (this.section === 'nodes' ? { kind: 'nodes', batch, degrees: this.degrees } : { kind: 'edges', batch }) satisfies GexfRequest,
    );
    this.texts = [];
    this.degrees = [];
    this.chars = 0;
    this.inFlight++;
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private fail(error: Error, reject: (error: Error) => void): void {
    this.failure ??= error;
    reject(this.failure);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

// ---------------------------------------------------------------- the GEXF thread

const init = workerData as GexfWorkerInit | undefined;
if (!isMainThread && parentPort && init?.role === 'yjkg-gexf') {
  const port = parentPort;
  const out = new ChunkedWriter(createWriteStream(init.temp));
  let section: 'header' | 'nodes' | 'edges' = 'header';
  const enter = async (next: 'nodes' | 'edges') => {
    if (section === 'header') await out.write(gexfHeader(init.options));
    if (next === 'edges' && section !== 'edges') await out.write(GEXF_BETWEEN);
    section = next;
  };
  const handle = async (request: GexfRequest) => {
    if (request.kind === 'nodes') {
      await enter('nodes');
      const nodes = JSON.parse(request.batch) as { key: string; attributes?: SourceNode['attributes'] }[];
      for (let i = 0; i < nodes.length; i++) {
        const { key, attributes = {} } = nodes[i]!;
        const pending = out.write(gexfNode({ key, attributes }, request.degrees[i]!));
        if (pending) await pending;
      }
    } else if (request.kind === 'edges') {
      await enter('edges');
      for (const edge of JSON.parse(request.batch) as (Omit<SourceEdge, 'attributes'> & { attributes?: SourceEdge['attributes'] })[]) {
        const pending = out.write(gexfEdge({ ...edge, attributes: edge.attributes ?? {} }));
        if (pending) await pending;
      }
    } else {
      await enter('edges');
      await out.write(GEXF_FOOTER);
      await out.close();
      port.postMessage({ kind: 'ready' } satisfies GexfResponse);
      return;
    }
    port.postMessage({ kind: 'ack' } satisfies GexfResponse);
  };
  // One request at a time, in order.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (request: GexfRequest) => {
    chain = chain.then(() => handle(request)).catch((error: unknown) => {
      port.postMessage({ kind: 'error', message: `graph.gexf: ${(error as Error)?.message ?? String(error)}` } satisfies GexfResponse);
    });
  });
}
