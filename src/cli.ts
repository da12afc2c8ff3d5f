#!/usr/bin/env node
// The yjkg command line: a thin shell over the library. main() returns the exit code
// (0 clean, 1 problems / nothing usable, 2 usage error or crash); the bin sets process.exitCode.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { UsageError } from './commands/errors.js';
import { needsRelaunch, relaunchWithBuildFlags } from './runtime.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // The subcommands load on demand: a `build` relaunched in a child (runtime.ts) leaves this
  // process small while it waits.
  const [{ register: registerBuild }, { register: registerEval }, { register: registerLoad }, { register: registerQuery }, { register: registerServe }] = await Promise.all([
    import('./commands/build.js'),
    import('./commands/eval.js'),
    import('./commands/load.js'),
    import('./commands/query.js'),
    import('./commands/serve.js'),
  ]);
  const program = new Command()
    .name('yjkg')
    .description('Knowledge graphs from Chinese news about 对口援疆 (paired assistance to Xinjiang)')
    .version(version())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // each subcommand module registers its own options and help: the CLI only composes them
  for (const register of [registerBuild, registerEval, registerLoad, registerQuery, registerServe]) register(program);
  for (const command of program.commands) command.exitOverride();

  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`yjkg: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`yjkg: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (verbose) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else process.stderr.write('yjkg: run again with --verbose for the stack trace\n');
    return 2;
  }
}

/** The subcommand: the first argument that is not an option. */
function subcommand(argv: string[]): string | undefined {
  return argv.slice(2).find((arg) => !arg.startsWith('-'));
}

async function run(): Promise<number> {
  if (subcommand(process.argv) === 'build' && needsRelaunch()) {
    const code = await relaunchWithBuildFlags();
    if (code !== null) return code;
  }
  return main();
}

void run().then((code) => {
  process.exitCode = code;
});
