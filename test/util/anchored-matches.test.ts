import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORG_LIST } from '../../src/recognize/orgs.js';
import { NAME_LIST } from '../../src/recognize/persons.js';
import { anchoredMatches, type AnchoredPattern } from '../../src/util/anchored-matches.js';

// The two list patterns of src/recognize (names before 等, organisations before 等+class noun),
// and a made-up one with another anchor and reach.
const PATTERNS: AnchoredPattern[] = [NAME_LIST, ORG_LIST, { sticky: /[a-c]{1,3}x(?:[a-c]+y)?/uy, anchor: 'x', minOffset: 1, maxOffset: 3 }];

const global = (p: AnchoredPattern) => new RegExp(p.sticky.source, p.sticky.flags.replace('y', 'g'));
const plain = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, ...m]);

const pieces = ['王', '一二三四五六七八', '甲乙丙丁戊己庚辛壬', 'abc', '李', '张', '明华', '国', '、', '、', '等', '等', '企业', '高校', '央企', '5家', '，', '。', '与', '·', 'AB', 'c', 'a', 'b', 'x', 'y', '1', '\n', ' ', '😀'];

describe('anchoredMatches', () => {
  it('gives what matchAll gives, in order, on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.integer({ min: 0, max: PATTERNS.length - 1 }), (parts, which) => {
        const pattern = PATTERNS[which]!;
        const text = parts.join('');
        expect(plain(anchoredMatches(text, pattern))).toEqual(plain(text.matchAll(global(pattern))));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('finds lists next to each other and lists that share no start window', () => {
    const text = '王明、李华、张国等人。赵一、钱二、孙三等，周四、吴五等；1李四、周五、吴六等';
    const found = plain(anchoredMatches(text, NAME_LIST));
    expect(found).toEqual(plain(text.matchAll(global(NAME_LIST))));
    expect(found.map((m) => m[2])).toEqual(['王明、李华、张国', '赵一、钱二、孙三', '李四、周五、吴六']);
  });

  it('finds a list whose first item is as long as the pattern allows', () => {
    // (offsets: the first 、 is 9 characters after the start of a name list, 8 after an organisation list)
    const names = '1甲乙丙丁戊己庚辛壬、王明、李华等人';
    const orgs = '1甲乙丙丁戊己庚辛、中石油等央企与';
    expect(plain(anchoredMatches(names, NAME_LIST)).map((m) => m[1])).toEqual(['甲乙丙丁戊己庚辛壬、王明、李华等']);
    expect(plain(anchoredMatches(orgs, ORG_LIST)).map((m) => m[1])).toEqual(['甲乙丙丁戊己庚辛、中石油等央企']);
  });
});
