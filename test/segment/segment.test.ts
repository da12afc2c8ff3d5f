import { beforeAll, describe, expect, it } from 'vitest';
import { buildUserDictionary, initSegmenter, segmentArticle, sentenceTokens, splitSentences, tagPlain } from '../../src/segment.js';
import type { NormalizedArticle, SegmentedArticle, Token } from '../../src/types.js';

/** A NormalizedArticle for a test string (identity offsets). */
function article(text: string): NormalizedArticle {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { id: 'test.txt#0', file: 'test.txt', index: 0, text, offsets, original: text, originalStart: 0, damaged: [], messages: [] };
}

const allTokens = (a: SegmentedArticle): Token[] => a.sentences.flatMap((s) => sentenceTokens(a, s));
const wordOf = (a: SegmentedArticle, t: Token) => a.text.slice(t.start, t.end);
const tokenOf = (a: SegmentedArticle, word: string) => allTokens(a).find((t) => wordOf(a, t) === word);

beforeAll(() => initSegmenter());

describe('sentences', () => {
  const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

  it('splits on 。！？!?； and newlines, keeping closing quotes and brackets', () => {
    expect(texts('甲乙丙。丁戊！己庚？辛；壬癸')).toEqual(['甲乙丙。', '丁戊！', '己庚？', '辛；', '壬癸']);
    expect(texts('第一段话\n  第二段话。\n\n')).toEqual(['第一段话', '第二段话。']);
    expect(texts('他说：“我们到了。”随后离开。')).toEqual(['他说：“我们到了。”随后离开。']);
    expect(texts('会议结束了。”（完）下一句。')).toEqual(['会议结束了。”）'.slice(0, 7), '（完）下一句。']);
    expect(texts('真的吗？！是的。')).toEqual(['真的吗？！', '是的。']);
  });

  it('keeps a short quotation with its sentence, splits an unclosed one', () => {
    expect(texts('她说：“好。走吧。”大家笑了。')).toEqual(['她说：“好。走吧。”大家笑了。']);
    expect(texts('标题“没有闭合。第二句。')).toEqual(['标题“没有闭合。', '第二句。']);
  });
});

describe('tokens', () => {
  const text =
    '3月5日，湖南省援疆前方指挥部指挥长王建军率队来到昌吉回族自治州和新疆生产建设兵团第六师，看望援疆干部。\n' +
    '兵团第十二师222团和二二二团的职工参加了活动！“很高兴。”他说。';
  let seg: SegmentedArticle;
  beforeAll(() => {
    seg = segmentArticle(article(text));
  });

  it('gives offsets that slice the text to a word (never blank), in order, inside their sentence', () => {
    let last = 0;
    for (const s of seg.sentences) {
      for (const t of sentenceTokens(seg, s)) {
        expect(text.slice(t.start, t.end).trim()).not.toBe('');
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.start).toBeGreaterThanOrEqual(s.start);
        expect(t.end).toBeLessThanOrEqual(s.end);
        last = t.end;
      }
    }
    // every non-space character is covered by exactly one token
    const covered = allTokens(seg).reduce((n, t) => n + t.end - t.start, 0);
    expect(covered).toBe(text.replace(/\s/g, '').length);
  });

  it('keeps the article and numbers its sentences', () => {
    expect(seg.text).toBe(text);
    expect(seg.id).toBe('test.txt#0');
    expect(seg.sentences.map((s) => s.index)).toEqual(seg.sentences.map((_, i) => i));
    expect(seg.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '3月5日，湖南省援疆前方指挥部指挥长王建军率队来到昌吉回族自治州和新疆生产建设兵团第六师，看望援疆干部。',
      '兵团第十二师222团和二二二团的职工参加了活动！',
      '“很高兴。”他说。',
    ]);
  });

  it('keeps domain words whole with their lexicon tag', () => {
    expect(tokenOf(seg, '昌吉回族自治州')?.tag).toBe('PREF');
    expect(tokenOf(seg, '新疆生产建设兵团第六师')?.tag).toBe('XPCC');
    expect(tokenOf(seg, '援疆干部')?.tag).toBe('TITLE');
    expect(tokenOf(seg, '指挥长')?.tag).toBe('TITLE');
    expect(tokenOf(seg, '湖南省')?.tag).toBe('PROV');
    expect(tokenOf(seg, '二二二团')?.tag).toBe('XPCC');
  });

  it('finds an unseen person name as one token', () => {
    expect(tokenOf(seg, '王建军')).toBeDefined();
  });

  it('tags other regions from the lexicon too', () => {
    const other = segmentArticle(article('江西省支援克州阿克陶县，广州市天河区和巴州的企业参加，新源和皮山的干部也来了。'));
    expect(tokenOf(other, '新源')?.tag).toBe('CNTY');
    expect(tokenOf(other, '皮山')?.tag).toBe('CNTY');
    expect(tokenOf(other, '江西省')?.tag).toBe('PROV');
    expect(tokenOf(other, '克州')?.tag).toBe('PREF');
    expect(tokenOf(other, '阿克陶县')?.tag).toBe('CNTY');
    expect(tokenOf(other, '天河区')?.tag).toBe('CNTY');
    expect(tokenOf(other, '巴州')?.tag).toBe('PREF');
  });

  it('handles empty text, spaces and text without terminators', () => {
    expect(segmentArticle(article('')).sentences).toEqual([]);
    const spaced = segmentArticle(article('  河北省 援助  巴州  '));
    expect(spaced.sentences).toHaveLength(1);
    expect(allTokens(spaced).map((t) => wordOf(spaced, t))).toEqual(['河北省', '援助', '巴州']);
  });

  it('tagPlain is plain jieba tagging', () => {
    expect(tagPlain('山西省援疆').map((t) => t.word).join('')).toBe('山西省援疆');
  });
});

describe('user dictionary', () => {
  it('is deterministic, sorted, and uses only lexicon tags', () => {
    const dict = buildUserDictionary();
    expect(buildUserDictionary()).toBe(dict);
    const lines = dict.trimEnd().split('\n');
    expect([...lines].sort()).toEqual(lines);
    for (const line of lines) expect(line).toMatch(/^\S{2,} \d+ (PROV|PREF|CNTY|XPCC|TITLE)$/);
    expect(lines).toContain('城关区 20000 CNTY');
    expect(lines).toContain('额敏 20000 CNTY'); // Xinjiang county short name
    expect(lines).toContain('塔城 20000 PREF'); // the prefecture wins over 塔城市
    expect(lines.some((l) => l.startsWith('城区 '))).toBe(false); // 2-char county names are ordinary words
  });
});

describe('tags from the dictionary lookup', () => {
  // segmentArticle calls jieba's cut() and looks tags up itself (cheaper than tag()); it must give
  // exactly what jieba's own tag() gives, except where the lexicon's own tag overrides jieba's.
  const LEXICON = new Set(['PROV', 'PREF', 'CNTY', 'XPCC', 'TITLE']);
  const paragraphs = [
    '2019年,江苏省昆山市与新疆阿图什市签约3个产业项目,总投资1.2亿元,其中CCTV和5G基站建设由苏州某科技公司承担。',
    '福建省第十批援疆干部人才抵达昌吉州,自治州党委书记在机场迎接并讲话,随后前往玛纳斯县和呼图壁县调研。',
    'iPhone 15发布后,ABC公司宣布在伊宁市建设产业园,投资2000万元,预计2025年投产!',
  ];
  it.each(paragraphs)('%s', (text) => {
    const own = allTokens(segmentArticle(article(text)));
    const jieba = tagPlain(text).filter((t) => t.word.trim() !== '');
    expect(own.map((t) => text.slice(t.start, t.end))).toEqual(jieba.map((t) => t.word));
    own.forEach((t, i) => {
      if (!LEXICON.has(t.tag)) expect(t.tag).toBe(jieba[i]!.tag);
    });
    // the overrides happen: a lexicon word in each paragraph carries a lexicon tag
    expect(own.some((t) => LEXICON.has(t.tag))).toBe(true);
    // words outside the dictionary: digits 'm', Latin 'eng', as jieba decides them
    if (/\d/.test(text)) expect(own.some((t) => t.tag === 'm')).toBe(true);
  });
});
