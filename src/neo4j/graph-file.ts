// graph.json read as a stream of its nodes and edges, so that `yjkg load` works on graphs of any
// size. Reading the whole file as one string stops at V8's string limit (~512 M characters, a
// graph.json of about 0.7 GB, which a corpus of ~130 MiB already gives) and at 2 GiB for
// fs.readFile; the parsed graph would not fit in the heap long before that.
//
// The splitter below only finds where each element of the top-level "nodes" and "edges" arrays
// begins and ends (it tracks nesting and strings, nothing else), and JSON.parse reads each
// element. stream-json does the same job token by token in JavaScript: on the 265 MB graph.json of
// the 50 MiB bench corpus it read 17 MiB/s here, this 86 MiB/s. Any JSON layout is accepted
// (pretty-printed, keys in any order).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

export type GraphSection = 'nodes' | 'edges';

/**
 * One element of "nodes" or "edges" (as JSON.parse gives it, with the length of its JSON text, a
 * measure of its size), or the end of that array.
 */
export type GraphFileItem = { section: GraphSection; value: unknown; index: number; chars: number } | { section: GraphSection; end: true };

/** graph.json cannot be read as a graphology export: `message` names the file and the reason. */
export class GraphFileError extends Error {
  override name = 'GraphFileError';
}

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

const isJsonSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Splits the text of a graphology export, fed in pieces, into the elements of its "nodes" and
 * "edges" arrays. Other top-level keys (options, attributes) are skipped.
 */
export class GraphJsonSplitter {
  /** Text not yet consumed: from the start of an unfinished element or key onwards. */
  private buffer = '';
  /** Where scanning resumes in `buffer`. */
  private at = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private finished = false;
  /** The last key read in the top-level object, and where the string being read there began. */
  private lastKey = '';
  private keyStart = -1;
  private section: GraphSection | undefined;
  private elementStart = -1;
  private readonly counts: Record<GraphSection, number> = { nodes: 0, edges: 0 };
  private readonly seen = new Set<GraphSection>();
  /** Characters consumed before `buffer` (for error positions). */
  private consumed = 0;

  constructor(private readonly name: string) {}

  /** Characters held for an unfinished element or key (what streaming keeps in memory). */
  get bufferedCharacters(): number {
    return this.buffer.length;
  }

  /** Feeds the next piece of text; returns the items completed by it. */
  push(text: string): GraphFileItem[] {
    const out: GraphFileItem[] = [];
    this.buffer += text;
    this.scan(out);
    // keep only what an unfinished element or key still needs
    const keep = this.elementStart >= 0 ? this.elementStart : this.keyStart >= 0 ? this.keyStart : this.at;
    if (keep > 0) {
      this.consumed += keep;
      this.buffer = this.buffer.slice(keep);
      this.at -= keep;
      if (this.elementStart >= 0) this.elementStart -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
    }
    return out;
  }

  /** Checks that the text ended where a complete graphology export ends. */
  end(): void {
    if (!this.started) throw new GraphFileError(`graph ${this.name} is empty or not a JSON object`);
    if (!this.finished) throw new GraphFileError(`graph ${this.name} is not valid JSON: the text ends before the graph does (truncated?)`);
    if (!this.seen.has('nodes') || !this.seen.has('edges')) {
      throw new GraphFileError(`graph ${this.name} is not a graphology export (expected {nodes: [...], edges: [...]})`);
    }
  }

  private fail(reason: string, offset: number): never {
    throw new GraphFileError(`graph ${this.name} is not valid JSON: ${reason} at character ${this.consumed + offset}`);
  }

  private emit(out: GraphFileItem[], end: number): void {
    const section = this.section!;
    const text = this.buffer.slice(this.elementStart, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.fail(`${(error as Error).message} (in ${section} element ${this.counts[section]})`, this.elementStart);
    }
    out.push({ section, value, index: this.counts[section]++, chars: text.length });
    this.elementStart = -1;
  }

  private scan(out: GraphFileItem[]): void {
    const buffer = this.buffer;
    const n = buffer.length;
    let i = this.at;
    // (the next backslash at or after i, looked up again only once i has passed it: linear)
    let backslash = -1;
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          // the piece before ended on a backslash: this character is the escaped one
          this.escaped = false;
          i++;
          continue;
        }
        const quote = buffer.indexOf('"', i);
        if (backslash < i && backslash !== n) backslash = buffer.indexOf('\\', i);
        if (backslash < 0) backslash = n;
        if (backslash < n && (quote < 0 || backslash < quote)) {
          if (backslash + 1 >= n) {
            this.escaped = true;
            i = n;
            break;
          }
          i = backslash + 2;
          continue;
        }
        if (quote < 0) {
          i = n;
          break;
        }
        this.inString = false;
        i = quote + 1;
        if (this.keyStart >= 0) {
          try {
            this.lastKey = JSON.parse(buffer.slice(this.keyStart, i)) as string;
          } catch (error) {
            this.fail((error as Error).message, this.keyStart);
          }
          this.keyStart = -1;
        }
        continue;
      }
      const c = buffer.charCodeAt(i);
      if (this.finished) {
        if (!isJsonSpace(c)) this.fail('text after the end of the graph', i);
        i++;
        continue;
      }
      if (!this.started) {
        if (isJsonSpace(c) || (c === 0xfeff && i === 0)) {
          i++;
          continue;
        }
        if (c !== OPEN_BRACE) this.fail('expected a JSON object', i);
        this.started = true;
        this.depth = 1;
        i++;
        continue;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1) this.keyStart = i;
          else if (this.section && this.depth === 2 && this.elementStart < 0) this.elementStart = i;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.depth === 1 && c === OPEN_BRACKET && (this.lastKey === 'nodes' || this.lastKey === 'edges') && !this.section) {
            this.section = this.lastKey;
            if (this.seen.has(this.section)) this.fail(`a second "${this.section}" array`, i);
            this.seen.add(this.section);
          } else if (this.section && this.depth === 2 && this.elementStart < 0) this.elementStart = i;
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.depth--;
          if (this.section && this.depth === 2 && this.elementStart >= 0) {
            this.emit(out, i + 1);
          } else if (this.section && this.depth === 1) {
            if (this.elementStart >= 0) this.emit(out, i); // a last primitive element
            out.push({ section: this.section, end: true });
            this.section = undefined;
          } else if (this.depth === 0) {
            this.finished = true;
          } else if (this.depth < 0) this.fail('unbalanced brackets', i);
          break;
        case COMMA:
          if (this.section && this.depth === 2 && this.elementStart >= 0) this.emit(out, i);
          break;
        default:
          // a primitive element (number, true, false, null)
          if (this.section && this.depth === 2 && this.elementStart < 0 && !isJsonSpace(c)) this.elementStart = i;
      }
      i++;
    }
    this.at = i;
  }
}

/** The size of the graph file at `path`; a GraphFileError saying why when it is missing or not a file. */
export async function graphFileSize(path: string): Promise<number> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? 'no such file; run `yjkg build` first or pass --graph' : (error as Error).message;
    throw new GraphFileError(`cannot read graph ${path}: ${hint}`, { cause: error });
  }
  if (!stats.isFile()) throw new GraphFileError(`cannot read graph ${path}: not a file`);
  return stats.size;
}

/**
 * The nodes and edges of graph.json at `path`, in file order, read in pieces of `chunkBytes`.
 * `onBytes` is told how far the read has got. Throws GraphFileError for a file that is missing,
 * unreadable, not JSON, or not a graphology export.
 */
export async function* readGraphItems(path: string, onBytes?: (read: number, total: number) => void, chunkBytes = 4 << 20): AsyncGenerator<GraphFileItem> {
  const total = await graphFileSize(path);
  const splitter = new GraphJsonSplitter(path);
  const decoder = new StringDecoder('utf8');
  let read = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
      read += (chunk as Buffer).length;
      const items = splitter.push(decoder.write(chunk as Buffer));
      onBytes?.(read, total);
      yield* items;
    }
  } catch (error) {
    if (error instanceof GraphFileError) throw error;
    throw new GraphFileError(`cannot read graph ${path}: ${(error as Error).message}`, { cause: error });
  }
  yield* splitter.push(decoder.end());
  splitter.end();
}
