// Bad input never costs the good files their output: each bad file gets a status and a
// one-line reason in report.json and a one-line warning; nothing half-written is left behind.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yjkg-bad-'));
const inDir = path.join(tmp, 'in');
const outDir = path.join(tmp, 'out');
let result: Awaited<ReturnType<typeof runCli>>;
let report: { files: { file: string; status: string; reason?: string; articles: number }[] };

beforeAll(async () => {
  mkdirSync(inDir);
  copyFileSync(path.join(ROOT, 'seeds/001_542cd5fd33490b02.txt'), path.join(inDir, 'good.txt'));
  writeFileSync(path.join(inDir, 'empty.txt'), '');
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  writeFileSync(path.join(inDir, 'binary.txt'), binary);
  writeFileSync(path.join(inDir, 'english.txt'), 'The quick brown fox jumps over the lazy dog.\nNothing in Chinese here at all.\n'.repeat(20));
  // an unreadable "file": a FIFO cannot be read as a document (tests run as root, so chmod 000 would not stop us)
  execFileSync('mkfifo', [path.join(inDir, 'pipe.txt')]);
  // 50 MB on a single line: a plausible scrape with no line breaks at all
  const sentence = '湖南省援疆前方指挥部在吐鲁番市高昌区举行座谈会，双方就产业合作交换意见。';
  const big = sentence.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(sentence)));
  writeFileSync(path.join(inDir, 'big.txt'), big);
  result = await runCli(['build', inDir, path.join(tmp, 'missing-folder'), '--out', outDir, '--workers', '2']);
  report = JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8'));
}, 900_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (name: string) => report.files.find((f) => f.file.endsWith(name));

describe('bad input', () => {
  it('still exits 0 and writes every output for the good files', () => {
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['graph.json', 'graph.gexf', 'report.json', 'index.html']) expect(existsSync(path.join(outDir, name)), name).toBe(true);
    const graph = JSON.parse(readFileSync(path.join(outDir, 'graph.json'), 'utf8'));
    expect(graph.nodes.some((n: any) => n.attributes.label === '昌吉回族自治州')).toBe(true);
  });

  it.each([
    ['empty.txt', 'skipped', /empty/i],
    ['binary.txt', 'error', /binary/i],
    ['english.txt', 'skipped', /chinese/i],
    ['pipe.txt', 'error', /.+/],
    ['missing-folder', 'error', /no such file/i],
  ])('%s gets status %s and a one-line reason', (name, status, reason) => {
    const e = entry(name);
    expect(e, name).toBeDefined();
    expect(e!.status).toBe(status);
    expect(e!.reason).toMatch(reason);
    expect(e!.reason).not.toContain('\n');
    expect(result.stderr).toContain(name);
  });

  it('processes the 50 MB single-line file', () => {
    const e = entry('big.txt')!;
    expect(e.status).toBe('ok');
    expect(e.articles).toBeGreaterThan(0);
  });

  it('prints one line per warning, never a stack trace', () => {
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const line of result.stderr.trim().split('\n')) expect(line.length).toBeLessThan(300);
  });

  it('leaves no temporary files in the output folder', () => {
    expect(readdirSync(outDir).sort()).toEqual(['graph.gexf', 'graph.json', 'index.html', 'report.json']);
  });
});

describe('usage errors', () => {
  it('exits 2 with one line for a bad option value', async () => {
    const r = await runCli(['build', 'seeds', '--workers', 'zero', '--out', path.join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  });
  it('exits 1 when no input produced an article', async () => {
    const empty = path.join(tmp, 'only-empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'a.txt'), '');
    const r = await runCli(['build', empty, '--out', path.join(tmp, 'y')]);
    expect(r.code).toBe(1);
  });
  it('eval names a graph.json too large to read whole instead of a bare error code', async () => {
    const huge = path.join(tmp, 'huge-graph.json');
    writeFileSync(huge, '');
    truncateSync(huge, 2.1e9); // sparse: no disk used
    const r = await runCli(['eval', '--gold', path.join(ROOT, '../shared/gold/seeds.gold.json'), '--graph', huge]);
    rmSync(huge);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^yjkg: .*huge-graph\.json: cannot read graph \(too large to read whole; eval scores a build of annotated articles against their gold file\)\n$/);
  });

  it('eval exits 1 with a line saying why, not a table of zeros, when its inputs give no article', async () => {
    const r = await runCli(['eval', '--gold', path.join(ROOT, '../shared/gold/seeds.gold.json'), '--inputs', path.join(tmp, 'no-such-folder')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no-such-folder: no such file or directory$/), expect.stringMatching(/^yjkg: eval: no article extracted from .*no-such-folder; nothing to score$/)]);
  });
  it('prints help for build with typed option descriptions', async () => {
    const r = await runCli(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--workers <n>\s+\[number\]/);
    expect(r.stdout).toMatch(/Exit codes/);
  });
});
