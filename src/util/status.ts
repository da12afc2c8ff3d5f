// One status line on the terminal (or, in a log, a line now and then) for the phases after
// extraction: merging, layout, and writing each output file. The progress bar covers
// extraction only, and a 1 GiB corpus then spent minutes merging and writing ~12 GB
// (measured: 17 s and 159 s) with nothing on the screen.
import { statSync } from 'node:fs';
import { tempPathFor } from '../export/io.js';

/** Carriage return + erase line: the bar and the status line redraw over themselves. */
export const CLEAR_LINE = '\r\x1b[2K';

export interface PhaseStatus {
  /** Shows `label` until the next phase; with `files`, also how much of them is on disk so far. */
  phase(label: string, files?: string[]): void;
  /** Clears the line so a warning prints on its own line; the next update redraws it. */
  clearLine(): void;
  /** Clears the line for good. */
  stop(): void;
}

/** 1536 -> "1.5 KiB"; binary units, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Bytes of `file` on disk so far: its temp file while being written (export/io.ts), else itself. */
function bytesOnDisk(file: string): number | undefined {
  for (const path of [tempPathFor(file), file]) {
    try {
      return statSync(path).size;
    } catch {
      // not there (yet, or any more)
    }
  }
  return undefined;
}

/**
 * Redraws `yjkg <label>… [<bytes>, ]<seconds> s` on `stream` when a phase starts and every
 * `intervalMs` (the timer does not keep the process alive). With `lines` (a log, not a
 * terminal), writes `yjkg: <label>…` as a line of its own when a phase starts and the same
 * with bytes and seconds every `intervalMs`, with nothing to clear.
 */
export function createPhaseStatus(stream: NodeJS.WritableStream, intervalMs = 500, now: () => number = () => performance.now(), lines = false): PhaseStatus {
  let label = '';
  let files: string[] | undefined;
  let started = 0;
  const draw = (starting = false) => {
    if (!label) return;
    // A log line when a phase starts says only which phase: "0 s" would be noise there.
    if (lines && starting) return void stream.write(`yjkg: ${label}…\n`);
    const bytes = files?.reduce<number | undefined>((sum, file) => {
      const size = bytesOnDisk(file);
      return size === undefined ? sum : (sum ?? 0) + size;
    }, undefined);
    const seconds = Math.floor((now() - started) / 1000);
    const text = `${label}… ${bytes === undefined ? '' : `${formatBytes(bytes)}, `}${seconds} s`;
    stream.write(lines ? `yjkg: ${text}\n` : `${CLEAR_LINE}yjkg ${text}`);
  };
  const timer = setInterval(draw, intervalMs);
  timer.unref();
  return {
    phase(next, nextFiles) {
      label = next;
      files = nextFiles;
      started = now();
      draw(true);
    },
    clearLine() {
      if (label && !lines) stream.write(CLEAR_LINE);
    },
    stop() {
      clearInterval(timer);
      if (label && !lines) stream.write(CLEAR_LINE);
      label = '';
    },
  };
}
