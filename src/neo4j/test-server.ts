// A real Neo4j 5.26 Community server without Docker, for the test suite (test/neo4j/global-setup.ts)
// and for `npm run bench` when NEO4J_URI is not set: test/neo4j/Launcher.java on the
// neo4j-harness from Maven Central, built with Maven (cached in ~/.m2 after the first run) and run
// on Java 17. See DESIGN.md, "Neo4j".
//
// No orphans: the JVM is its own process group, killed as a group on stop() and on exit of
// this process; and the launcher exits by itself when its stdin (a pipe from us) closes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from './project-files.js';

export interface TestServerOptions {
  port: number;
  /** Enables auth with user neo4j and this password; default: auth off. */
  password?: string;
  /** Keep the store in this folder across restarts; default: a fresh store each start. */
  dataDir?: string;
  /** Give up starting after this long (default 180 s). */
  timeoutMs?: number;
}

export interface TestServer {
  uri: string;
  port: number;
  pid: number;
  /** Graceful stop (SIGTERM to the group, SIGKILL after 30 s). */
  stop(): Promise<void>;
  /** Abrupt stop (SIGKILL): a crash. */
  kill(): Promise<void>;
}

const launcherDir = () => projectPath('test', 'neo4j');
const live = new Map<ChildProcess, string>(); // JVM -> its work folder
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: java and anything it forked
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [child, workDir] of live) {
      killGroup(child, 'SIGKILL');
      rmSync(workDir, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const [child, workDir] of live) {
        killGroup(child, 'SIGKILL');
        rmSync(workDir, { recursive: true, force: true });
      }
      // Keep the default behaviour (exit) unless someone else (vitest) handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function newestMtime(paths: string[]): number {
  return Math.max(...paths.map((p) => (existsSync(p) ? statSync(p).mtimeMs : Infinity)));
}

/** Builds the launcher unless target/ is newer than pom.xml and Launcher.java. Throws with Maven's output on failure. */
export function buildLauncher(): void {
  const dir = launcherDir();
  const built = join(dir, 'target', 'classes', 'Launcher.class');
  const deps = join(dir, 'target', 'dependency');
  const fresh =
    existsSync(built) &&
    existsSync(deps) &&
    readdirSync(deps).some((f) => f.startsWith('neo4j-harness-')) &&
    statSync(built).mtimeMs >= newestMtime([join(dir, 'pom.xml'), join(dir, 'Launcher.java')]);
  if (fresh) return;
  const result = spawnSync('mvn', ['-q', '-B', '-f', join(dir, 'pom.xml'), 'package', 'dependency:copy-dependencies'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `src/neo4j/test-server.ts: building the Neo4j test launcher failed (mvn -q -B -f test/neo4j/pom.xml package dependency:copy-dependencies; needs Maven, Java 17 and Maven Central): ${result.error?.message ?? `exit ${result.status}`}\n${output}`,
    );
  }
}

export function launcherCommand(options: TestServerOptions, workDir?: string): { command: string; args: string[]; cwd: string } {
  const dir = launcherDir();
  const args = ['-Xms256m', '-Xmx1g', '-XX:+UseSerialGC', '-cp', `target/classes:target/dependency/*`, 'Launcher', String(options.port)];
  if (options.password !== undefined) args.push('--password', options.password);
  if (options.dataDir !== undefined) args.push('--data', options.dataDir);
  if (workDir !== undefined) args.push('--work', workDir);
  return { command: 'java', args, cwd: dir };
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a server and resolves once it prints its ready line (Bolt is then accepting connections). */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  buildLauncher();
  if (await portInUse(options.port)) {
    throw new Error(
      `src/neo4j/test-server.ts: port ${options.port} is already in use; stop what listens there or set NEO4J_TEST_PORT (or NEO4J_URI to use a running server)`,
    );
  }
  installExitHook();
  // Logs (and the store, without dataDir) go to a folder we remove once the JVM is gone, however it ended.
  const workDir = mkdtempSync(join(tmpdir(), 'yjkg-neo4j-server-'));
  const { command, args, cwd } = launcherCommand(options, workDir);
  const child = spawn(command, args, { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  live.set(child, workDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    live.delete(child);
    rmSync(workDir, { recursive: true, force: true });
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stderr!.on('data', collect);

  const timeoutMs = options.timeoutMs ?? 180_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`src/neo4j/test-server.ts: Neo4j did not start on port ${options.port} within ${timeoutMs / 1000} s\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`src/neo4j/test-server.ts: cannot run java (needs Java 17): ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`src/neo4j/test-server.ts: Neo4j exited before it was ready (${signal ?? `exit ${code}`})\n${output.slice(-3000)}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      collect(chunk);
      if (/NEO4J READY/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  // Keep draining output so a chatty JVM never blocks on a full pipe.
  child.stdout!.resume();

  const stopWith = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin!.end();
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    uri: `bolt://127.0.0.1:${options.port}`,
    port: options.port,
    pid: child.pid!,
    stop: () => stopWith('SIGTERM', 30_000),
    kill: () => stopWith('SIGKILL', 0),
  };
}
