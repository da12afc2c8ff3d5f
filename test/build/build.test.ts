// build() end to end with a stand-in extractor (test/build/fixtures/fake-extract.mjs), so the
// orchestration is tested without jieba: listing, bad files, warnings, report, outputs, and
// byte-identical graph files whatever the number of worker threads.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build as buildFromSource } from '../../src/build.js';

const fake = pathToFileURL(join(import.meta.dirname, 'fixtures', 'fake-extract.mjs')).href;
const root = mkdtempSync(join(tmpdir(), 'yjkg-build-'));
const corpus = join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Invented names, other provinces: 江西 -> 克孜勒苏, people and projects made up.
function article(i: number): string {
  const person = `[Person:${'赵钱孙李周吴郑王'[i % 8]}${'志国建华'[i % 4]}${'明军'[i % 2]}]`;
  return [
    `${person}在[Province:江西省]与[Prefecture:克孜勒苏柯尔克孜自治州]座谈，考察[Project:赣克第${i % 7}职业学校]。`,
    `REL SUPPORTS Province:江西省 Prefecture:克孜勒苏柯尔克孜自治州`,
    `REL FUNDS Province:江西省 Project:赣克第${i % 7}职业学校`,
    `REL VISITS ${person.slice(1, -1)} Project:赣克第${i % 7}职业学校`,
  ].join('\n');
}

beforeAll(() => {
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  for (let f = 0; f < 12; f++) {
    const slow = f % 3 === 0 ? `SLOW ${40 - f * 3}\n` : '';
    const articles = Array.from({ length: 1 + (f % 4) }, (_, k) => article(f * 5 + k));
    writeFileSync(join(corpus, f < 6 ? '' : 'sub', `news-${String(f).padStart(2, '0')}.txt`), slow + articles.join('\n=====\n') + '\n');
  }
  writeFileSync(join(corpus, 'empty.txt'), '');
  writeFileSync(join(corpus, 'zz-crash.txt'), 'CRASH\n[Person:不应出现]\n');
  writeFileSync(join(corpus, 'binary.txt'), 'BINARY\u0000\u0001');
});

async function runBuild(buildFn: typeof buildFromSource, outDir: string, workers: number) {
  const warnings: string[] = [];
  const summary = await buildFn({ inputs: [corpus], outDir, workers, extractModule: fake, html: false, onWarning: (l) => warnings.push(l) });
  return { summary, warnings };
}

describe('build (in-process, from the sources)', () => {
  it('writes graph.json, graph.gexf and report.json; bad files get a status, a reason and one warning line', async () => {
    const out = join(root, 'out-src');
    const { summary, warnings } = await runBuild(buildFromSource, out, 1);
    expect(readdirSync(out).sort()).toEqual(['graph.gexf', 'graph.json', 'report.json']);
    expect(summary.written).toEqual(['graph.json', 'graph.gexf', 'report.json']);
    expect(summary.files).toEqual({ ok: 12, skipped: 1, error: 2 });
    const expectedArticles = Array.from({ length: 12 }, (_, f) => 1 + (f % 4)).reduce((a, b) => a + b, 0);
    expect(summary.articles).toBe(expectedArticles);
    // 江西省 from the text, 新疆维吾尔自治区 from the lexicon's parent chain (hierarchy on by default)
    expect(summary.entities.Province).toBe(2);
    expect(summary.relations.PART_OF).toBe(1);
    expect(summary.relations.SUPPORTS).toBe(1);
    expect(summary.warnings).toBe(3);
    expect(warnings).toHaveLength(3);
    for (const line of warnings) expect(line).toMatch(/^yjkg: \S+: \S/);
    expect(warnings.some((l) => l.includes('zz-crash.txt') && l.includes('boom in extraction') && !l.includes('second line'))).toBe(true);
    expect(warnings.some((l) => l.includes('empty.txt') && l.includes('empty file'))).toBe(true);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['inputs', 'workers', 'files', 'totals', 'graph', 'outputs', 'timings_ms', 'runtime']);
    expect(report.runtime).toMatchObject({ node: process.version, heap_growing_percent: 50 });
    expect(report.files).toHaveLength(15);
    const crash = report.files.find((f: { file: string }) => f.file.endsWith('zz-crash.txt'));
    expect(crash).toMatchObject({ status: 'error', articles: 0 });
    const ok = report.files.find((f: { file: string }) => f.file.endsWith('news-01.txt'));
    expect(ok).toMatchObject({ status: 'ok', encoding: 'utf-8', articles: 2 });
    expect(Object.keys(ok.timings_ms)).toEqual(['load', 'extract']);
    expect(report.totals).toMatchObject({ files: 15, ok: 12, skipped: 1, error: 2, articles: expectedArticles });

    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.nodes.some((n: { key: string }) => n.key === 'Person:不应出现')).toBe(false);
    const supports = graph.edges.find((e: { key: string }) => e.key === 'SUPPORTS|Province:江西省|Prefecture:克孜勒苏柯尔克孜自治州');
    expect(supports.attributes.weight).toBe(expectedArticles);
    const partOf = graph.edges.find((e: { key: string }) => e.key === 'PART_OF|Prefecture:克孜勒苏柯尔克孜自治州|Province:新疆维吾尔自治区');
    expect(partOf.attributes).toMatchObject({ rule: 'lexicon', weight: 0, evidence: [] });
    expect(graph.nodes.every((n: { attributes: { x: unknown } }) => typeof n.attributes.x === 'number')).toBe(true);
  });

  it('a graph streamed to disk (too large for the explorer) lists only the files it wrote, and says why index.html is missing', async () => {
    const out = join(root, 'out-streamed');
    const warnings: string[] = [];
    const summary = await buildFromSource({ inputs: [corpus], outDir: out, workers: 1, extractModule: fake, html: true, streamOutput: true, onWarning: (l) => warnings.push(l) });
    expect(readdirSync(out).sort()).toEqual(['graph.gexf', 'graph.json', 'report.json']);
    expect(summary.written).toEqual(['graph.json', 'graph.gexf', 'report.json']);
    expect(summary.notes.some((n) => n.startsWith('index.html not written: graph too large to embed'))).toBe(true);
    expect(warnings.filter((l) => l.startsWith('yjkg: index.html: not written'))).toHaveLength(1);
  });
});

describe('build with worker threads (compiled dist/)', () => {
  const distBuild = new URL('../../dist/src/build.js', import.meta.url);

  it('gives byte-identical graph.json and graph.gexf for 1, 2 and 3 workers and for the in-process path', async () => {
    // `npm test` compiles first; a missing dist is a failure, not a skip.
    expect(existsSync(distBuild), 'run `npx tsc -p tsconfig.json` first').toBe(true);
    const { build, workerAvailable } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    expect(workerAvailable()).toBe(true);
    const outputs: Record<string, Buffer[]> = { 'graph.json': [], 'graph.gexf': [] };
    for (const [name, fn, workers] of [
      ['w1', build, 1],
      ['w2', build, 2],
      ['w3', build, 3],
      ['src', buildFromSource, 1],
    ] as const) {
      const out = join(root, `out-${name}`);
      const { summary, warnings } = await runBuild(fn, out, workers);
      expect(summary.files).toEqual({ ok: 12, skipped: 1, error: 2 });
      expect(warnings).toHaveLength(3);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(report.workers).toBe(workers);
      for (const file of Object.keys(outputs)) outputs[file]!.push(readFileSync(join(out, file)));
    }
    for (const [file, buffers] of Object.entries(outputs)) {
      for (const buffer of buffers.slice(1)) expect(buffer.equals(buffers[0]!), file).toBe(true);
    }
  });

  it('extracts a file larger than CHUNK_CHARS chunk by chunk, merged in order, the same for any N', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const { CHUNK_CHARS } = await import('../../src/worker.js');
    const dir = join(root, 'big');
    mkdirSync(dir, { recursive: true });
    const articles: string[] = [];
    for (let i = 0, size = 0; size < CHUNK_CHARS * 1.3; i++) {
      articles.push(article(i));
      size += article(i).length + 6;
    }
    writeFileSync(join(dir, 'a-small.txt'), 'SLOW 50\n' + article(1) + '\n');
    writeFileSync(join(dir, 'b-big.txt'), articles.join('\n=====\n') + '\n');
    writeFileSync(join(dir, 'c-small.txt'), article(2) + '\n');
    const texts: string[] = [];
    for (const [fn, workers] of [[build, 1], [build, 2], [buildFromSource, 1]] as const) {
      const out = join(root, `out-big-${texts.length}`);
      const summary = await fn({ inputs: [dir], outDir: out, workers, extractModule: fake, html: false });
      expect(summary.articles).toBe(articles.length + 2);
      texts.push(readFileSync(join(out, 'graph.json'), 'utf8') + readFileSync(join(out, 'graph.gexf'), 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    const graph = JSON.parse(texts[0]!.slice(0, texts[0]!.indexOf('<?xml')));
    const supports = graph.edges.find((e: { key: string }) => e.key === 'SUPPORTS|Province:江西省|Prefecture:克孜勒苏柯尔克孜自治州');
    const order = supports.attributes.evidence.map((e: { article: string }) => e.article);
    expect(order[0]).toBe(`${order[0].split('#')[0]}#0`);
    expect(order).toHaveLength(articles.length + 2);
    // evidence in input order: a-small, then b-big #0..#n, then c-small
    expect(order[0]).toMatch(/a-small\.txt#0$/);
    expect(order[1]).toMatch(/b-big\.txt#0$/);
    expect(order[articles.length]).toMatch(new RegExp(`b-big\\.txt#${articles.length - 1}$`));
    expect(order.at(-1)).toMatch(/c-small\.txt#0$/);
  });

  /** A file of over CHUNK_CHARS × 3.5 characters of articles; `mark(i, chars before it)` adds a line to article i. Returns the article count. */
  async function bigFile(path: string, head: string, mark: (i: number, before: number) => string = () => '') {
    const { CHUNK_CHARS } = await import('../../src/worker.js');
    const articles: string[] = [];
    for (let i = 0, size = 0; size < CHUNK_CHARS * 3.5; i++) {
      const text = article(i) + mark(i, size);
      articles.push(text);
      size += text.length + 6;
    }
    writeFileSync(path, head + articles.join('\n=====\n') + '\n');
    return articles.length;
  }

  it('the real pipeline on one large UTF-8 file: the same graph in-process and with 1 or 2 workers (the second reads only its chunks\' bytes)', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const { loadDocument } = await import('../../src/ingest.js');
    const seeds = join(import.meta.dirname, '..', '..', 'seeds');
    const texts: string[] = [];
    for (const name of readdirSync(seeds).sort()) {
      const doc = await loadDocument(join(seeds, name));
      if ('text' in doc) texts.push(doc.text);
    }
    const dir = join(root, 'real-big');
    mkdirSync(dir, { recursive: true });
    // the seeds (traditional and simplified, multi-byte throughout) over and over in one file
    writeFileSync(join(dir, 'big.txt'), '\ufeff' + Array.from({ length: 16 }, () => texts.join('\n\n\n')).join('\n\n\n'));
    const outputs: string[] = [];
    for (const [run, workers] of [[buildFromSource, 1], [build, 1], [build, 2]] as const) {
      const out = join(root, `out-real-big-${outputs.length}`);
      const summary = await run({ inputs: [dir], outDir: out, workers, html: false });
      expect(summary.files.ok).toBe(1);
      outputs.push(readFileSync(join(out, 'graph.json'), 'utf8') + readFileSync(join(out, 'graph.gexf'), 'utf8'));
    }
    const report = JSON.parse(readFileSync(join(root, 'out-real-big-2', 'report.json'), 'utf8'));
    expect(report.files[0]).toMatchObject({ status: 'ok', encoding: 'utf-8-bom' });
    expect(report.files[0].characters).toBeGreaterThan(3 * 100_000); // several chunks
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  }, 120_000);

  it('hands the chunks of one large file to every worker, and merges them in chunk order', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'one-big');
    mkdirSync(dir, { recursive: true });
    const count = await bigFile(join(dir, 'big.txt'), 'SLOWEACH 40\n');
    const log = join(root, 'one-big.log');
    const texts: string[] = [];
    process.env.YJKG_FAKE_LOG = log;
    try {
      for (const workers of [1, 2]) {
        writeFileSync(log, '');
        const out = join(root, `out-one-big-${workers}`);
        const summary = await build({ inputs: [dir], outDir: out, workers, extractModule: fake, html: false });
        expect(summary.articles).toBe(count);
        texts.push(readFileSync(join(out, 'graph.json'), 'utf8') + readFileSync(join(out, 'graph.gexf'), 'utf8'));
        const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
        expect(calls.length).toBeGreaterThanOrEqual(4); // one call per chunk
        expect(new Set(calls.map(([thread]) => thread)).size, `threads that extracted chunks with ${workers} workers`).toBe(workers);
        const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        expect(report.files[0]).toMatchObject({ status: 'ok', articles: count });
        expect(Object.keys(report.files[0].timings_ms)).toEqual(['load', 'extract']);
      }
    } finally {
      delete process.env.YJKG_FAKE_LOG;
    }
    expect(texts[1]).toBe(texts[0]);
    const graph = JSON.parse(texts[0]!.slice(0, texts[0]!.indexOf('<?xml')));
    const supports = graph.edges.find((e: { key: string }) => e.key === 'SUPPORTS|Province:江西省|Prefecture:克孜勒苏柯尔克孜自治州');
    expect(supports.attributes.evidence.map((e: { article: string }) => Number(e.article.split('#')[1]))).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it('outside a terminal, a long build writes a progress line now and then, counted in bytes as chunks finish, then its phases', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'progress');
    mkdirSync(dir, { recursive: true });
    await bigFile(join(dir, 'big.txt'), 'SLOWEACH 150\n');
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await build({ inputs: [dir], outDir: join(root, 'out-progress'), workers: 1, extractModule: fake, html: false, progress: true, progressIntervalMs: 100 });
    } finally {
      write.mockRestore();
    }
    expect(process.stderr.isTTY).toBeFalsy();
    const progress = lines.filter((l) => l.startsWith('yjkg: extracted'));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.endsWith('\n') && !line.includes('\r')).toBe(true);
    // the file is one of one until it is done, but its bytes advance chunk by chunk
    const percents = progress.map((l) => Number(/\((\d+)%\)/.exec(l)![1]));
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress[0]).toMatch(/^yjkg: extracted [\d.]+ \w+ of [\d.]+ KiB \(\d+%\), 0 of 1 files, \d+s/);
    expect(lines).toContain('yjkg: writing graph.json…\n');
  });

  it('a chunk that fails ends its file there, for any number of workers: earlier chunks stay, later ones are dropped', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'chunk-crash');
    mkdirSync(dir, { recursive: true });
    const { CHUNK_CHARS } = await import('../../src/worker.js');
    let crashAt = -1; // an article in the third chunk
    await bigFile(join(dir, 'big.txt'), 'SLOWEACH 20\n', (i, before) => (crashAt < 0 && before > CHUNK_CHARS * 2.2 ? ((crashAt = i), '\nCHUNK-CRASH') : ''));
    writeFileSync(join(dir, 'later.txt'), article(9999) + '\n');
    const results: { text: string; articles: number; warnings: string[] }[] = [];
    for (const [fn, workers] of [[build, 1], [build, 2], [buildFromSource, 1]] as const) {
      const out = join(root, `out-chunk-crash-${results.length}`);
      const warnings: string[] = [];
      const summary = await fn({ inputs: [dir], outDir: out, workers, extractModule: fake, html: false, onWarning: (l) => warnings.push(l) });
      expect(summary.files).toEqual({ ok: 1, skipped: 0, error: 1 });
      results.push({ text: readFileSync(join(out, 'graph.json'), 'utf8'), articles: summary.articles, warnings });
    }
    for (const r of results.slice(1)) {
      expect(r.text).toBe(results[0]!.text);
      expect(r.warnings).toEqual(results[0]!.warnings);
    }
    const kept = results[0]!.articles - 1; // later.txt's one article besides
    expect(kept).toBeGreaterThan(crashAt / 2); // the first two chunks
    expect(kept).toBeLessThanOrEqual(crashAt);
    expect(results[0]!.warnings).toEqual([expect.stringMatching(new RegExp(`big\\.txt: extraction failed: boom in a chunk \\(after ${kept} articles\\)$`))]);
    const graph = JSON.parse(results[0]!.text);
    const evidence = graph.edges.find((e: { key: string }) => e.key === 'SUPPORTS|Province:江西省|Prefecture:克孜勒苏柯尔克孜自治州').attributes.evidence;
    expect(evidence.map((e: { article: string }) => e.article.replace(/^.*[\\/]/, ''))).toEqual([...Array.from({ length: kept }, (_, i) => `big.txt#${i}`), 'later.txt#0']);
  });

  it('a worker that dies in a chunk fails the file from that chunk on; the other files are complete', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'chunk-exit');
    mkdirSync(dir, { recursive: true });
    const { CHUNK_CHARS } = await import('../../src/worker.js');
    let exitAt = -1;
    await bigFile(join(dir, 'big.txt'), 'SLOWEACH 20\n', (i, before) => (exitAt < 0 && before > CHUNK_CHARS * 2.2 ? ((exitAt = i), '\nCHUNK-EXIT') : ''));
    for (let f = 0; f < 4; f++) writeFileSync(join(dir, `n${f}.txt`), article(f) + '\n');
    const warnings: string[] = [];
    const summary = await build({ inputs: [dir], outDir: join(root, 'out-chunk-exit'), workers: 2, extractModule: fake, html: false, onWarning: (l) => warnings.push(l) });
    expect(summary.files).toEqual({ ok: 4, skipped: 0, error: 1 });
    expect(warnings).toEqual([expect.stringMatching(/big\.txt: worker stopped: exit code 3 \(after \d+ articles\)$/)]);
    const kept = Number(/after (\d+) articles/.exec(warnings[0]!)![1]);
    expect(kept).toBeGreaterThan(exitAt / 2);
    expect(kept).toBeLessThanOrEqual(exitAt);
    expect(summary.articles).toBe(kept + 4);
  });

  it('a worker that dies fails only its own file; a fresh worker finishes the rest', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'dying');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 6; f++) writeFileSync(join(dir, `n${f}.txt`), article(f) + '\n');
    writeFileSync(join(dir, 'n2-exit.txt'), 'EXIT\n');
    const warnings: string[] = [];
    const summary = await build({ inputs: [dir], outDir: join(root, 'out-dying'), workers: 2, extractModule: fake, html: false, onWarning: (l) => warnings.push(l) });
    expect(summary.files).toEqual({ ok: 6, skipped: 0, error: 1 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/n2-exit\.txt: worker stopped: exit code 3$/);
  });

  it('a worker out of heap fails only its own file and names the limit and the option', async () => {
    const { build } = (await import(distBuild.href)) as typeof import('../../src/build.js');
    const dir = join(root, 'hoarding');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 4; f++) writeFileSync(join(dir, `n${f}.txt`), article(f) + '\n');
    writeFileSync(join(dir, 'n1-hoard.txt'), 'HOARD\n');
    const warnings: string[] = [];
    const summary = await build({ inputs: [dir], outDir: join(root, 'out-hoarding'), workers: 2, workerHeapMb: 64, extractModule: fake, html: false, onWarning: (l) => warnings.push(l) });
    expect(summary.files).toEqual({ ok: 4, skipped: 0, error: 1 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/n1-hoard\.txt: worker stopped: .*out of memory.*\(worker heap limit \d+ MB: raise it with --worker-heap\)$/i);
  });

  it('the worker heap limit covers the largest input file', async () => {
    const { workerHeapLimitMb } = await import('../../src/build.js');
    expect(workerHeapLimitMb(0, 10 << 20)).toBeUndefined();
    expect(workerHeapLimitMb(256, 1 << 20)).toBe(256);
    expect(workerHeapLimitMb(256, 100 << 20)).toBe(128 + 400);
  });
});

