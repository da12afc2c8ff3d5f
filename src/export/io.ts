// Atomic, streamed file output shared by the writers: everything goes to
// `DIR/.NAME.tmp-<pid>` and is renamed over `DIR/NAME` only once complete, so a crash or a
// failed write never leaves a half-written output behind (the temp file is removed).
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Buffers small string pieces and writes them in ~1 MiB chunks, honouring backpressure. */
export class ChunkedWriter {
  private pieces: string[] = [];
  private pending = 0;
  private failure: Error | undefined;
  constructor(
    private readonly stream: WriteStream,
    private readonly chunkSize = 1 << 20,
  ) {
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Queues a piece; resolves at once unless a full chunk had to wait for the disk. */
  write(piece: string): Promise<void> | undefined {
    this.pieces.push(piece);
    this.pending += piece.length;
    return this.pending >= this.chunkSize ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pieces.length === 0) return;
    const chunk = this.pieces.join('');
    this.pieces = [];
    this.pending = 0;
    if (!this.stream.write(chunk)) await waitForDrain(this.stream);
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
  const stream = createWriteStream(temp, { encoding: 'utf8' });
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
