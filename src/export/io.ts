// Atomic, streamed file output shared by the writers: everything goes to
// `DIR/.NAME.tmp-<pid>` and is renamed over `DIR/NAME` only once complete, so a crash or a
// failed write never leaves a half-written output behind (the temp file is removed).
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Encodes small string pieces straight into ~1 MiB UTF-8 buffers and writes those, honouring
 * backpressure: one pass over the text, no joined intermediate string (graph.json and
 * graph.gexf are hundreds of MB). Pieces are encoded one by one, so a piece must not end
 * inside a surrogate pair (the writers' pieces are whole elements).
 */
export class ChunkedWriter {
  private buffer: Buffer;
  private used = 0;
  private failure: Error | undefined;
  constructor(
    private readonly stream: WriteStream,
    private readonly chunkSize = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkSize);
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Queues a piece; resolves at once unless a full chunk had to wait for the disk. */
  write(piece: string): Promise<void> | undefined {
    // At most 3 UTF-8 bytes per UTF-16 code unit.
    if (this.used + piece.length * 3 <= this.chunkSize) {
      this.used += this.buffer.write(piece, this.used, 'utf8');
      return undefined;
    }
    // Synchronously, like the fast path: pieces reach the stream in the order written.
    let full = this.used > 0 && !this.writeChunk();
    if (piece.length * 3 <= this.chunkSize) this.used = this.buffer.write(piece, 0, 'utf8');
    else full = !this.stream.write(piece, 'utf8') || full;
    return full || this.failure ? this.settle(full) : undefined;
  }

  async flush(): Promise<void> {
    await this.settle(this.used > 0 && !this.writeChunk());
  }

  /** Hands the buffered chunk to the stream; false when the stream asks to wait for 'drain'. */
  private writeChunk(): boolean {
    // The stream keeps the chunk until it is on disk: the next pieces go into a fresh buffer.
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.chunkSize);
    this.used = 0;
    return this.stream.write(chunk);
  }

  private async settle(waitForDisk: boolean): Promise<void> {
    if (this.failure) throw this.failure;
    if (waitForDisk) await waitForDrain(this.stream);
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    if (this.failure) throw this.failure;
  }
}

function waitForDrain(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
}

/**
 * Runs `produce` against a writer on a temp file next to `path`, then renames it into place.
 * On any failure the temp file is removed and the error rethrown; `path` is untouched.
 */
export async function writeFileAtomic(path: string, produce: (out: ChunkedWriter) => Promise<void> | void): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const stream = createWriteStream(temp);
  const writer = new ChunkedWriter(stream);
  try {
    await produce(writer);
    await writer.close();
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes a whole string atomically (small outputs: report.json, index.html). */
export function writeTextAtomic(path: string, text: string): Promise<void> {
  return writeFileAtomic(path, (out) => {
    out.write(text);
  });
}
