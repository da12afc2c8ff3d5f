// COOPERATES_WITH: organisations (or two regions that are not a pairing) working together.
//   coop.with          A与B… / A和B…合作 (A与B directly: no cue needed; otherwise a cue after B)
//   coop.respectively  A、B、C分别把/与 X、Y、Z … : zipped pairs
//   coop.join          (A)…联合B… : the nearest organisation before 联合 is A
//   coop.for           A…为B培养/培训/提供 …
//   coop.aids          A(opening the sentence)…对口帮扶/托管/援助B
import type { EntityRef, ResolvedMention } from '../types.js';
import { isOrg, type ArticleContext, type SentenceView } from './context.js';

const CUE = /合作|交流|结对|共建|签约|签订|签署|协议|协同|携手|协作|对接|帮扶|医联体|联盟|共享|互动|手拉手|牵手|联办|联合/u;
const LIST_JOIN = /^(、|和|及|以及|与)$/u;
const CLAUSE = /[，。；：！？,;:!?]/u;

function partyOf(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (isOrg(m)) return m.entity;
  if (m.kind === 'Pronoun' || m.rule === 'pairing-compound') return undefined;
  return ctx.regionRef(m);
}

function sameKind(a: EntityRef, b: EntityRef): boolean {
  return (a.type === 'Organization') === (b.type === 'Organization');
}

export function findCooperation(ctx: ArticleContext): void {
  for (const [index, s] of ctx.sentences.entries()) {
    const emit = (a: EntityRef, b: EntityRef, confidence: number, rule: string) => {
      if (!sameKind(a, b) || a.key === b.key) return;
      if (a.label.startsWith(b.label) || b.label.startsWith(a.label)) return; // 省委 / 省委省政府: one body
      if (a.type !== 'Organization') {
        // two regions: not a pairing (that is SUPPORTS) and not one inside the other
        if (ctx.isAncestor(a.label, b.label) || ctx.isAncestor(b.label, a.label)) return;
        if ((ctx.supporterFor(a.label) && ctx.isXinjiang(b.label)) || (ctx.supporterFor(b.label) && ctx.isXinjiang(a.label))) return;
      }
      const [x, y] = a.key < b.key ? [a, b] : [b, a];
      ctx.add({ type: 'COOPERATES_WITH', source: x, target: y, attrs: {}, sentence: s.index, confidence, rule });
    };
    const zipped = zipRespectively(ctx, s, emit);
    withConnector(ctx, s, emit, zipped);
    join(ctx, s, emit, ctx.sentences[index - 1]);
    forOther(ctx, s, emit);
    aidsOther(ctx, s, emit);
  }
}

/** A…(对口)帮扶/托管/援助B: an organisation opening the sentence helps another (医院派出医疗队，对口帮扶某县人民医院). */
const AIDS_BEFORE = /(?:对口帮扶|结对帮扶|帮扶|对口支援|托管|援助)$/u;
function aidsOther(ctx: ArticleContext, s: SentenceView, emit: Emit): void {
  const a = s.top[0];
  if (!a || !isOrg(a) || a.start - s.start > 2) return;
  for (let j = 1; j < s.top.length; j++) {
    const b = s.top[j]!;
    if (!isOrg(b) || !AIDS_BEFORE.test(ctx.text(s.top[j - 1]!.end, b.start))) continue;
    if (/[。；;]/u.test(ctx.text(a.end, b.start))) continue;
    emit(a.entity!, b.entity!, 0.65, 'coop.aids');
  }
}

type Emit = (a: EntityRef, b: EntityRef, confidence: number, rule: string) => void;

function withConnector(ctx: ArticleContext, s: SentenceView, emit: Emit, zipped?: { start: number; end: number }): void {
  const top = s.top;
  for (let j = 1; j < top.length; j++) {
    const b = top[j]!;
    if (zipped && b.start >= zipped.start && b.start < zipped.end) continue; // paired by 分别 already
    const bRef = partyOf(ctx, b);
    if (!bRef) continue;
    // 与泽普县|某某有限公司: a firm read without the place before its name starts at the place
    const place = top[j - 1]!;
    const bStart = isOrg(b) && place.end === b.start && !isOrg(place) && ctx.regionRef(place) ? place.start : b.start;
    const prefix = ctx.text(Math.max(s.start, bStart - 1), bStart);
    if (!/[与和同跟]/u.test(prefix)) continue;
    // A: nearest party of the same kind before the connector (an organisation for an organisation)
    let a: ResolvedMention | undefined;
    for (let i = j - 1; i >= 0; i--) {
      const ref = partyOf(ctx, top[i]!);
      if (ref && sameKind(ref, bRef)) {
        a = top[i];
        break;
      }
    }
    if (!a) continue;
    // 某县人民政府与B (read as the county): the connector joins B to that party of the other kind, not to A
    const joined = top[j - 1]!;
    if (joined !== a && joined.start > a.end && joined.end < bStart && /^(?:人民政府|政府|党委|行署)?$/u.test(ctx.text(joined.end, bStart - 1))) {
      const ref = partyOf(ctx, joined);
      if (ref && !sameKind(ref, bRef)) continue;
    }
    const aRef = partyOf(ctx, a)!;
    const gap = ctx.text(a.end, bStart);
    const adjacent = gap.length === 1;
    // A、B和C: a list (but 、C与D opens a pair of its own)
    if (/[、]$/u.test(ctx.text(Math.max(s.start, a.start - 1), a.start)) && !(adjacent && (gap === '与' || gap === '同'))) continue;
    const after = ctx.text(b.end, s.end);
    if (aRef.type !== 'Organization') {
      // two regions: the cue must be in the same clause, and not objects of 对口支援/援助
      const lead = ctx.text(s.start, a.start);
      if (/(支援|援助|援建|帮扶|到|赴)[^，。；,;]*$/u.test(lead)) continue;
      if (!CUE.test(after.split(/[，。；,;]/u)[0] ?? '')) continue;
    }
    const clauseEnd = after.search(/[。；;]/u);
    const clause = clauseEnd >= 0 ? after.slice(0, clauseEnd) : after;
    let paired = false;
    if (adjacent && (gap === '与' || gap === '同')) {
      emit(aRef, bRef, 0.8, 'coop.with');
      paired = true;
    } else if (CUE.test(clause) && !/[。；;]/u.test(gap) && (adjacent || (gap.length <= 30 && /[与同跟]$/u.test(gap)))) {
      emit(aRef, bRef, 0.7, 'coop.with');
      paired = true;
    }
    // A与B、C(分别)签订…: A with every party of the list B opens
    // (organisations only; a list item that opens a pair of its own, 、C与D, is not A's)
    if (paired && CUE.test(clause) && bRef.type === 'Organization') {
      for (let k = j + 1; k < top.length; k++) {
        const next = top[k]!;
        const ref = partyOf(ctx, next);
        if (!ref || !sameKind(ref, bRef) || !LIST_JOIN.test(ctx.text(top[k - 1]!.end, next.start))) break;
        if (/^[与同跟]/u.test(ctx.text(next.end, next.end + 1))) break;
        emit(aRef, ref, 0.7, 'coop.with');
      }
    }
  }
}

function zipRespectively(ctx: ArticleContext, s: SentenceView, emit: Emit): { start: number; end: number } | undefined {
  const k = s.text.indexOf('分别');
  if (k < 0) return undefined;
  const at = s.start + k;
  // A、B等名校分别与X、Y: the list ends before 等 and its class noun
  const tail = /等[^、，。；,;\s]{0,4}$/u.exec(ctx.text(Math.max(s.start, at - 5), at));
  const left = listEndingAt(ctx, s, tail ? at - tail[0].length : at);
  const m = /^分别(把|与|和|同|对口|结对|帮扶|将)?/u.exec(ctx.text(at, s.end))!;
  const right = listStartingAt(ctx, s, at + m[0].length);
  if (left.length < 2 || left.length !== right.length) return undefined;
  for (let i = 0; i < left.length; i++) emit(left[i]!.ref, right[i]!.ref, 0.75, 'coop.respectively');
  return { start: left[0]!.start, end: right[right.length - 1]!.end };
}

function listEndingAt(ctx: ArticleContext, s: SentenceView, end: number): { ref: EntityRef; start: number; end: number }[] {
  const out: { ref: EntityRef; start: number; end: number }[] = [];
  let at = end;
  for (let i = s.top.length - 1; i >= 0; i--) {
    const m = s.top[i]!;
    if (m.end > at) continue;
    const gap = ctx.text(m.end, at);
    if (out.length === 0 ? gap !== '' : !LIST_JOIN.test(gap)) break;
    const ref = partyOf(ctx, m);
    if (!ref) break;
    out.unshift({ ref, start: m.start, end: m.end });
    at = m.start;
  }
  return out;
}

function listStartingAt(ctx: ArticleContext, s: SentenceView, start: number): { ref: EntityRef; start: number; end: number }[] {
  const out: { ref: EntityRef; start: number; end: number }[] = [];
  let at = start;
  for (const m of s.top) {
    if (m.start < at) continue;
    const gap = ctx.text(at, m.start);
    if (out.length === 0 ? gap !== '' : !LIST_JOIN.test(gap)) break;
    const ref = partyOf(ctx, m);
    if (!ref) break;
    out.push({ ref, start: m.start, end: m.end });
    at = m.end;
  }
  return out;
}

function join(ctx: ArticleContext, s: SentenceView, emit: Emit, previous?: SentenceView): void {
  for (let k = s.text.indexOf('联合'); k >= 0; k = s.text.indexOf('联合', k + 2)) {
    const at = s.start + k;
    if (s.all.some((m) => m.start <= at && at < m.end)) continue;
    const b = s.top.find((m) => m.start >= at + 2 && m.start - (at + 2) <= 2);
    if (!b || !isOrg(b)) continue;
    const before = s.top.filter((m) => m.end <= at && isOrg(m));
    let a = before[before.length - 1];
    // …；联合B…: the subject is that of the previous sentence of the paragraph
    if (!a && k === 0 && !s.newParagraph && previous) {
      const subject = previous.top[0];
      if (subject && isOrg(subject) && subject.start - previous.start <= 2) a = subject;
    }
    if (a) emit(a.entity!, b.entity!, 0.65, 'coop.join');
  }
}

function forOther(ctx: ArticleContext, s: SentenceView, emit: Emit): void {
  for (let j = 1; j < s.top.length; j++) {
    const b = s.top[j]!;
    if (!isOrg(b) || !/为$/u.test(ctx.text(s.start, b.start))) continue;
    if (!/^[^，。；]{0,8}?(培养|培训|提供|输送)/u.test(ctx.text(b.end, s.end))) continue;
    let a: ResolvedMention | undefined;
    for (let i = j - 1; i >= 0; i--) {
      if (isOrg(s.top[i]!)) {
        a = s.top[i];
        break;
      }
    }
    if (!a || CLAUSE.test(ctx.text(a.end, b.start))) continue;
    emit(a.entity!, b.entity!, 0.6, 'coop.for');
  }
}
