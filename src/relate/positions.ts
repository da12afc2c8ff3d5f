// HOLDS_POSITION: "[holder][title]、[holder][title]Person" read backwards from the person.
//   新疆大学校长、和田地区党委副书记某某 -> 新疆大学 {校长}, 和田地区 {党委副书记}
//   浙江省委常委、副省长某某 -> 浙江省 {省委常委、副省长}; a comma may close an earlier complete
//   group (某师党委副书记、师长，某市委书记某某); (a title without holder
//   belongs to the holder before it). Roles that are not offices (记者, 援疆干部) are skipped.
//   A job (数学教师, 主治医师) is a title only at a named organisation; 地委副书记 / 地区行署副专员
//   with no holder are the one 地区's the article names; 副县长（挂职）某某 is read past the note.
//   pos.office-after  某某任墨玉县委书记 / 某某，和田地委书记。 / 某某（女），挂职某县委常委、副县长
//                     / 某某是某医院心内科主任医师 / 某某，现挂职… (the office after the person, with
//                     the same holder's further titles); 某某从A来到B，挂职… (a later clause, the
//                     person opening the sentence)
//   pos.comes-from    来自某某医院的援疆医生某某 / 来自某中学的数学教师某某 -> 某某医院 {医生}
//   pos.posted-at     某某在某县人民医院挂职副院长 / 某某目前在某县担任副县长 (the holder before the cue)
//   他/她 in the last two forms is the one person named in its sentence or the two before.
import type { EntityRef, ResolvedMention } from '../types.js';
import { OFFICE_NOTE_WORDS, POSTING } from '../recognize/persons.js';
import { isOrg, isPerson, refOfRegion, type ArticleContext, type SentenceView } from './context.js';

// Generic heads of office titles, used besides the lexicon's list (general language, no names).
const HEADS = ['书记', '主席', '委员', '常委', '省长', '市长', '县长', '州长', '区长', '部长', '厅长', '局长', '主任', '组长', '司令员', '政委', '指挥长', '总指挥', '院长', '校长', '所长', '经理', '董事长', '总裁', '工程师', '会长', '秘书长', '处长', '科长', '团长', '师长', '队长', '社长', '总编辑', '主编', '专员'];
// Roles a person has without holding an office in the holder (journalism credits, aid cadres...).
const NOT_OFFICE = /^(援疆|挂职|记者|特约记者|见习记者|通讯员|责编|责任编辑|编辑|摄影|村民|居民|群众|领导|代表|同志|医生|教师|老师|护士(?!长)|律师)/u;
/**
 * Jobs rather than offices (教师, 主治医师, 数学教师): a position only at a named organisation
 * (某中学数学教师某某, 某医院医生某某), never of a region (山东医生某某 is where the doctor is from).
 */
const JOB = /(?:教师|老师|医生|医师|护士|律师)$/u;
const ROLE_PREFIX = /^(?:援疆|支教|支医|挂职|志愿|实习|见习|乡村)/u;
// Organs of a region (its party committee, government) rather than separate organisations.
const ORGAN = /^(党委|党工委|委|[省市县州区]委|人民政府|政府|行署)/u;
/** An aid cadre's role, with the supporter's name or not (山东援疆医生, 援疆干部, 上海支教老师): not an office. */
const AID_ROLE_WORDS = '[\\u4e00-\\u9fff]{0,6}?(?:援疆|支教|支医)(?:干部|医生|教师|老师|专家|人才|队员)';
const AID_ROLE = new RegExp(`^${AID_ROLE_WORDS}$`, 'u');
/** 的, or 的 and an aid role, between an office and the person holding it (挂职某县副县长的山东援疆干部某某). */
const OFFICE_ATTRIBUTE = new RegExp(`的(?:${AID_ROLE_WORDS})?$`, 'u');
/** 副县长（挂职）某某, 副县长（援疆干部）某某: a note between the office and the name. */
const POSTED_NOTE = new RegExp(`${OFFICE_NOTE_WORDS}$`, 'u');
const SEGMENT_STOP = /[、，。；：！？,;:!?“”"‘’（）()《》【】\s·]/u;

/** Endings that make an office title (HEADS and the lexicon's office titles), by their last character's code. */
const officeEndingsMemo = new WeakMap<object, Map<number, string[]>>();
function officeEndings(titles: readonly string[]): Map<number, string[]> {
  let byLast = officeEndingsMemo.get(titles);
  if (!byLast) {
    byLast = new Map();
    for (const t of [...HEADS, ...titles.filter((t) => t.length >= 2 && !NOT_OFFICE.test(t))]) {
      const code = t.charCodeAt(t.length - 1);
      const list = byLast.get(code);
      if (!list) byLast.set(code, [t]);
      else if (!list.includes(t)) list.push(t);
    }
    officeEndingsMemo.set(titles, byLast);
  }
  return byLast;
}

function validTitle(ctx: ArticleContext, title: string, atOrganization = false): boolean {
  if (title.length < 2 || title.length > 16 || /[的是在说和与]/u.test(title)) return false;
  if (atOrganization && JOB.test(title) && !ROLE_PREFIX.test(title)) return true;
  if (NOT_OFFICE.test(title) || /援疆干部|援疆人才|记者|通讯员/u.test(title)) return false;
  const endings = officeEndings(ctx.lex.titles).get(title.charCodeAt(title.length - 1));
  if (endings) for (const e of endings) if (title.endsWith(e)) return true;
  return false;
}

function holderOf(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (isOrg(m)) return m.entity;
  return ctx.regionRef(m);
}

/**
 * 全国人大常委会副委员长 with no organisation recognised: a national body written
 * into the title (name ending in an organisation suffix, no region in front).
 */
function bodyInTitle(ctx: ArticleContext, text: string): { ref: EntityRef; title: string } | undefined {
  for (let k = text.length - 2; k >= 3; k--) {
    const body = text.slice(0, k);
    const title = text.slice(k);
    if (!validTitle(ctx, title) || ctx.leadingRegion(body)) continue;
    if (!/^(中共|中国|中央|全国|国家|国务院)/u.test(body)) continue;
    if (!ctx.lex.orgSuffixes.some((x) => body.endsWith(x))) continue;
    return { ref: { key: `Organization:${body}`, type: 'Organization', label: body }, title };
  }
  return undefined;
}

/** The one prefecture called 地区 the article names (undefined: none, or several). */
const onePrefectureMemo = new WeakMap<ArticleContext, EntityRef | null>();
function onePrefecture(ctx: ArticleContext): EntityRef | undefined {
  let known = onePrefectureMemo.get(ctx);
  if (known === undefined) {
    known = null;
    for (const s of ctx.sentences) {
      for (const m of s.all) {
        const r = m.entity?.type === 'Prefecture' && m.entity.label.endsWith('地区') ? m.entity : undefined;
        if (!r) continue;
        if (known && known.key !== r.key) {
          onePrefectureMemo.set(ctx, null);
          return undefined;
        }
        known = r;
      }
    }
    onePrefectureMemo.set(ctx, known);
  }
  return known ?? undefined;
}

/** 市委书记 / 省长 / 州长 with no name before: the article's own province, city or prefecture (我省/我州 style). */
function bareHome(ctx: ArticleContext, title: string): EntityRef | undefined {
  // 地委副书记 / 地区行署副专员, as a prefecture's own paper writes them: the one 地区 the article names
  if (/^(?:地委|地区行署|行署)/u.test(title)) return onePrefecture(ctx);
  const home = ctx.home();
  const unit = /^([省市州县])(委|政府|人大|政协|长|副)/u.exec(title)?.[1];
  if (!home || !unit) return undefined;
  return home.label.endsWith(unit) ? home : undefined;
}

export function findPositions(ctx: ArticleContext): void {
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    for (const person of s.top) {
      if (!isPerson(person)) continue;
      readTitlesBefore(ctx, s, person);
      readOfficeAfter(ctx, s, person);
      readPostedAt(ctx, s, person);
      readComesFrom(ctx, s, person);
    }
    // 他现任… / 她在某医院挂职副院长: the office of the person the pronoun stands for
    if (s.text.includes('他') || s.text.includes('她')) {
      for (const pronoun of personPronouns(ctx, i)) {
        readOfficeAfter(ctx, s, pronoun);
        readPostedAt(ctx, s, pronoun);
      }
    }
  }
}

/**
 * 他/她 standing alone (not 他们, 其他) with one person it can stand for: the persons named
 * before it in its sentence, or else in the nearest of the two sentences before that names
 * any. Two different persons there and the pronoun is left unread.
 */
function personPronouns(ctx: ArticleContext, i: number): ResolvedMention[] {
  const s = ctx.sentences[i]!;
  const found: ResolvedMention[] = [];
  for (let k = 0; k < s.text.length; k++) {
    const c = s.text[k];
    if (c !== '他' && c !== '她') continue;
    const pos = s.start + k;
    if (!s.boundaries.has(pos) || !s.boundaries.has(pos + 1)) continue; // inside a word: 其他, 他人
    let antecedent = onePerson(s.top.filter((m) => isPerson(m) && m.end <= pos));
    for (let back = 1; antecedent === undefined && back <= 2 && i - back >= 0; back++) {
      antecedent = onePerson(ctx.sentences[i - back]!.top.filter(isPerson));
    }
    if (!antecedent) continue;
    found.push({ kind: 'Person', text: c, start: pos, end: pos + 1, sentence: s.index, rule: 'pronoun', entity: antecedent });
  }
  return found;
}

/** The one person of these mentions (undefined: none yet; null: more than one). */
function onePerson(persons: ResolvedMention[]): EntityRef | null | undefined {
  if (persons.length === 0) return undefined;
  const first = persons[0]!.entity!;
  return persons.every((m) => m.entity!.key === first.key) ? first : null;
}

/** The holder and the full title when `title` follows `holderMention` (墨玉县|委书记 -> 墨玉县 {县委书记}). */
function office(ctx: ArticleContext, holderMention: ResolvedMention, rawTitle: string): { holder: EntityRef; title: string } | undefined {
  let title = rawTitle;
  const surface = ctx.text(holderMention.start, holderMention.end);
  if (title.startsWith('委') && /[省市县州区地]$/u.test(surface)) title = surface.slice(-1) + title;
  else if (/[省市县州区]委$/u.test(surface)) title = surface.slice(-2) + title; // 省委|书记 -> 省委书记
  let holder = holderOf(ctx, holderMention);
  if (!holder) return undefined;
  // 喀什|市委副书记 (jieba reads 市委副书记 as one word): the short name and the title's first
  // character name the city or county (喀什市), not the prefecture the short name is read as
  const level = /^([市县])(?:委|长|政府|人大|政协)/u.exec(title)?.[1];
  if (level && !/[省市县州区地盟旗]$/u.test(surface) && ctx.regionRef(holderMention)) {
    const own = ctx.region(surface + level);
    if (own && own.name !== holder.label) holder = refOfRegion(own);
  }
  // 和田地区党委宣传部 部长 -> 和田地区 {党委宣传部部长}: a party/government organ is its region's office
  if (isOrg(holderMention)) {
    const lead = ctx.leadingRegion(holder.label);
    const organ = lead ? holder.label.slice(lead.end) : '';
    if (lead && ORGAN.test(organ)) {
      holder = refOfRegion(lead.region);
      title = (/^委/u.test(organ) ? lead.region.name.slice(-1) : '') + organ + title;
    }
  }
  return validTitle(ctx, title, holder.type === 'Organization') ? { holder, title } : undefined;
}

/** 任/担任/挂职 … after a person (and a gender or nationality note: 某某（女），挂职…), or a bare comma. */
const OFFICE_CUE = new RegExp(`^(?:[（(](?:女|男|[\\u4e00-\\u9fff]{1,4}族)[）)])?(?:，?(?:担任|现任|兼任|出任|(?:现|目前|现在)?(?:${POSTING})|任|系|是)|，)`, 'u');
/** A later clause of the person's sentence that posts them: 她从北京来到和田，挂职某医院副院长 */
const LATER_POSTING = new RegExp(`，(?:并|后|随后|同时|现|目前)?(?:${POSTING}|担任|现任|兼任)`, 'u');

/** Where the title segment starting at `from` ends: the next SEGMENT_STOP, or the sentence's end. */
function segmentEnd(ctx: ArticleContext, s: SentenceView, from: number): number {
  let end = from;
  while (end < s.end && !SEGMENT_STOP.test(ctx.a.text[end]!)) end++;
  return end;
}

/** The space after a roster line's name. */
const ROSTER_GAP = /^[ \t\u3000]$/u;
/** A cadre's profile after the name (announcements, CVs): ，男，汉族，1978年9月生，研究生学历，中共党员 */
const PROFILE = /^，(?:男|女)(?:，(?:[\u4e00-\u9fff]{1,5}族|[\d０-９]{4}年(?:[\d０-９]{1,2}月)?出?生|[\u4e00-\u9fff]{1,6}(?:学历|学位)|(?:中共)?(?:预备)?党员|群众|无党派人士|[\u4e00-\u9fff]{2,4}人))*/u;
/** An office clause of such a profile: ，现任… / ，拟挂职… / ，任… (原任/曾任: a former office, read past). */
const PROFILE_OFFICE = new RegExp(`^，(原任|曾任|现任|拟挂职|拟任|兼任|担任|${POSTING}|任)`, 'u');

/**
 * 某某任墨玉县委书记 / 某某，和田地委书记。: the office written after the person, up to the clause
 * end; after a cadre's profile (某某，男，汉族，…，现任A，拟挂职B、C，任D), each office clause.
 */
function readOfficeAfter(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): void {
  // a roster line (程某某　某县委常委、副县长，某地委副书记): every office of the line is the person's
  if (person.rule === 'roster' && person.start === s.start && ROSTER_GAP.test(ctx.text(person.end, person.end + 1))) {
    for (let at = person.end + 1, guard = 0; at < s.end && guard < 6; guard++) {
      const end = segmentEnd(ctx, s, at);
      at = (officeAt(ctx, s, person, at, end) ?? end) + 1;
    }
    return;
  }
  const profile = PROFILE.exec(ctx.text(person.end, s.end));
  if (profile) {
    let at = person.end + profile[0].length;
    for (let guard = 0; guard < 8; guard++) {
      const clause = PROFILE_OFFICE.exec(ctx.text(at, s.end));
      if (!clause) break;
      const from = at + clause[0].length;
      const end = segmentEnd(ctx, s, from);
      const former = clause[1] === '原任' || clause[1] === '曾任';
      at = former ? end : officeAt(ctx, s, person, from, end) ?? end;
      while (ctx.a.text[at] === '、') at = segmentEnd(ctx, s, at + 1); // (a former office's further titles)
    }
    return;
  }
  // 任命某某为A、B，C: the appointing verb before the person makes 为 the cue
  const appointed = person.rule === 'appointed' && ctx.a.text[person.end] === '为' && /(?:任命|聘任|聘请|推选|选举)$/u.test(ctx.text(Math.max(s.start, person.start - 2), person.start));
  const cue = appointed ? ['为'] : OFFICE_CUE.exec(ctx.text(person.end, s.end));
  if (!cue) {
    readLaterPosting(ctx, s, person);
    return;
  }
  const from = person.end + cue[0].length;
  // after a bare comma the office must close the sentence (某某，某地委书记。), not open a list of people
  const end = segmentEnd(ctx, s, from);
  if (cue[0] === '，' && end < s.end && !/[。；！？]/u.test(ctx.a.text[end]!)) return;
  let at = officeAt(ctx, s, person, from, end);
  // 任A总指挥、党委书记，B州党委副书记；: after an explicit cue, a further office of another
  // holder after the comma, when it closes the clause or the sentence
  for (let guard = 0; cue[0] !== '，' && at !== undefined && ctx.a.text[at] === '，' && guard < 3; guard++) {
    const next = segmentEnd(ctx, s, at + 1);
    if (next < s.end && !/[。；]/u.test(ctx.a.text[next]!)) break;
    at = officeAt(ctx, s, person, at + 1, next);
  }
}

/**
 * 某某从北京来到和田，挂职某医院副院长: the person opens the sentence's first clause (a time
 * phrase before it at most) and no other person is named before the later clause that posts them.
 */
function readLaterPosting(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): void {
  const rest = ctx.text(person.end, s.end);
  const cue = LATER_POSTING.exec(rest);
  if (!cue) return;
  const from = person.end + cue.index + cue[0].length;
  if (s.top.some((m) => isPerson(m) && m !== person && m.start < from)) return;
  if (!opensSentence(ctx, s, person) || /了/u.test(rest.slice(0, cue.index))) return;
  officeAt(ctx, s, person, from, segmentEnd(ctx, s, from));
}

/** A time phrase opening a sentence: 去年3月， / 2023年2月， / 今年初， */
const TIME_OPENER = /^[^，。]{1,10}[年月日前后初底来]，/u;

/**
 * The person is the subject opening the sentence: nothing before them but a time phrase and the
 * title or role that introduced them (去年3月，山东援疆医生某某…); a pronoun after a time phrase.
 */
function opensSentence(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): boolean {
  let lead = ctx.text(s.start, person.start);
  const time = TIME_OPENER.exec(lead);
  if (time) lead = lead.slice(time[0].length);
  if (lead === '') return true;
  const title = person.rule === 'title-cue' ? person.attrs?.title : undefined;
  // (the role may carry the supporter's name before it: 北京援疆医生)
  return title !== undefined && lead.endsWith(title) && lead.length - title.length <= 6 && !/[，、的了]/u.test(lead);
}

/**
 * The office in the segment [from, end) (holder, title, the holder's further titles after 、),
 * added for `person`; where it ends.
 */
function officeAt(ctx: ArticleContext, s: SentenceView, person: ResolvedMention, from: number, end: number): number | undefined {
  // the holder starts the office (一两个字 of 原/曾/现 allowed before it) and is the last one before the title
  const holders = s.top.filter((m) => m.start >= from && m.end < end && holderOf(ctx, m));
  const first = holders[0];
  if (!first || first.start - from > 1) return undefined;
  const holderMention = holders[holders.length - 1]!;
  if (s.top.some((m) => isPerson(m) && m.start >= from && m.start < end)) return undefined;
  const found = office(ctx, holderMention, ctx.text(holderMention.end, end));
  if (!found) return undefined;
  // further titles of the same holder: 挂职某县委常委、副县长
  let title = found.title;
  while (ctx.a.text[end] === '、') {
    const next = segmentEnd(ctx, s, end + 1);
    const more = ctx.text(end + 1, next);
    if (s.top.some((m) => m.start > end && m.start < next) || !validTitle(ctx, more, found.holder.type === 'Organization')) break;
    title += `、${more}`;
    end = next;
  }
  ctx.add({ type: 'HOLDS_POSITION', source: person.entity!, target: found.holder, attrs: { title }, sentence: s.index, confidence: 0.8, rule: 'pos.office-after' });
  return end;
}

/** 在 (with 现/目前/正/现在/此前 before it) right after the person, or after a comma that follows the person. */
const POSTED_AT_OPEN = /^(?:，)?(?:现|目前|正|现在|此前)?在$/u;
/** The posting verb between the holder and the title: 挂职副院长, 担任副县长, 任职副局长. */
const POSTED_AT_CUE = new RegExp(`^(?:${POSTING}|担任|兼任|任职|任)`, 'u');

/**
 * 某某在某县人民医院挂职副院长: the holder is named before the posting verb, the title after it,
 * up to the clause end (a title that is not an office, 挂职期间, gives nothing).
 */
function readPostedAt(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): void {
  const holderMention = s.top.find((m) => m.start > person.end && m.start - person.end <= 4 && holderOf(ctx, m));
  if (!holderMention || !POSTED_AT_OPEN.test(ctx.text(person.end, holderMention.start))) return;
  const cue = POSTED_AT_CUE.exec(ctx.text(holderMention.end, s.end));
  if (!cue) return;
  const from = holderMention.end + cue[0].length;
  const end = segmentEnd(ctx, s, from);
  // a bare title only: 任阿克萨拉依乡党委书记 names a body inside the holder, whose name may not be known
  const rawTitle = ctx.text(from, end);
  if (!knownTitle(ctx, rawTitle) || s.all.some((m) => m.entity && m.start >= from && m.start < end)) return;
  const found = office(ctx, holderMention, rawTitle);
  if (!found) return;
  // 在新疆挂职副县长 names where, not whose: a county's office needs a county as its holder
  const level = /^副?([省市县州区])(?:委|长|政府|人大|政协)/u.exec(found.title)?.[1];
  if (level && !isOrg(holderMention) && !found.holder.label.endsWith(level)) return;
  ctx.add({ type: 'HOLDS_POSITION', source: person.entity!, target: found.holder, attrs: { title: found.title }, sentence: s.index, confidence: 0.75, rule: 'pos.posted-at' });
}

const HEAD_SET = new Set(HEADS);
/** A title from the lexicon or a generic head (副院长, 常务副县长, 县委书记), not a name with a title after it. */
function knownTitle(ctx: ArticleContext, title: string): boolean {
  const known = (t: string) => HEAD_SET.has(t) || (ctx.lex.isTitle ? ctx.lex.isTitle(t) : ctx.lex.titles.includes(t));
  return known(title) || known(title.replace(/^(?:常务)?副/u, ''));
}

/** 来自某某医院的援疆医生某某: the person works at the organisation, in the role named. */
function readComesFrom(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): void {
  const before = ctx.text(Math.max(s.start, person.start - 30), person.start);
  // (the job may name a subject or a department: 的数学教师某某, 的心内科主治医师某某)
  const m = /来自([^，。；！？、]{2,24}?)的(?:援疆|援疆专家|对口支援)?([\u4e00-\u9fff]{0,5}?(?:医生|护士|教师|老师|专家|工程师|律师|教授|医师|护士长|研究员))$/u.exec(before);
  if (!m) return;
  const holderStart = person.start - before.length + m.index! + 2;
  const holderEnd = holderStart + m[1]!.length;
  const holderMention = s.top.filter((x) => x.start >= holderStart && x.end === holderEnd && isOrg(x))[0];
  if (!holderMention) return;
  ctx.add({ type: 'HOLDS_POSITION', source: person.entity!, target: holderMention.entity!, attrs: { title: m[2]! }, sentence: s.index, confidence: 0.75, rule: 'pos.comes-from' });
}

interface HeldTitle {
  holder: EntityRef;
  title: string;
  start: number;
}

function readTitlesBefore(ctx: ArticleContext, s: SentenceView, person: ResolvedMention): void {
  const found = titlesBefore(ctx, s, person);
  if (found.length > 0) emitTitlesByHolder(ctx, s, person, found);
}

/** The [holder][title]、… segments read backwards from the person (two small functions rather than one: cheaper to re-optimise). */
function titlesBefore(ctx: ArticleContext, s: SentenceView, person: ResolvedMention, depth = 0): HeldTitle[] {
  const found: HeldTitle[] = [];
  let pending: { title: string; start: number }[] = [];
  // 挂职某县副县长的(广东援疆干部)某某: the office is written as an attribute of the person
  const attribute = OFFICE_ATTRIBUTE.exec(ctx.text(Math.max(s.start, person.start - 14), person.start)) ?? POSTED_NOTE.exec(ctx.text(Math.max(s.start, person.start - 10), person.start));
  let end = attribute ? person.start - attribute[0].length : person.start;
  for (let guard = 0; guard < 6; guard++) {
    let start = end;
    while (start > s.start && !SEGMENT_STOP.test(ctx.a.text[start - 1]!)) start--;
    const blocker = s.top.filter((m) => isPerson(m) && m.end <= end && m.end > start).pop();
    if (blocker) start = blocker.end;
    if (start >= end) {
      // 某指挥部总指挥张某、副总指挥李某: a deputy's title with no holder is held where the person
      // before it holds the same office (总指挥 / 副总指挥), not any title (校长张某、副省长李某)
      if (blocker && pending.length > 0 && depth === 0) {
        const before = titlesBefore(ctx, s, blocker, 1);
        pending = pending.filter((p) => {
          const same = before.find((b) => sameOffice(b.title, p.title));
          if (same) found.push({ holder: same.holder, title: p.title, start: p.start });
          return !same;
        });
      }
      break;
    }
    // 某县人民医院副院长、山东援疆医生某某: an aid role between the office and the name is skipped
    if (ctx.a.text[start - 1] === '、' && AID_ROLE.test(ctx.text(start, end))) {
      end = start - 1;
      continue;
    }
    const holders = s.top.filter((m) => m.start >= start && m.end <= end && holderOf(ctx, m));
    const holderMention = holders[holders.length - 1];
    if (holderMention) {
      const held = office(ctx, holderMention, ctx.text(holderMention.end, end));
      if (!held) break;
      const { holder, title } = held;
      found.push({ holder, title, start: holderMention.start });
      for (const p of pending) found.push({ holder, title: p.title, start: p.start });
      pending = [];
    } else {
      const title = ctx.text(start, end);
      if (!validTitle(ctx, title)) break;
      // a bare 市长 after 某市委副书记、 is that city's: the home only when no holder comes before
      const home = ctx.a.text[start - 1] === '、' ? undefined : bareHome(ctx, title);
      const body = home ? undefined : bodyInTitle(ctx, title);
      const holder = home ?? body?.ref;
      if (holder) {
        found.push({ holder, title: body ? body.title : title.replace(/^地区(?=行署)/u, ''), start });
        for (const p of pending) found.push({ holder, title: p.title, start: p.start });
        pending = [];
      } else pending.push({ title, start });
    }
    // 、 joins titles; a comma may close a complete earlier group (兵团党委副书记、司令员，自治区党委常委、副主席某某)
    const joiner = ctx.a.text[start - 1];
    if (!(joiner === '、' || (joiner === '，' && pending.length === 0 && found.length > 0 && guard < 5))) break;
    end = start - 1;
  }
  // titles left without a holder before them: a bare 省长/市长 is the home's
  for (const p of pending) {
    const home = bareHome(ctx, p.title);
    if (home) found.push({ holder: home, title: p.title, start: p.start });
  }
  return found;
}

/** 总指挥 and 副总指挥, 党委书记 and 副书记, 院长 and 常务副院长: one office, a deputy of it. */
function sameOffice(a: string, b: string): boolean {
  const base = (title: string) => title.replace(/^(?:常务|第一)?副/u, '');
  const x = base(a);
  const y = base(b);
  return x.length >= 2 && y.length >= 2 && (x.endsWith(y) || y.endsWith(x));
}

function emitTitlesByHolder(ctx: ArticleContext, s: SentenceView, person: ResolvedMention, found: HeldTitle[]): void {
  // one edge per holder, titles in text order (浙江省 {省委常委、副省长})
  const byHolder = new Map<string, { holder: EntityRef; parts: { title: string; start: number }[] }>();
  for (const f of found) {
    const entry = byHolder.get(f.holder.key) ?? { holder: f.holder, parts: [] };
    entry.parts.push({ title: f.title, start: f.start });
    byHolder.set(f.holder.key, entry);
  }
  for (const { holder, parts } of byHolder.values()) {
    parts.sort((x, y) => x.start - y.start);
    let title = parts[0]!.title;
    for (let i = 1; i < parts.length; i++) title += '、' + parts[i]!.title;
    ctx.add({ type: 'HOLDS_POSITION', source: person.entity!, target: holder, attrs: { title }, sentence: s.index, confidence: 0.85, rule: 'pos.title-before' });
  }
}
