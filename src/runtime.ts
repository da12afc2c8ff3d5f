// V8 settings a build needs from process start-up: V8 rejects them once the process runs
// (setting --single-threaded-gc at run time aborts the process), so the CLI starts `build`
// in a child node that has them (cli.ts) and the bench starts its builds the same way.
//
// --single-threaded-gc: V8's parallel and concurrent collector threads cost more CPU than
// they save here, and on a 2-core machine they compete with the extraction workers. On the
// 50 MiB bench corpus with one worker the process used 37 s of CPU with them and 30 s
// without (the worker thread's own time hardly changed: 21.4 s against 20.6 s); two workers
// built it in 19.5 s instead of 22.1 s. (Heap growth is limited at run time, in build.ts.)
import { spawn } from 'node:child_process';

export const BUILD_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Set when this process is the child that cli.ts started with BUILD_NODE_FLAGS. */
const RELAUNCHED = 'YJKG_RELAUNCHED';

/** Whether this process should start the build in a child with BUILD_NODE_FLAGS. */
export function needsRelaunch(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[RELAUNCHED]) return false;
  return !BUILD_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Runs this command line again in a child node with BUILD_NODE_FLAGS, sharing stdin, stdout
 * and stderr; resolves to the child's exit code. Ctrl-C reaches both processes through the
 * terminal, so this one waits for the child; a SIGTERM sent to this one alone is passed on.
 * Null when the child cannot be started (the caller then runs the command itself).
 */
export function relaunchWithBuildFlags(): Promise<number | null> {
  return new Promise((resolve) => {
    const args = [...BUILD_NODE_FLAGS, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)];
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: '1' } });
    const ignoreInterrupt = () => {};
    const forwardTerminate = () => child.kill('SIGTERM');
    process.on('SIGINT', ignoreInterrupt);
    process.on('SIGTERM', forwardTerminate);
    const stopListening = () => {
      process.off('SIGINT', ignoreInterrupt);
      process.off('SIGTERM', forwardTerminate);
    };
    child.once('error', () => {
      stopListening();
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      stopListening();
      // Die of the same signal, as the user's shell expects of an interrupted command (with the
      // listeners still on, this process would swallow it and exit 0).
      if (signal) process.kill(process.pid, signal);
      else resolve(code ?? 2);
    });
  });
}
