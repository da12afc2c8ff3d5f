import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredMatches } from '../../src/util/anchored-matches.js';

// The two list patterns of src/recognize (names before 等, organisations before 等+class noun),
// and a made-up one with a longer reach.
const PATTERNS: [RegExp, number, number][] = [
  [/((?:[\u4e00-\u9fff·]{2,9}、){2,}[\u4e00-\u9fff·]{2,9}?)等/gu, 2, 9],
  [/((?:[\u4e00-\u9fffA-Za-z]{2,8}、)+[\u4e00-\u9fffA-Za-z]{2,8})等(?:\d+家)?(企业|高校|[\u4e00-\u9fff]企)(?=[，。]|与|和)/gu, 2, 8],
  [/[a-c]{1,3}x(?:[a-c]+y)?/gu, 1, 3],
];

const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', 'y'));
const plain = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, ...m]);

const pieces = ['王', '一二三四五六七八', '甲乙丙丁戊己庚辛壬', 'abc', '李', '张', '明华', '国', '、', '、', '等', '等', '企业', '高校', '央企', '5家', '，', '。', '与', '·', 'AB', 'c', 'a', 'b', 'x', 'y', '1', '\n', ' ', '😀'];

describe('anchoredMatches', () => {
  it('gives what matchAll gives, in order, on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.integer({ min: 0, max: PATTERNS.length - 1 }), (parts, which) => {
        const [re, min, max] = PATTERNS[which]!;
        const anchor = which === 2 ? 'x' : '、';
        const text = parts.join('');
        expect(plain(anchoredMatches(text, sticky(re), anchor, min, max))).toEqual(plain(text.matchAll(re)));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('finds lists next to each other and lists that share no start window', () => {
    const [re, min, max] = PATTERNS[0]!;
    const text = '王明、李华、张国等人。赵一、钱二、孙三等，周四、吴五等；1李四、周五、吴六等';
    const found = plain(anchoredMatches(text, sticky(re), '、', min, max));
    expect(found).toEqual(plain(text.matchAll(re)));
    expect(found.map((m) => m[2])).toEqual(['王明、李华、张国', '赵一、钱二、孙三', '李四、周五、吴六']);
  });
});
