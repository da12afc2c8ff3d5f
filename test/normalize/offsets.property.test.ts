// Property tests: for random mixes of simplified/traditional Han, pinyin glosses, punctuation,
// spaces, Latin and digits, every normalized char maps back to original chars consistent with it.
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalizeArticle, toFileSpan } from '../../src/normalize.js';
import type { RawArticle } from '../../src/types.js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

const SIMPLIFIED = [...'援疆新疆干部项目资金学校医院对口支援省市县团师区发展合作交流产业教育民生'];
const TRADITIONAL = [...'廣東遼寧黑龍江幹部項目資金學校醫院對口支援縣團師區發展合作交流產業教育協調進標準乾隆'];
const GLOSSED = ['協(xié)', '調(diào)', '標(biāo)', '準(zhǔn)', '進(jìn)', '產(chǎn)', '業(yè)', '區(qū)', '發(fā)', '責(zé)'];
const PUNCT = [...',.:;!?()"，。：；！？（）“”「」、《》—…·・﹔'];
const SPACES = [' ', '\u3000', '\u00a0', '\t', '\n', '\r\n', '\n\n'];
const OTHER = [...'0123456789０１２３ABCabcＡＢｃ%％-'];
const NOT_GLOSSES = ['村(社区)', '(草案)', '(GDP)', '(2023)'];
// Phrases that opencc converts differently from their single characters (瞭解 -> 了解, but 瞭 -> 瞭).
const PHRASES = ['一目瞭然', '瞭解', '不瞭解', '乾隆', '么麼'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SIMPLIFIED) },
  { weight: 6, arbitrary: fc.constantFrom(...TRADITIONAL) },
  { weight: 3, arbitrary: fc.constantFrom(...GLOSSED) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER) },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_GLOSSES) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
);
const textArb = fc.array(piece, { minLength: 0, maxLength: 120 }).map((parts) => parts.join(''));

/** What a single original char may legitimately become (punctuation unification, width folding). */
const PUNCT_FORMS: Record<string, string> = {
  ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）', '"': '“”',
  '「': '“', '」': '”', '・': '·', '﹔': '；', '　': ' ', '\u00a0': ' ', '\t': ' ',
};

function consistent(normalized: string, original: string): boolean {
  if (normalized === original) return true;
  if (normalized === ' ') return /^\s+$/.test(original);
  if (normalized === '\n') return /^[\r\n]+$/.test(original);
  if (original.length === 1) {
    const code = original.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e && String.fromCharCode(code - 0xfee0) === normalized) return true;
    if (PUNCT_FORMS[original]?.includes(normalized)) return true;
  }
  // t -> cn of the char itself, or the char at the same place in its converted phrase
  // (瞭解 -> 了解 maps 了 to 瞭 and 解 to 解); checked by the caller with phraseAt.
  return t2s(original) === normalized;
}

/** The converted char at position p when p lies inside one of PHRASES in text. */
function phraseAt(text: string, p: number): string | undefined {
  for (const phrase of PHRASES) {
    for (let from = Math.max(0, p - phrase.length + 1); from <= p; from++) {
      if (text.startsWith(phrase, from)) return t2s(phrase)[p - from];
    }
  }
  return undefined;
}

function article(text: string, start: number): RawArticle {
  return { id: 'prop.txt#0', file: 'prop.txt', index: 0, start, end: start + text.length, text, format: 'text' };
}

describe('normalizeArticle offsets (property)', () => {
  it('every normalized char maps back to original chars consistent with it', () => {
    fc.assert(
      fc.property(textArb, fc.nat(1000), (text, start) => {
        const a = normalizeArticle(article(text, start));
        expect(a.offsets.length).toBe(a.text.length + 1);
        for (let i = 0; i < a.text.length; i++) {
          const span = toFileSpan(a, i, i + 1);
          expect(span.start).toBeGreaterThanOrEqual(start);
          expect(span.end).toBeLessThanOrEqual(start + text.length);
          expect(span.end).toBeGreaterThan(span.start);
          if (i > 0) expect(a.offsets[i]).toBeGreaterThanOrEqual(a.offsets[i - 1]);
          const original = text.slice(span.start - start, span.end - start);
          const c = a.text[i];
          const ok = consistent(c, original) || phraseAt(text, span.start - start) === c;
          expect(ok, `${JSON.stringify(c)} <- ${JSON.stringify(original)} in ${JSON.stringify(text)}`).toBe(true);
        }
        // Whole-text span covers exactly what produced the first and last chars.
        if (a.text.length > 0) {
          const all = toFileSpan(a, 0, a.text.length);
          expect(all.start).toBe(a.offsets[0]);
          expect(all.end).toBe(a.offsets[a.text.length]);
        }
      }),
      { numRuns: 300, seed: 20240501 },
    );
  });

  it('no gloss survives, and other brackets do', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const a = normalizeArticle(article(text, 0));
        expect(a.text).not.toMatch(/[\u3400-\u9fff][(（][a-zü\u00e0-\u01dc]{1,7}[)）]/);
      }),
      { numRuns: 200, seed: 7 },
    );
    const han = fc.array(fc.constantFrom(...SIMPLIFIED, ...TRADITIONAL), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(han, fc.constantFrom(...NOT_GLOSSES), han, (before, bracket, after) => {
        const a = normalizeArticle(article(before + bracket + after, 0));
        const inner = bracket.slice(bracket.indexOf('(') + 1, bracket.indexOf(')'));
        expect(a.text).toContain(`（${inner}）`);
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('the Han text equals OpenCC.Converter({from: "t", to: "cn"}) of the gloss-free source', () => {
    const hanOnly = fc
      .array(fc.oneof(fc.constantFrom(...SIMPLIFIED), fc.constantFrom(...TRADITIONAL), fc.constantFrom(...GLOSSED), fc.constantFrom(...PHRASES)), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(hanOnly, (text) => {
        const a = normalizeArticle(article(text, 0));
        const withoutGlosses = text.replace(/\([a-zü\u00e0-\u01dc]{1,7}\)/g, '');
        expect(a.text).toBe(t2s(withoutGlosses));
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('HTML: every char maps back to itself or to the entity that produced it', () => {
    const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ', '&#26032;': '新', '&#x7586;': '疆', '&ldquo;': '“', '&rdquo;': '”' };
    const htmlPiece = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...SIMPLIFIED, ...TRADITIONAL) },
      { weight: 2, arbitrary: fc.constantFrom('<p>', '</p>', '<br/>', '<div class="x">', '</div>', '<span>', '</span>', '<a href="/a?b=1&c=2">', '</a>') },
      { weight: 2, arbitrary: fc.constantFrom(...Object.keys(ENTITIES)) },
      { weight: 1, arbitrary: fc.constantFrom('<script>var a = "<p>不要</p>";</script>', '<style>p{}</style>', '<!-- 注释 -->', '<', '&', '&bogus;') },
      { weight: 1, arbitrary: fc.constantFrom(...PUNCT, ' ', '\n') },
    );
    const htmlArb = fc.array(htmlPiece, { maxLength: 80 }).map((p) => p.join(''));
    fc.assert(
      fc.property(htmlArb, (html) => {
        const a = normalizeArticle({ ...article(html, 5), format: 'html' });
        expect(a.text).not.toContain('不要');
        expect(a.text).not.toContain('注释');
        for (let i = 0; i < a.text.length; i++) {
          const span = toFileSpan(a, i, i + 1);
          const original = html.slice(span.start - 5, span.end - 5);
          const c = a.text[i];
          const fromEntity = ENTITIES[original];
          const ok =
            consistent(c, original) ||
            (fromEntity !== undefined && (consistent(c, fromEntity) || (c === ' ' && fromEntity === ' '))) ||
            (c === '\n' && /^<[^>]*>$/.test(original));
          expect(ok, `${JSON.stringify(c)} <- ${JSON.stringify(original)} in ${JSON.stringify(html)}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const a = normalizeArticle(article(text, 3));
        const b = normalizeArticle(article(text, 3));
        expect(b.text).toBe(a.text);
        expect(Array.from(b.offsets)).toEqual(Array.from(a.offsets));
        expect(b.damaged).toEqual(a.damaged);
      }),
      { numRuns: 50, seed: 1 },
    );
  });
});
