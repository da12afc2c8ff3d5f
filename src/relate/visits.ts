// VISITS: a person going to places, projects or organisations.
//   visit.cue        P(先后)到/赴/考察/调研/走访/看望 X、Y、Z — one edge per list item, the most
//                    specific name of each item (六师五家渠市 -> 五家渠市); 在考察X时，P指出 too;
//                    代表团先后深入X、Y: the visits of the one person the article says led it;
//                    a later clause opening on a cue (，调研了Z) goes on with the same visitor.
//                    A month and day take the year of the article's dateline.
//   visit.at-place   P在X调研/考察 (most specific of 昌吉州玛纳斯县)
//   visit.at-clause  在[…]X，P了解/考察/听取…
// Items that are people (看望新疆少数民族群众, 慰问我省援疆干部) are not visits to a place.
import type { ResolvedMention } from '../types.js';
import { DELEGATION } from '../recognize/persons.js';
import { isPerson, type ArticleContext, type SentenceView } from './context.js';

const CUE = /(?:先后|分别|相继|专程)?(?:深入|赴|到|前往|来到|抵达|走进|考察|调研|视察|走访|看望|慰问|参观)(?:到)?了?/gu;
const STOP_WORDS = /学习|考察|调研|视察|参观|走访|慰问|看望|检查|指导|交流|开展|参加|出席|举行|了解|听取|召开|进行|座谈|调研/u;
const PEOPLE_TAIL = /(干部|人才|群众|人民|职工|工人|居民|牧民|农民|学生|教师|医生|家庭|代表|同志|师生|儿童|官兵|亲戚|亲人|老人|患者|演职人员)$/u;
const SPEECH = /说|表示|指出|强调|要求|认为|介绍/u;
/** After a place named as a topic or as whose delegation it is (湖南|对口援疆工作, 扬州市|代表团). */
const TOPIC_TAIL = /^(?:对口)?(?:援疆|支援|帮扶)|^(?:[^、，。]{0,4})?工作$|^(?:党政|经贸|考察)?(?:代表团|考察团|调研组|工作组|慰问团)/u;
const CLAUSE = /[，。；：！？,;:!?]/u;
const AFTER_AT = /^(了解|考察|调研|察看|查看|视察|听取|参观|走访|看望|慰问|指出|强调|详细|仔细|认真|与|同|向)/u;

function isPlaceLike(ctx: ArticleContext, m: ResolvedMention): boolean {
  if (!m.entity || m.kind === 'Pronoun' || m.kind === 'Person') return false;
  if (m.rule === 'pairing-compound') return false;
  return m.kind === 'Project' || m.kind === 'Organization' || ctx.isRegionMention(m);
}

/**
 * The article's own date (its dateline: a full date in its first three sentences), which gives
 * a month and day without a year (11月14日) its year: the same, or the year before when the month
 * comes after the dateline's (a December visit reported in January).
 */
function articleDate(ctx: ArticleContext): { year: number; month: number } | undefined {
  for (const s of ctx.sentences.slice(0, 3)) {
    for (const m of s.all) {
      const full = m.kind === 'Date' ? /^(\d{4})-(\d{2})-\d{2}$/u.exec(m.attrs?.date ?? '') : null;
      if (full) return { year: Number(full[1]), month: Number(full[2]) };
    }
  }
  return undefined;
}

function dateOf(ctx: ArticleContext, s: SentenceView, published: { year: number; month: number } | undefined): string | undefined {
  // (a dateline's date, 本报伽师5月17日讯, is when it was filed, not when the visit was)
  const d = s.all.find((m) => m.kind === 'Date' && !/^[讯电]/u.test(ctx.text(m.end, m.end + 1)));
  if (!d) return undefined;
  const monthDay = /^--(\d{2})-(\d{2})$/u.exec(d.attrs?.date ?? '');
  if (monthDay && published) return `${Number(monthDay[1]) > published.month ? published.year - 1 : published.year}-${monthDay[1]}-${monthDay[2]}`;
  if (d.attrs?.date) return d.attrs.date;
  if (d.value === undefined) return undefined;
  const v = String(d.value);
  return v.length === 8 ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v;
}

export function findVisits(ctx: ArticleContext): void {
  const published = articleDate(ctx);
  for (const s of ctx.sentences) {
    const date = dateOf(ctx, s, published);
    const attrs = date ? { date } : {};
    // exec, not matchAll: matchAll clones the regex, once per sentence (CUE never matches empty)
    CUE.lastIndex = 0;
    let previousVisitor: ResolvedMention | undefined;
    for (let match = CUE.exec(s.text); match; match = CUE.exec(s.text)) {
      const p = s.start + match.index!;
      const q = p + match[0].length;
      if (s.all.some((m) => m.start <= p && q <= m.end && m.kind !== 'Date')) continue;
      // 深入 is a visit only right before the place (深入阿克陶县), not before a verb (深入推进)
      if (match[0].endsWith('深入') && !s.top.some((m) => m.start === q)) continue;
      // …走访了X、Y，(并)调研了Z: a clause opening on the next cue has the same visitor
      const goesOn = previousVisitor && NEXT_CLAUSE.test(ctx.text(Math.max(s.start, p - 3), p)) && !s.top.some((m) => isPerson(m) && m.start > previousVisitor!.end && m.end <= p);
      const visitor = goesOn ? previousVisitor : visitorFor(ctx, s, p, q);
      if (!visitor) continue;
      previousVisitor = visitor;
      for (const target of listAfter(ctx, s, q)) {
        ctx.add({ type: 'VISITS', source: visitor.entity!, target: target.entity!, attrs, sentence: s.index, confidence: 0.75, rule: 'visit.cue' });
      }
    }
    // P在X(、Y)调研/考察…
    for (let k = s.text.indexOf('在'); k >= 0; k = s.text.indexOf('在', k + 1)) {
      const at = s.start + k;
      const person = s.top.filter((m) => m.end <= at).pop();
      if (!person || !isPerson(person) || at - person.end > 2) continue;
      const places: ResolvedMention[] = [];
      let pos = at + 1;
      for (const m of s.top) {
        if (m.start < pos) continue;
        const gap = ctx.text(pos, m.start);
        if (places.length === 0 ? gap !== '' : !/^[、和及与]?$/u.test(gap)) break;
        if (!isPlaceLike(ctx, m)) break;
        places.push(m);
        pos = m.end;
      }
      if (places.length === 0 || !/^(调研|考察|视察|走访|慰问|检查|指导|参观)/u.test(ctx.text(pos, s.end))) continue;
      for (const m of places.filter((x, i) => !(places[i + 1]?.start === x.end))) {
        ctx.add({ type: 'VISITS', source: person.entity!, target: m.entity!, attrs, sentence: s.index, confidence: 0.75, rule: 'visit.at-place' });
      }
    }
    // 在[…]X，P了解…
    if (s.text.startsWith('在')) {
      const comma = s.text.search(CLAUSE);
      if (comma > 0) {
        const k = s.start + comma;
        const before = s.top.filter((m) => m.end <= k && isPlaceLike(ctx, m));
        const target = before[before.length - 1];
        const person = s.top.find((m) => m.start > k);
        if (target && person && isPerson(person) && person.start - k <= 2 && AFTER_AT.test(ctx.text(person.end, s.end))) {
          ctx.add({ type: 'VISITS', source: person.entity!, target: target.entity!, attrs, sentence: s.index, confidence: 0.7, rule: 'visit.at-clause' });
        }
      }
    }
  }
}

/** A clause going on with the subject of the one before: ，(并/还/又/随后)… */
const NEXT_CLAUSE = /[，,](?:并|还|又|随后|再|同时)?$/u;

/** A clause whose subject is a delegation (代表团先后深入…, 考察团一行还来到…). */
const DELEGATION_BEFORE = new RegExp(`^[^，。；！？,;!?]{0,12}?(?:${DELEGATION})(?:一行)?(?:还|又|随后|先后|分别|相继)?$`, 'u');
const LEADS_DELEGATION = new RegExp(`^(?:等)?(?:率|带领|率领)[^，。；！？]{0,24}?(?:${DELEGATION})`, 'u');

/** The one person who led a delegation, in this sentence or an earlier one (某某率某某省党政代表团赴…). */
function delegationLeader(ctx: ArticleContext, upTo: number): ResolvedMention | undefined {
  const leaders = new Map<string, ResolvedMention>();
  for (const s of ctx.sentences) {
    if (s.index > upTo) break;
    for (const m of s.top) if (isPerson(m) && LEADS_DELEGATION.test(ctx.text(m.end, s.end))) leaders.set(m.entity!.key, m);
  }
  return leaders.size === 1 ? [...leaders.values()][0] : undefined;
}

function visitorFor(ctx: ArticleContext, s: SentenceView, p: number, q: number): ResolvedMention | undefined {
  const before = s.top.filter((m) => isPerson(m) && m.end <= p);
  const nearest = before[before.length - 1];
  if (nearest) {
    const between = ctx.text(nearest.end, p);
    // a byline's reporter ((记者 某某）6月12日，医疗队走进…) is not who went there
    if (nearest.rule === 'byline' || /[）)]/u.test(between)) return undefined;
    if (!SPEECH.test(between) && !/[。；！？]/u.test(between) && between.length <= 30) return nearest;
    return undefined;
  }
  // 代表团先后深入X、Y: the delegation's leader, named where the article says who led it
  if (DELEGATION_BEFORE.test(ctx.text(s.start, p))) return delegationLeader(ctx, s.index);
  // 在考察X时，P指出: the visitor comes after the leading clause
  const lead = ctx.text(s.start, p);
  if (!lead.startsWith('在') || CLAUSE.test(lead)) return undefined;
  const rest = ctx.text(q, s.end);
  const comma = rest.search(CLAUSE);
  if (comma < 0) return undefined;
  const k = q + comma;
  return s.top.find((m) => isPerson(m) && m.start > k && m.start - k <= 2);
}

/** The list of places right after a cue: items split by 、和及与, up to a clause end or a verb. */
function listAfter(ctx: ArticleContext, s: SentenceView, q: number): ResolvedMention[] {
  const items: ResolvedMention[][] = [];
  let current: ResolvedMention[] = [];
  let pos = q;
  for (const m of s.top) {
    if (m.start < q) continue;
    const gap = ctx.text(pos, m.start);
    if (CLAUSE.test(gap) || STOP_WORDS.test(gap)) break;
    if (items.length === 0 && current.length === 0) {
      if (gap.length > 4) break;
    } else if (/[、和及与]$/u.test(gap)) {
      items.push(current);
      current = [];
    } else if (gap.length > 6) break;
    current.push(m);
    pos = m.end;
  }
  if (current.length > 0) items.push(current);
  const out: ResolvedMention[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const last = item[item.length - 1]!;
    const nextStart = items[i + 1]?.[0]?.start ?? s.end;
    let tail = ctx.text(last.end, nextStart);
    const cut = tail.search(/[、和及与，。；：！？,;:!?]/u);
    if (cut >= 0) tail = tail.slice(0, cut);
    if (PEOPLE_TAIL.test(tail) || PEOPLE_TAIL.test(ctx.text(last.start, last.end) + tail)) continue;
    // a topic or a delegation, not a place: 调研湖南对口援疆工作, 考察扬州援疆项目, 带领扬州市代表团
    if (TOPIC_TAIL.test(tail)) continue;
    const places = item.filter((m) => isPlaceLike(ctx, m));
    const target = places[places.length - 1];
    if (target) out.push(target);
  }
  return out;
}
