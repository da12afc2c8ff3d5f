// listInputFiles + loadDocument: discovery, encodings, bad input.
import { promises as fsp } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBytes, listInputFiles, loadDocument, splitArticles } from '../../src/ingest.js';
import type { FileReport, SourceDocument } from '../../src/types.js';

// Traditional and simplified sample text written for these tests (not from the seeds).
const SIMPLIFIED = '河南省对口支援哈密市，三年来共投入援疆资金二十八亿元，新建学校和医院一批。\n援疆干部李文博说：“我们要把每一分钱都用在刀刃上。”\n';
const TRADITIONAL = '廣東省對口支援喀什地區，三年來共投入援疆資金三十億元，新建職業學校與醫院。\n援疆幹部陳國華說：「我們會繼續努力。」\n';

let dir: string;
const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');

function isDoc(x: SourceDocument | FileReport): x is SourceDocument {
  return 'text' in x;
}

async function load(name: string): Promise<SourceDocument> {
  const result = await loadDocument(path.join(dir, name));
  if (!isDoc(result)) throw new Error(`expected a document for ${name}, got ${result.status}: ${result.reason}`);
  return result;
}

async function problem(p: string): Promise<FileReport> {
  const result = await loadDocument(p);
  if (isDoc(result)) throw new Error(`expected a problem for ${p}, got a document (${result.encoding})`);
  return result;
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'yjkg-ingest-'));
  const w = (name: string, data: string | Uint8Array) => fsp.writeFile(path.join(dir, name), data);
  await w('utf8.txt', SIMPLIFIED);
  await w('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]));
  await w('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SIMPLIFIED, 'utf16le')]));
  await w('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SIMPLIFIED, 'utf16be')]));
  await w('gbk.txt', iconv.encode(SIMPLIFIED.repeat(3), 'gbk'));
  await w('gb18030.txt', iconv.encode(SIMPLIFIED + '𠮷字在扩展区。\n', 'gb18030'));
  await w('big5.txt', iconv.encode(TRADITIONAL.repeat(3), 'big5'));
  await w('empty.txt', '');
  await w('blank.txt', ' \n\n\t \n');
  await w('binary.txt', Buffer.from([0x48, 0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x20, 0x00, 0x00, 0x7f, 0x03]));
  await w('fake.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3])]));
  await w('english.txt', 'Paired assistance to Xinjiang started in 2010.\nNineteen provinces take part.\n');
  await w('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu, na\xefve r\xe9sum\xe9 \xe0 la fa\xe7on fran\xe7aise. '.repeat(4), 'latin1'));
  await w('page.txt', '<!DOCTYPE html><html><body><p>新疆日报讯 援疆工作会议召开。</p></body></html>');
  await w('notes.md', '# 援疆笔记\n\n江西省对口支援克州。\n');
  await w('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  await w('README', '援疆');
  await fsp.mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
  await fsp.mkdir(path.join(dir, '.hidden'));
  await w('.hidden/secret.txt', '隐藏目录不应被遍历。');
  await w('nested/b.txt', '嵌套文件乙。');
  await w('nested/deeper/a.htm', '<p>嵌套网页甲。</p>');
  await w('nested/A.txt', '大写文件名。');
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('listInputFiles', () => {
  it('walks folders recursively, sorts by POSIX relative path and reports what it skips', async () => {
    const { files, problems } = await listInputFiles([dir, path.join(dir, 'missing.txt')]);
    const names = files.map((f) => f.slice(rel(dir).length + 1));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toContain('nested/A.txt');
    expect(names).toContain('nested/b.txt');
    expect(names).toContain('nested/deeper/a.htm');
    expect(names).toContain('notes.md');
    expect(names.some((n) => n.startsWith('.hidden'))).toBe(false);
    expect(names).not.toContain('photo.jpg');
    for (const f of files) expect(f).not.toContain('\\');

    const byName = new Map(problems.map((p) => [p.file.slice(rel(dir).length + 1), p]));
    expect(byName.get('photo.jpg')).toMatchObject({ status: 'skipped', reason: 'unsupported extension .jpg' });
    expect(byName.get('README')).toMatchObject({ status: 'skipped', reason: 'unsupported extension (none)' });
    expect(byName.get('missing.txt')).toMatchObject({ status: 'error', reason: 'no such file or directory' });
    expect(problems.map((p) => p.file)).toEqual([...problems.map((p) => p.file)].sort());
  });

  it('gives the same answer for the same input, whatever the argument order', async () => {
    const a = await listInputFiles([path.join(dir, 'nested'), dir]);
    const b = await listInputFiles([dir, path.join(dir, 'nested')]);
    expect(a).toEqual(b);
    expect(new Set(a.files).size).toBe(a.files.length);
  });

  it('returns paths relative to the working directory', async () => {
    const { files } = await listInputFiles(['seeds']);
    expect(files).toEqual([
      'seeds/000_534ec13b271cfeac.txt',
      'seeds/001_542cd5fd33490b02.txt',
      'seeds/002_2c688e714d0df1b1.txt',
      'seeds/003_67d82cf7ccd38a15.txt',
      'seeds/004_bc355209b628d6c9.txt',
    ]);
  });
});

describe('loadDocument: encodings', () => {
  it('reads UTF-8 and reports the relative path', async () => {
    const doc = await load('utf8.txt');
    expect(doc).toMatchObject({ encoding: 'utf-8', format: 'text', text: SIMPLIFIED, file: rel(path.join(dir, 'utf8.txt')) });
    expect(doc.bytes).toBe(Buffer.byteLength(SIMPLIFIED));
  });

  it('strips a UTF-8 BOM and says so in the encoding', async () => {
    const doc = await load('utf8-bom.txt');
    expect(doc.encoding).toBe('utf-8-bom');
    expect(doc.text).toBe(SIMPLIFIED);
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    expect(await load('utf16le.txt')).toMatchObject({ encoding: 'utf-16le', text: SIMPLIFIED });
    expect(await load('utf16be.txt')).toMatchObject({ encoding: 'utf-16be', text: SIMPLIFIED });
  });

  it('recognises UTF-16 without a BOM by where its NUL bytes are', () => {
    const le = decodeBytes(iconv.encode(SIMPLIFIED, 'utf16le'));
    expect(le).toMatchObject({ encoding: 'utf-16le', text: SIMPLIFIED });
    const be = decodeBytes(iconv.encode(SIMPLIFIED, 'utf16be'));
    expect(be).toMatchObject({ encoding: 'utf-16be', text: SIMPLIFIED });
    // Random bytes with NULs are still binary.
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 3)) % 256;
    expect(decodeBytes(noise)).toMatchObject({ status: 'error', reason: 'binary file (NUL bytes)' });
  });

  it('detects GBK / GB18030 (including 4-byte sequences)', async () => {
    expect(await load('gbk.txt')).toMatchObject({ encoding: 'gb18030', text: SIMPLIFIED.repeat(3) });
    const doc = await load('gb18030.txt');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toContain('𠮷字在扩展区');
  });

  it('detects Big5', async () => {
    expect(await load('big5.txt')).toMatchObject({ encoding: 'big5', text: TRADITIONAL.repeat(3) });
  });

  it('marks .html/.htm and HTML-looking .txt files as html', async () => {
    expect((await load('page.txt')).format).toBe('html');
    const htm = await loadDocument(path.join(dir, 'nested/deeper/a.htm'));
    expect(isDoc(htm) && htm.format).toBe('html');
    expect((await load('notes.md')).format).toBe('text');
  });

  it('keeps a few invalid UTF-8 bytes as U+FFFD with a message instead of guessing another encoding', () => {
    const good = Buffer.from(SIMPLIFIED.repeat(20));
    const damaged = Buffer.concat([good.subarray(0, 300), Buffer.from([0xff]), good.subarray(300)]);
    const result = decodeBytes(damaged);
    expect('text' in result && result.encoding).toBe('utf-8');
    if ('text' in result) {
      expect(result.text).toContain('\ufffd');
      expect(result.messages[0].reason).toMatch(/^invalid UTF-8 bytes: \d character/);
    }
  });
});

describe('loadDocument: bad input gives one-line reasons, never throws', () => {
  it('empty and whitespace-only files are skipped', async () => {
    expect(await problem(path.join(dir, 'empty.txt'))).toMatchObject({ status: 'skipped', reason: 'empty file' });
    expect(await problem(path.join(dir, 'blank.txt'))).toMatchObject({ status: 'skipped', reason: 'empty file (whitespace only)' });
  });

  it('binary files are errors (NUL bytes, known signatures)', async () => {
    expect(await problem(path.join(dir, 'binary.txt'))).toMatchObject({ status: 'error', reason: 'binary file (NUL bytes)' });
    expect(await problem(path.join(dir, 'fake.txt'))).toMatchObject({ status: 'error', reason: 'binary file (PDF document)' });
  });

  it('English-only text is skipped', async () => {
    const report = await problem(path.join(dir, 'english.txt'));
    expect(report).toMatchObject({ status: 'skipped', reason: 'no Chinese text (English only)', encoding: 'utf-8' });
  });

  it('text in a non-Chinese legacy encoding is an error naming the encodings tried', async () => {
    const report = await problem(path.join(dir, 'latin1.txt'));
    expect(report.status).not.toBe('ok');
    expect(report.reason).toMatch(/^(could not decode as UTF-8, GB18030 or Big5|no Chinese text)/);
  });

  it('Korean or Japanese legacy encodings are not mistaken for GB18030', () => {
    const korean = iconv.encode('대한민국의 수도는 서울이다. 한국어는 아름다운 언어입니다.\n'.repeat(4), 'euc-kr');
    expect(decodeBytes(korean)).toMatchObject({ status: 'error', reason: 'could not decode as UTF-8, GB18030 or Big5 (looks like EUC-KR)' });
    const japanese = iconv.encode('日本語のテキストです。東京は日本の首都です。\n'.repeat(4), 'shift_jis');
    expect(decodeBytes(japanese)).toMatchObject({ status: 'error' });
  });

  it('a missing path is an error', async () => {
    const report = await problem(path.join(dir, 'nope.txt'));
    expect(report).toMatchObject({ status: 'error', reason: 'no such file or directory', file: rel(path.join(dir, 'nope.txt')) });
    expect(report.messages[0]).toMatchObject({ ruleId: 'missing-file', fatal: true });
  });

  // Tests run as root, so chmod 000 does not make a file unreadable. Instead: a directory
  // where a file is expected, a FIFO (reading it would block forever), and an EACCES from a
  // mocked fs.promises.readFile.
  it('a directory passed as a file is an error', async () => {
    expect(await problem(path.join(dir, 'nested'))).toMatchObject({ status: 'error', reason: 'is a directory, not a file' });
  });

  it('a FIFO is refused without blocking', async () => {
    const fifo = path.join(dir, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return expect.fail('mkfifo is needed for this test');
    }
    expect(await problem(fifo)).toMatchObject({ status: 'error', reason: 'not a regular file (FIFO, socket or device)' });
    const { problems } = await listInputFiles([fifo]);
    expect(problems[0]).toMatchObject({ status: 'error', reason: 'not a regular file (FIFO, socket or device)' });
    await fsp.rm(fifo);
  });

  it('permission denied (EACCES from the file system) is reported as such', async () => {
    const eacces = Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES' });
    const spy = vi.spyOn(fs.promises, 'readFile').mockRejectedValueOnce(eacces);
    try {
      const report = await problem(path.join(dir, 'utf8.txt'));
      expect(report).toMatchObject({ status: 'error', reason: 'permission denied' });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('loadDocument: large input', () => {
  it('handles a 50 MB single-line file in linear time', async () => {
    const big = path.join(os.tmpdir(), `yjkg-50mb-${process.pid}.txt`);
    const unit = '新疆生产建设兵团第十二师二二二团党群服务中心建设项目由山西省援建，总投资2600万元，' + '協(xié)調推進(jìn)，';
    const target = 50 * 1024 * 1024;
    const chunk = Buffer.from(unit.repeat(Math.ceil(1024 * 1024 / Buffer.byteLength(unit))));
    const fd = await fsp.open(big, 'w');
    try {
      let written = 0;
      while (written < target) {
        await fd.write(chunk);
        written += chunk.length;
      }
    } finally {
      await fd.close();
    }
    try {
      const doc = await loadDocument(big);
      expect(isDoc(doc)).toBe(true);
      if (!isDoc(doc)) return;
      expect(doc.bytes).toBeGreaterThanOrEqual(target);
      expect(doc.text.includes('\n')).toBe(false);
      const articles = splitArticles(doc);
      expect(articles).toHaveLength(1);
      expect(articles[0].end).toBe(doc.text.length);
      const { normalizeArticle } = await import('../../src/normalize.js');
      const normalized = normalizeArticle(articles[0]);
      expect(normalized.text.length).toBeGreaterThan(doc.text.length * 0.8);
      expect(normalized.text.includes('(xié)')).toBe(false);
      expect(normalized.text.slice(0, 12)).toBe('新疆生产建设兵团第十二师');
    } finally {
      await fsp.rm(big, { force: true });
    }
  });
});
