import { describe, expect, it } from 'vitest';
import { amountInYuan } from '../../src/recognize/values.js';
import { parseChineseNumber } from '../../src/recognize/lexicon-index.js';
import { recognizeArticle } from '../../src/recognize.js';
import { segmented } from './helpers.js';

describe('money', () => {
  it('converts with exact integer arithmetic', () => {
    expect(amountInYuan('19.39', '亿')).toBe(1_939_000_000);
    expect(amountInYuan('0.07', '亿')).toBe(7_000_000);
    expect(amountInYuan('1950', '万')).toBe(19_500_000);
    expect(amountInYuan('2.45', '亿')).toBe(245_000_000);
    expect(amountInYuan('3000', '')).toBe(3000);
  });
  it('finds amounts in text, traditional already normalized', () => {
    const a = recognizeArticle(segmented('河北省安排援疆资金4.36亿元，其中680万元用于培训，另有约120万美元。'));
    const money = a.mentions.filter((m) => m.kind === 'Money');
    expect(money.map((m) => [m.text, m.value, m.attrs?.currency])).toEqual([
      ['4.36亿元', 436_000_000, 'CNY'],
      ['680万元', 6_800_000, 'CNY'],
      ['120万美元', 1_200_000, 'USD'],
    ]);
  });
});

describe('dates', () => {
  it('gives yyyymmdd for full dates and the year otherwise', () => {
    const a = recognizeArticle(segmented('2021年7月3日，工作队抵达。2019年起实施。'));
    const dates = a.mentions.filter((m) => m.kind === 'Date');
    expect(dates.map((m) => [m.text, m.value])).toEqual([
      ['2021年7月3日', 20210703],
      ['2019年', 2019],
    ]);
  });
});

describe('chinese numbers', () => {
  it('parses the numerals used for XPCC units', () => {
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一三〇')).toBe(130);
    expect(parseChineseNumber('二十一')).toBe(21);
    expect(parseChineseNumber('188')).toBe(188);
    expect(Number.isNaN(parseChineseNumber('团结'))).toBe(true);
  });
});
