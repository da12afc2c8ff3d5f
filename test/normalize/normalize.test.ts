// normalizeArticle: HTML, pinyin glosses, t -> cn with an exact offset map, mojibake,
// boilerplate, repeated paragraphs, punctuation, and the real seeds.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../src/ingest.js';
import { isBoilerplateLine, normalizeArticle, normalizeTitle, toFileSpan } from '../../src/normalize.js';
import type { NormalizedArticle, RawArticle, SourceDocument } from '../../src/types.js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

function raw(text: string, format: RawArticle['format'] = 'text', start = 0, title?: string): RawArticle {
  return { id: 'mem.txt#0', file: 'mem.txt', index: 0, start, end: start + text.length, text, format, ...(title ? { title } : {}) };
}

/** The original characters behind normalized [s, e). */
function quote(a: NormalizedArticle, s: number, e: number): string {
  const span = toFileSpan(a, s, e);
  return a.original.slice(span.start - a.originalStart, span.end - a.originalStart);
}

function find(a: NormalizedArticle, needle: string): [number, number] {
  const s = a.text.indexOf(needle);
  expect(s, `"${needle}" in normalized text`).toBeGreaterThanOrEqual(0);
  return [s, s + needle.length];
}

function seedArticles(name: string): NormalizedArticle[] {
  const text = readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
  const doc: SourceDocument = { file: `seeds/${name}`, encoding: 'utf-8', bytes: Buffer.byteLength(text), format: 'text', text };
  return splitArticles(doc).map(normalizeArticle);
}

describe('traditional text with pinyin glosses', () => {
  const source = '甘肅省援疆幹部協(xié)調推進(jìn)醫療項目，村(社區)與(草案)保留。';

  it('removes glosses, converts to simplified, leaves other brackets alone', () => {
    const a = normalizeArticle(raw(source));
    expect(a.text).toBe('甘肃省援疆干部协调推进医疗项目，村（社区）与（草案）保留。');
    expect(a.text).not.toMatch(/\([a-zü\u00e0-\u01dc]+\)/);
  });

  it('maps every normalized char back to its original char', () => {
    const a = normalizeArticle(raw(source, 'text', 100));
    expect(a.offsets).toHaveLength(a.text.length + 1);
    expect(a.originalStart).toBe(100);
    expect(quote(a, ...find(a, '协调'))).toBe('協(xié)調');
    expect(quote(a, ...find(a, '推进'))).toBe('推進');
    expect(quote(a, ...find(a, '甘肃省'))).toBe('甘肅省');
    const [s] = find(a, '干部');
    expect(quote(a, s, s + 1)).toBe('幹');
    // Offsets never go backwards.
    for (let i = 1; i < a.offsets.length; i++) expect(a.offsets[i]).toBeGreaterThanOrEqual(a.offsets[i - 1]);
  });

  it('uses t -> cn, not twp (no word rewriting)', () => {
    const a = normalizeArticle(raw('對口支援新疆，建立長效機制。'));
    expect(a.text).toBe('对口支援新疆，建立长效机制。');
    expect(a.text).toBe(t2s('對口支援新疆，建立長效機制。'));
  });

  it('normalizes the title the same way', () => {
    expect(normalizeTitle('評論員文章丨發(fā)揮主體作用')).toBe('评论员文章丨发挥主体作用');
    const a = normalizeArticle(raw('正文。', 'text', 0, '遼寧援疆(yuán)成效顯著'));
    expect(a.title).toBe('辽宁援疆成效显著');
  });
});

describe('mojibake', () => {
  // GBK bytes read one byte off: a character is lost, so nothing is repaired, only flagged.
  const damaged = '吉林省援疆前指以“長?bái)┨枴睘榧~帶，推動兩地交流。湖南代表團到達吐魯番?\ue11a\ue11a?';

  it('flags damaged spans with file offsets and never repairs them', () => {
    const a = normalizeArticle(raw(damaged, 'text', 50));
    expect(a.damaged.length).toBe(2);
    const first = a.text.slice(a.damaged[0].start, a.damaged[0].end);
    expect(first).toContain('bái');
    expect(first).toContain('┨');
    expect(first).not.toContain('，'); // stops at a real clause boundary
    expect(a.text).toContain('推动两地交流');
    const messages = a.messages.filter((m) => m.ruleId === 'mojibake');
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.fatal).toBe(false);
      expect(m.file).toBe('mem.txt');
      expect(m.start).toBeGreaterThanOrEqual(50);
      expect(m.end).toBeGreaterThan(m.start!);
      expect(m.reason).not.toContain('\n');
    }
    expect(damaged.slice(messages[0].start! - 50, messages[0].end! - 50)).toContain('?bái)┨');
    expect(damaged.slice(messages[1].start! - 50, messages[1].end! - 50)).toContain('\ue11a\ue11a');
    // The damaged chars are still in the text (offsets stay honest), just flagged.
    expect(a.text).toContain('\ue11a');
  });

  it('flags U+FFFD and box drawing, but not an ordinary question mark', () => {
    const a = normalizeArticle(raw('青海援建的医院\ufffd\ufffd投入使用。什么是援疆?援疆就是支援新疆。'));
    expect(a.damaged).toHaveLength(1);
    expect(a.text).toContain('什么是援疆？援疆就是支援新疆。');
    const b = normalizeArticle(raw('湖北省的项目（一期）已经完工，英文名 Wuhan University 不是乱码。'));
    expect(b.damaged).toHaveLength(0);
  });

  it('flags the classic encodings mix-ups: 锟斤拷 and UTF-8 read as cp1252', () => {
    const a = normalizeArticle(raw('四川省援建的学校锟斤拷锟斤拷已经投用。'));
    expect(a.damaged).toHaveLength(1);
    expect(a.text.slice(a.damaged[0].start, a.damaged[0].end)).toContain('锟斤拷锟斤拷');
    const latin = Buffer.from('新疆', 'utf8').toString('latin1');
    const b = normalizeArticle(raw(`援疆工作在${latin}持续推进。`));
    expect(b.damaged).toHaveLength(1);
    expect(b.text.slice(b.damaged[0].start, b.damaged[0].end)).toContain(latin);
    const c = normalizeArticle(raw('Café à la carte 与 résumé 不算乱码。'));
    expect(c.damaged).toHaveLength(0);
  });

  it('flags pinyin left behind outside a gloss', () => {
    const a = normalizeArticle(raw('援疆干部在喀什zhōng学任教。'));
    expect(a.damaged).toHaveLength(1);
    expect(a.text.slice(a.damaged[0].start, a.damaged[0].end)).toContain('zhōng');
  });
});

describe('boilerplate and repeated paragraphs', () => {
  it('drops web chrome but keeps credits and datelines', () => {
    const source = [
      '新华网>>新疆频道>>援疆动态',
      '当前位置：首页 > 新闻 > 正文',
      '微信截图_20240101120000.jpg',
      '宁夏对口支援哈密工作成效显著',
      '2024-01-02 09:15 来源：宁夏日报',
      '小字号',
      '【字体：大 中 小】【打印】【关闭】',
      '听新闻',
      '3',
      '...',
      '宁夏援疆干部马建国介绍，今年共实施项目42个。',
      '分享让更多人看到',
      '分享到：微信 微博 QQ空间',
      '上一篇：宁夏援疆医疗队出发',
      '下一篇',
      '返回顶部',
      '责任编辑：杨雪梅',
      '(责编:周文、李明)',
      '版权所有 © 宁夏日报社 未经授权禁止转载',
      '点击阅读原文',
      '长按识别二维码关注我们',
    ].join('\n');
    const a = normalizeArticle(raw(source));
    expect(a.text.split('\n')).toEqual([
      '宁夏对口支援哈密工作成效显著',
      '2024-01-02 09:15 来源：宁夏日报',
      '宁夏援疆干部马建国介绍，今年共实施项目42个。',
      '责任编辑：杨雪梅',
      '（责编：周文、李明）',
    ]);
    // The separators and the kept lines still quote the original.
    expect(quote(a, ...find(a, '宁夏援疆干部马建国'))).toBe('宁夏援疆干部马建国');
  });

  it('recognises boilerplate lines in traditional script too', () => {
    expect(isBoilerplateLine('新華網>>新疆頻道>>援疆動態')).toBe(true);
    expect(isBoilerplateLine('返回頂部')).toBe(true);
    expect(isBoilerplateLine('責編：周文')).toBe(false);
    expect(isBoilerplateLine('人民網')).toBe(false); // a masthead names an organisation: kept
    expect(isBoilerplateLine('首页 > 援疆动态')).toBe(true);
    expect(isBoilerplateLine('增速>5%')).toBe(false);
    expect(isBoilerplateLine('乌鲁木齐→喀什')).toBe(false);
  });

  it('drops exact repeats of a paragraph (after normalization), keeping the first', () => {
    const source = '第一段：援疆项目开工。\n\n第二段内容。\n\n第一段:援疆项目开工。\n第三段。\n第二段內容。';
    const a = normalizeArticle(raw(source));
    expect(a.text).toBe('第一段：援疆项目开工。\n第二段内容。\n第三段。');
    const [s, e] = find(a, '第三段');
    expect(quote(a, s, e)).toBe('第三段');
  });
});

describe('HTML', () => {
  const html = readFileSync(new URL('../fixtures/ingest/page.html', import.meta.url), 'utf8');

  it('removes markup, scripts, styles and comments and decodes entities', () => {
    const a = normalizeArticle(raw(html, 'html'));
    expect(a.text).not.toMatch(/[<>]/);
    expect(a.text).not.toContain('脚本');
    expect(a.text).not.toContain('font-family');
    expect(a.text).not.toContain('注释');
    expect(a.text).not.toContain('示例新闻网 >>'); // crumbs
    expect(a.text).not.toContain('返回顶部');
    expect(a.text).not.toContain('分享到');
    expect(a.text).toContain('河南援疆：哈密新建学校开学');
    expect(a.text).toContain('哈密市第十九中学正式开学——这是河南&哈密合作的又一成果。');
    expect(a.text).toContain('校长王丽娟说：“我们有信心办好这所学校。”');
    expect(a.text).toContain('1.2 亿元');
  });

  it('stays linear on markup without closing brackets or entity ends', () => {
    const hostile = '<a'.repeat(400_000) + '&amp'.repeat(200_000) + '<!--' + '援疆';
    const a = normalizeArticle(raw(hostile, 'html'));
    expect(a.text.startsWith('<a<a')).toBe(true);
    expect(a.text.length).toBe(800_000 + 800_000);
    const b = normalizeArticle(raw('<p>一</p>' + '<b>'.repeat(100_000) + '<p>二&#x4e09;&bogus;</p>', 'html'));
    expect(b.text).toBe('一\n二三&bogus;');
  });

  it('maps decoded entities onto the whole entity', () => {
    const a = normalizeArticle(raw(html, 'html'));
    const [s] = find(a, '&哈密');
    expect(quote(a, s, s + 1)).toBe('&amp;');
    expect(quote(a, ...find(a, '河南&哈密'))).toBe('河南&amp;哈密');
    const [q] = find(a, '“我们');
    expect(quote(a, q, q + 3)).toBe('&ldquo;我们');
  });
});

describe('Markdown', () => {
  it('removes the syntax and keeps the words, offsets exact', () => {
    const text = readFileSync(new URL('../fixtures/ingest/two-posts.md', import.meta.url), 'utf8');
    const d: SourceDocument = { file: 'test/fixtures/ingest/two-posts.md', encoding: 'utf-8', bytes: text.length, format: 'text', text };
    const articles = splitArticles(d);
    expect(articles.map((a) => a.title)).toEqual(['陕西援疆：第四师可克达拉市新建医院', '山东援疆：疏勒县职业技术学校扩建']);
    const a = normalizeArticle(articles[0]);
    expect(a.text.split('\n')).toEqual([
      '陕西援疆：第四师可克达拉市新建医院',
      '转载自 陕西日报',
      '陕西省援建的可克达拉市人民医院新院区近日投用，总投资 5.6亿元。',
      '新增床位 600 张',
      '引进专家 32 名',
    ]);
    expect(quote(a, ...find(a, '可克达拉市人民医院新院区'))).toBe('可克达拉市人民医院](https://example.com/news/1?id=2)新院区');
    expect(a.damaged).toHaveLength(0);
  });
});

describe('punctuation and spacing', () => {
  it('applies the TEAM.md conventions', () => {
    const a = normalizeArticle(raw('  記者：張三　李四  \n投資１２３億元,比去年增長５%; 時間為08:30,金額1,000元(約)。\r\n「援疆」工作'));
    expect(a.text).toBe('记者：张三 李四\n投资123亿元，比去年增长5%；时间为08:30，金额1,000元（约）。\n“援疆”工作');
  });

  it('keeps ASCII punctuation in Latin text', () => {
    const a = normalizeArticle(raw('项目名称 Belt and Road (BRI), see: http://example.com/a?b=1'));
    expect(a.text).toBe('项目名称 Belt and Road (BRI), see: http://example.com/a?b=1');
  });

  it('an empty article normalizes to empty text with a one-entry offset table', () => {
    const a = normalizeArticle(raw('\n\n   \n', 'text', 7));
    expect(a.text).toBe('');
    expect(Array.from(a.offsets)).toEqual([7]);
    expect(toFileSpan(a, 0, 0)).toEqual({ start: 7, end: 7 });
  });
});

describe('toFileSpan', () => {
  it('works without the optional ends table (hand-built articles)', () => {
    const a = normalizeArticle(raw('協(xié)調', 'text', 10));
    const { ends: _ends, ...bare } = a;
    expect(toFileSpan(bare, 0, 2)).toEqual({ start: 10, end: 17 });
    expect(toFileSpan(a, 0, 1)).toEqual({ start: 10, end: 11 });
    expect(toFileSpan(a, 0, 2)).toEqual({ start: 10, end: 17 });
  });
});

describe('the seeds', () => {
  it('004: no glosses left, text is simplified, mojibake reported', () => {
    const articles = seedArticles('004_bc355209b628d6c9.txt');
    for (const a of articles) {
      expect(a.text).not.toMatch(/[\u3400-\u9fff][(（][a-zü\u00e0-\u01dc]{1,7}[)）]/);
      // Simplified: converting again changes nothing.
      expect(t2s(a.text)).toBe(a.text);
    }
    const all = articles.map((a) => a.text).join('\n');
    expect(all).toContain('全国政协主席');
    expect(all).toContain('以习近平新时代中国特色社会主义思想为指导');
    expect(articles.flatMap((a) => a.messages).filter((m) => m.ruleId === 'mojibake').length).toBeGreaterThanOrEqual(2);
  });

  it('002: navigation crumbs and widgets are gone, credits stay', () => {
    const [a] = seedArticles('002_2c688e714d0df1b1.txt');
    expect(a.text).not.toContain('>>');
    expect(a.text).not.toContain('山西频道');
    expect(a.text).not.toContain('小字号');
    expect(a.text).not.toContain('返回顶部');
    expect(a.text).not.toContain('分享让更多人看到');
    expect(a.text).toContain('（责编：赵芳、桑莉媛）');
    expect(a.text).toContain('2023年05月03日08:44 | 来源：山西日报');
    expect(a.title).toBe('【新时代 新征程 新伟业】奋力书写高质量精准援疆新篇章');
  });

  it('003: keeps its byline and credit line, drops the page chrome', () => {
    const [a] = seedArticles('003_67d82cf7ccd38a15.txt');
    expect(a.text).toContain('（通讯员 陆志林 阚海茵 记者 李源）');
    expect(a.text).toContain('责编：戚阜生 崔欣');
    expect(a.text).not.toContain('.jpg');
    expect(a.text).not.toContain('听新闻');
    expect(a.text).not.toContain('上一篇');
    expect(a.text.split('\n')).not.toContain('1');
  });

  it('000: the repeated paragraph is kept once', () => {
    const articles = seedArticles('000_534ec13b271cfeac.txt');
    const needle = '去年年底，省卫生健康委印发《辽宁省数字化预防接种门诊建设标准》';
    const count = articles.reduce((n, a) => n + a.text.split('\n').filter((l) => l.startsWith(needle)).length, 0);
    expect(count).toBe(1);
  });

  it('every seed char maps back exactly (evidence quotes are the original text)', () => {
    for (const name of ['000_534ec13b271cfeac.txt', '002_2c688e714d0df1b1.txt', '004_bc355209b628d6c9.txt']) {
      for (const a of seedArticles(name)) {
        for (let i = 0; i < a.text.length; i++) {
          const o = quote(a, i, i + 1);
          const c = a.text[i];
          if (c === '\n' || c === ' ') continue;
          const ok = o === c || t2s(o) === c || t2s(o).includes(c) || o.length > 1 || '，：；！？（）“”'.includes(c);
          expect(ok, `${name} ${i}: ${c} <- ${o}`).toBe(true);
        }
      }
    }
  });
});
