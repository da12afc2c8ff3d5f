// Progress of the extraction, counted in input bytes (a large file advances chunk by chunk, so
// one big file does not sit at 0% until it is done).
//
// Two forms: at a terminal, a bar that redraws itself (cli-progress); anywhere else (stderr to
// a file or a pipe, a CI log, nohup), one plain line every `intervalMs`, so that a long build
// written to a log shows it is alive and how far it got. A build shorter than the interval
// prints nothing.
import { CLEAR_LINE, formatBytes } from './status.js';

export type ProgressMode = 'bar' | 'lines';

export interface ExtractionProgress {
  /** `bytes` more of the input are extracted; `fileDone` when that finishes a file. */
  advance(bytes: number, fileDone: boolean): void;
  /** Clears the bar's line so a warning prints on its own line; the next update redraws it. */
  clearLine(): void;
  /** Ends the display; true when it printed anything (lines mode: at least one line). */
  stop(): boolean;
}

/** Plain lines for logs: one every 30 s; the redrawn bar and status line are for terminals only. */
export const PROGRESS_LINE_INTERVAL_MS = 30_000;

/** How progress shows on `stream` (null: not at all): a bar only on a terminal outside CI. */
export function progressMode(requested: boolean | undefined, stream: { isTTY?: boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): ProgressMode | null {
  if (!requested) return null;
  return stream.isTTY && !env.CI ? 'bar' : 'lines';
}

/** 75 -> "1m15s", 42 -> "42s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export interface ProgressTotals {
  files: number;
  bytes: number;
}

/**
 * `yjkg: extracted 412.3 MiB of 1.0 GiB (40%), 1204 of 2846 files, 3m12s; about 4m48s left`
 * (the estimate once 1% is done, from the rate so far).
 */
export function progressLine(done: ProgressTotals, total: ProgressTotals, elapsedMs: number): string {
  const fraction = total.bytes > 0 ? Math.min(1, done.bytes / total.bytes) : done.files / Math.max(1, total.files);
  const left = fraction >= 0.01 && fraction < 1 ? `; about ${formatDuration(((elapsedMs / 1000) * (1 - fraction)) / fraction)} left` : '';
  return (
    `yjkg: extracted ${formatBytes(done.bytes)} of ${formatBytes(total.bytes)} (${Math.floor(fraction * 100)}%), ` +
    `${done.files} of ${total.files} files, ${formatDuration(elapsedMs / 1000)}${left}`
  );
}

/** Plain progress lines on `stream`, one per `intervalMs` (the timer does not keep the process alive). */
export function createProgressLines(
  stream: NodeJS.WritableStream,
  total: ProgressTotals,
  intervalMs = PROGRESS_LINE_INTERVAL_MS,
  now: () => number = () => performance.now(),
): ExtractionProgress {
  const started = now();
  const done: ProgressTotals = { files: 0, bytes: 0 };
  let printed = false;
  const timer = setInterval(() => {
    stream.write(progressLine(done, total, now() - started) + '\n');
    printed = true;
  }, intervalMs);
  timer.unref();
  return {
    advance(bytes, fileDone) {
      done.bytes += bytes;
      if (fileDone) done.files++;
    },
    clearLine() {},
    stop() {
      clearInterval(timer);
      return printed;
    },
  };
}

/** The terminal bar: bytes as the measure (and the ETA), files and MiB as text. */
export async function createProgressBar(stream: NodeJS.WritableStream, total: ProgressTotals): Promise<ExtractionProgress> {
  const { default: cliProgress } = await import('cli-progress');
  const mib = (bytes: number) => (bytes / 1048576).toFixed(1);
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: 'yjkg {bar} {percentage}% | {files}/{total_files} files | {done_mb}/{total_mb} MiB | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const done: ProgressTotals = { files: 0, bytes: 0 };
  // cli-progress needs a total above 0 (a corpus of unreadable files has 0 bytes).
  bar.start(Math.max(1, total.bytes), 0, { files: 0, total_files: total.files, done_mb: mib(0), total_mb: mib(total.bytes) });
  return {
    advance(bytes, fileDone) {
      done.bytes += bytes;
      if (fileDone) done.files++;
      bar.update(Math.min(done.bytes, Math.max(1, total.bytes)), { files: done.files, done_mb: mib(done.bytes) });
    },
    clearLine() {
      stream.write(CLEAR_LINE);
    },
    stop() {
      bar.stop();
      return true;
    },
  };
}
