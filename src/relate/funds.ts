// FUNDS: a province/city/organisation paying for a project, with the amount when the text ties
// one amount to one project.
//   funds.verb        F 投入/投资建设/援建/实施/新建/支持 … P (P、Q … all funded, no amount if several)
//   funds.verb        P是F…援建…项目 / P由F投资建设 (project named before the funder)
//   funds.carry       no funder in the sentence: the funder of the previous sentence of the paragraph
//                     (其中，P(项目)投资N: one of that funder's projects, with its amount)
//   funds.owner-name  某某科技年产…生产线项目: a project named after a company is that company's
//   funds.aid-share   P(该项目)总投资N，其中F援疆资金M, no funding verb: F paid M (an unnamed share,
//                     其中援疆资金M, names no funder and gives nothing)
// Amounts: 投入M新建的P / 总投资M的P / P…项目总投资M / M，实施P / M用于P / next sentence "该项目…总投资M"
// (该校/该中心/产业园由… when the facility named before ends in that noun); 分别M1和M2…P1和P2 pairs
// them in order; a numbered list line (1. P……投资M) is funded by the sentence opening the list;
// never the first of a list (投入M建设A、B; 实施A、B等N个项目). A carried funder never overrides the sentence's own.
import type { EntityRef, ResolvedMention } from '../types.js';
import type { Supporter } from '../lexicon/api.js';
import { AID_ORG, facilityFits, isOrg, isProject, projectBefore, THIS_FACILITY, THIS_PROJECT, type ArticleContext, type SentenceView } from './context.js';

const CUE = /投资建设|投资兴建|投资|投入|出资|参与援建|援建|捐建|捐资|资助|实施|新建|建设|安排|支持|用于/gu;
const COMPANY = /(集团|公司|科技|控股|股份|企业|能源|实业|矿业|电力|化工|煤业|钢铁|建工|药业)$/u;
/** 投资5亿元，在某某园区建设P: the amount is P's across the clause that says where. */
const VENUE_BETWEEN = /^[，,](?:计划|拟|将)?[在于][^，。；,;]{1,20}?(?:建设|新建|兴建|投建|实施|打造)$/u;
/** A sentence that builds something before its 项目 clause speaks of that, not of an earlier project. */
const BUILT_BEFORE = /(?:共建|建设|新建|兴建|打造|实施|投建)/u;
const MONEY_CUE = /(总投资|投资|投入|资金|出资|援助|援建|安排)[^，。；,;]{0,6}$/u;
/**
 * What stands between a project and the aid money it got (P由上海援疆资金N建设, P使用援疆资金N,
 * P安排援疆资金N, P：援疆资金N, P安排N).
 */
const AID_GAP = /^(?:项目)?(?:由|使用|利用|安排|获得|争取|累计投入|完成)?[^，。；,;\d]{0,8}?(?:援疆资金|援助资金|对口支援资金|援疆投资|援疆投入)(?:已?累计)?(?:投入|投了|安排|共)?$|^(?:安排|使用|争取)$/u;
/** A clause opening on a project and stating only 安排/投入 before its amount (P安排N). */
const ELIDED_AID = /^[^，。；,;]{2,30}?(?:安排|投入)$/u;
/** 由(F)援疆资金全额投资 / 由(F)援疆资金全部安排 earlier in the sentence: the whole amount is that aid. */
const AID_WHOLE_BEFORE = /由([^，。；,;]{0,10}?)(?:援疆资金|援助资金)(?:全额|全部)(?:投资|投入|建设|安排)/u;
/** Aid money right before an amount, with where it starts (上海|援疆资金累计投入N). */
const AID_MONEY_AT = /(?:援疆|援助|对口支援)资金(?:已|累计|共|合计)*(?:投入|投了|安排|计)?[：:]?$/u;
/** Money stated as aid (援疆资金M, 其中援助资金M). */
const AID_MONEY_BEFORE = /(?:援疆|援助|帮扶|对口支援)资金[^，。；,;\d]{0,6}$/u;

/** A company's name right after a place (河南|中原光能科技有限公司 when the company was not read). */
const COMPANY_NAME_AFTER = /^(?:(?!投资|投入|出资|援建|捐建|资助|建设|支持|对口|援疆|[的和与及在向为对将由把])[\u4e00-\u9fff]){1,10}?(?:有限公司|有限责任公司|公司|集团)/u;

function funderOf(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (isOrg(m)) return m.entity;
  const r = ctx.regionRef(m);
  if (!r) return undefined;
  if (m.kind === 'Pronoun') return r;
  // the place heads a company's name: the company pays, not the province
  if (COMPANY_NAME_AFTER.test(ctx.text(m.end, m.end + 14))) return undefined;
  return ctx.isXinjiang(r.label) ? undefined : r; // a Xinjiang place in the clause is where, not who
}

interface Funding {
  funder: EntityRef;
  project: ResolvedMention;
  sentence: number;
  confidence: number;
  rule: string;
  single: boolean; // the only project of its funding clause (an amount may belong to it)
  /** The sentence that names the project, when it is not this one (a list line's head). */
  named?: number;
}

const sortedSuffixes = new WeakMap<readonly string[], string[]>();
/** The lexicon's project suffixes, longest first: sorted once per lexicon, not per article. */
function suffixesLongestFirst(suffixes: readonly string[]): string[] {
  let sorted = sortedSuffixes.get(suffixes);
  if (!sorted) sortedSuffixes.set(suffixes, (sorted = [...suffixes].sort((x, y) => y.length - x.length)));
  return sorted;
}

type PreviousFunder = { funder: EntityRef; sentence: number } | undefined;

// (findFunds is cut into one function per step: V8 re-optimises a small function when it meets a
// new shape instead of recompiling the whole rule set)
export function findFunds(ctx: ArticleContext): void {
  const fundings: Funding[] = [];
  const items = listItems(ctx);
  let previousFunder: PreviousFunder;
  let previous: SentenceView | undefined;
  // the funder named in the paragraph that opens a list (某省安排援疆资金N…公示如下：), for its items
  let paragraphFunder: EntityRef | undefined;
  let listFunder: EntityRef | undefined;
  for (const s of ctx.sentences) {
    // (a list's lines go on from the sentence that opens it: …实施以下项目：/1. P……投资N/2. …)
    const numbered = LIST_ITEM.test(s.text);
    const listGoesOn = previous !== undefined && numbered && (/[：:]$/u.test(previous.text) || LIST_ITEM.test(previous.text));
    if (s.newParagraph) {
      if (!numbered && !items.has(s.index)) listFunder = undefined; // (a field line goes on)
      else if (previous && /[：:]$/u.test(previous.text)) listFunder = paragraphFunder;
      paragraphFunder = undefined;
      if (!listGoesOn) previousFunder = undefined;
    }
    previous = s;
    const sentenceFunder = fundsInSentence(ctx, s, previousFunder, fundings, items.get(s.index), listFunder);
    paragraphFunder ??= sentenceFunder;
    previousFunder = sentenceFunder ? { funder: sentenceFunder, sentence: s.index } : undefined;
  }
  ownerNameFundings(ctx, fundings);
  emitFundings(ctx, fundings, items);
}

/** A line of a project list and what it is about: 一、P。建设地点：…。安排援疆资金N。 */
interface ListItem {
  /** The sentence that names the item's projects (the numbered one). */
  head: number;
  /** Its projects, as listed there (一、P和Q。). */
  projects: ResolvedMention[];
}

/**
 * Field and detail lines under a numbered project on a line of its own (一、P / 建设地点：… /
 * 总投资2亿元，… / 援疆资金：…):
 * still about P. Anything else after the line ends the item.
 */
const ITEM_FIELD = /^(?:(?:建设|项目|实施|投资|总投资|援疆|资金|计划|主要|预计|进展)[\u4e00-\u9fff]{0,4}[：:]|(?:计划)?(?:总投资|投资|安排|使用)?(?:援疆资金)?[约近]?[\d０-９]|该(?:项目|工程))/u;
/** A field line that says where (建设地点：某某产业园): a project named there is the venue, not another item. */
const PLACE_FIELD = /^(?:建设|实施|项目)?(?:地点|地址|范围|所在地)[：:]/u;

/**
 * The sentences of a numbered list whose lines open on projects, mapped to their line's item:
 * the numbered sentence itself, the sentences after it in its paragraph, and field lines under
 * a numbered line that holds only the project's name.
 */
function listItems(ctx: ArticleContext): Map<number, ListItem> {
  const out = new Map<number, ListItem>();
  let item: ListItem | undefined;
  let previousItem: ListItem | undefined;
  let bareHead = false; // the numbered line held nothing but the projects
  for (const s of ctx.sentences) {
    if (s.newParagraph || s.index === 0) {
      item = undefined;
      const enumerator = LIST_ITEM.exec(s.text);
      if (enumerator) {
        const first = s.top.find((m) => m.start >= s.start + enumerator[0].length);
        if (first && isProject(first) && first.start === s.start + enumerator[0].length) {
          const run = joinedRuns(ctx, s.top.filter((m) => isProject(m) && m.start >= first.start)).find((r) => r[0] === first)!;
          item = { head: s.index, projects: run };
          bareHead = /^[。.；;：:]?$/u.test(ctx.text(run[run.length - 1]!.end, s.end));
        }
      } else if (previousItem && bareHead && ITEM_FIELD.test(s.text) && (PLACE_FIELD.test(s.text) || !s.top.some(isProject))) {
        item = previousItem;
      }
    }
    if (item) out.set(s.index, item);
    previousItem = item;
  }
  return out;
}

/** funds.verb / funds.carry in one sentence; returns the sentence's funder (for the next one). */
function fundsInSentence(
  ctx: ArticleContext,
  s: SentenceView,
  previousFunder: PreviousFunder,
  fundings: Funding[],
  item: ListItem | undefined,
  listFunder: EntityRef | undefined,
): EntityRef | undefined {
  let sentenceFunder: EntityRef | undefined;
  const before = fundings.length;
  // exec, not matchAll: matchAll clones the regex, once per sentence (CUE never matches empty)
  CUE.lastIndex = 0;
  for (let match = CUE.exec(s.text); match; match = CUE.exec(s.text)) {
    const funder = fundsAtCue(ctx, s, match, previousFunder, fundings, item, listFunder);
    if (funder) sentenceFunder ??= funder;
  }
  // a list line's aid money with no funding verb (总投资N，其中援疆资金M / 援疆资金：M): the aid
  // the list's opening names (某省安排援疆资金…如下：) paid for the line's project
  if (fundings.length === before && item && item.head !== s.index && listFunder && !s.top.some(isProject)) {
    if (s.all.some((m) => m.kind === 'Money' && AID_MONEY_BEFORE.test(ctx.text(Math.max(s.start, m.start - 10), m.start)))) {
      for (const project of item.projects) fundings.push({ funder: listFunder, project, sentence: s.index, confidence: 0.6, rule: 'funds.list', single: item.projects.length === 1, named: item.head });
    }
  }
  if (!sentenceFunder) {
    // a sentence that sets up a funder for the next one (我省安排资金2亿元，…)
    const m = s.top.find((x) => funderOf(ctx, x) && /^.{0,8}?(安排|投入|投资|出资)/u.test(ctx.text(x.end, s.end)));
    if (m) sentenceFunder = funderOf(ctx, m);
  }
  return sentenceFunder;
}

/** The fundings stated at one cue word; returns their funder (undefined: none). */
function fundsAtCue(
  ctx: ArticleContext,
  s: SentenceView,
  match: RegExpExecArray,
  previousFunder: PreviousFunder,
  fundings: Funding[],
  item: ListItem | undefined,
  listFunder: EntityRef | undefined,
): EntityRef | undefined {
  const p = s.start + match.index;
  const q = p + match[0].length;
  if (s.top.some((m) => m.start <= p && q <= m.end)) return undefined; // part of a name (…建设项目)
  if (s.text[match.index - 1] === '总') return undefined; // 总投资N: an amount, not who pays
  if (cueAsNoun(s, match)) return undefined;
  let funderMention: ResolvedMention | undefined;
  for (let i = s.top.length - 1; i >= 0; i--) {
    const m = s.top[i]!;
    if (m.end > p) continue;
    if (isProject(m)) continue;
    if (funderOf(ctx, m)) {
      funderMention = m;
      break;
    }
  }
  // projects after the cue, up to the next funder
  const projects: ResolvedMention[] = [];
  for (const m of s.top) {
    if (m.start < q) continue;
    if (isProject(m) && !isVenue(ctx, m)) projects.push(m);
    else if (funderMention && m !== funderMention && isOrg(m) && projects.length > 0) break;
  }
  if (projects.length === 0 && funderMention) {
    // P是F…援建…: the project is the subject before the funder
    const before = s.top.filter((m) => isProject(m) && m.end <= funderMention!.start);
    const last = before[before.length - 1];
    if (last && /^(是|由)/u.test(ctx.text(last.end, funderMention.start))) projects.push(last);
  }
  if (projects.length === 0 && !funderMention && LIST_ITEM.test(s.text)) {
    // 1. P……投资N (a line of a project list): the funder the list's heading sentence names
    const listed = s.top.filter((m) => m.end <= p);
    if (listed.length === 1 && isProject(listed[0]!)) projects.push(listed[0]!);
  }
  // 一、P。…，安排援疆资金N: a later sentence of a list line is about the line's project
  // (a sentence with money: 新建教学楼3200平方米 says what is built, not who pays)
  const fromItem = projects.length === 0 && item !== undefined && item.head !== s.index && !s.top.some(isProject) && s.all.some((m) => m.kind === 'Money');
  if (fromItem) projects.push(...item.projects);
  const itemHead = fromItem ? { named: item!.head } : {}; // (the funding quotes the line naming the project)
  if (projects.length === 0 && !funderMention && /^其中[，,]?/u.test(s.text)) {
    // 其中，P(项目)投资N: one of the previous sentence's funder's projects (funds.carry below)
    const subject = s.top.find((m) => isProject(m) && m.end <= p && /^(?:项目|工程)?$/u.test(ctx.text(m.end, p)));
    if (subject) projects.push(subject);
  }
  if (projects.length === 0) return undefined;
  let funder = funderMention ? funderOf(ctx, funderMention) : undefined;
  let confidence = 0.75;
  let rule = 'funds.verb';
  // 我省/我市 the resolver could not place: the funder is unknown, not the previous sentence's
  const ownPronoun = s.all.some((m) => m.kind === 'Pronoun' && m.end <= p);
  if (!funder && !ownPronoun && previousFunder && previousFunder.sentence === s.index - 1) {
    funder = previousFunder.funder;
    confidence = 0.55;
    rule = 'funds.carry';
  }
  if (!funder && !ownPronoun && listFunder && item) {
    // (only the line's own projects: 建设地点：某某工业园区 names where, not what the list funds)
    const own = projects.filter((m) => item.projects.includes(m));
    if (own.length === 0) return undefined;
    projects.length = 0;
    projects.push(...own);
    funder = listFunder;
    confidence = 0.6;
    rule = 'funds.list';
  }
  if (!funder) return undefined;
  // A、B分别投资…建设P和Q: A funds P and B funds Q; with as many projects as funders, in order,
  // and nothing when the counts differ (the nearest funder is not every project's)
  const funders = funderMention && /^分别/u.test(ctx.text(funderMention.end, p)) ? funderListEndingAt(ctx, s, funderMention) : [];
  if (funders.length >= 2) {
    if (funders.length !== projects.length) return funder;
    projects.forEach((project, k) => fundings.push({ funder: funders[k]!, project, sentence: s.index, confidence, rule, single: true, ...itemHead }));
    return funder;
  }
  for (const project of projects) {
    fundings.push({ funder, project, sentence: s.index, confidence, rule, single: projects.length === 1, ...itemHead });
  }
  return funder;
}

/** The funders listed with 、/和 up to `last` (A、B和C), in order. */
function funderListEndingAt(ctx: ArticleContext, s: SentenceView, last: ResolvedMention): EntityRef[] {
  const out: EntityRef[] = [];
  let end = last.end;
  for (let i = s.top.indexOf(last); i >= 0; i--) {
    const m = s.top[i]!;
    if (m.end > end) continue;
    const ref = funderOf(ctx, m);
    if (!ref || (out.length > 0 && !/^(?:、|和|及|与)$/u.test(ctx.text(m.end, end)))) break;
    out.unshift(ref);
    end = m.start;
  }
  return out;
}

/**
 * …，某某物流园项目总投资N with the name not read: the project of the sentence before only when the
 * words before 项目 end its name (物流园项目 after 某某物流园), not another name (某某产业园项目
 * after 某某医院综合楼).
 */
function namesSame(text: string, label: string): boolean {
  const m = /([^，。；,;：:]*)项目总投资/u.exec(text);
  if (!m || /该项目|该工程/u.test(text)) return true;
  const head = m[1]!.replace(/^.*?(?:介绍|表示|说|指出)/u, '');
  return head === '' || label.endsWith(head) || label.replace(/项目$/u, '').endsWith(head);
}

/** A numbered line of a list: 1. / 1、 / （1） / 一、 */
const LIST_ITEM = /^(?:\d{1,2}[.．、)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[一二三四五六七八九十]{1,3}、)/u;

/** What a cue word is followed by when it is a noun or means "put into use" (建设情况, 投入使用): no funding. */
const CUE_NOUN_AFTER = /^(?:情况|进展|进度|工作|成效|成果|现场|工地|任务|步伐|力度|使用|运营|运行|生产|地点|内容|规模|单位|性质|周期)/u;

/**
 * 考察援疆项目建设情况 / 项目建设 / 产业园投入使用: the cue names an activity or a state, not someone
 * paying. (A project's own name before the cue still funds: 某某项目投资3200万元 is read by the amounts.)
 */
function cueAsNoun(s: SentenceView, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  if (CUE_NOUN_AFTER.test(s.text.slice(end, end + 2))) return true;
  if (!/(?:项目|工程)$/u.test(s.text.slice(Math.max(0, match.index - 2), match.index))) return false;
  const p = s.start + match.index;
  return !s.top.some((m) => m.end === p && isProject(m));
}

/** A park or zone named as where something is built (在某某工业园区建设P): the place, not what is funded. */
const VENUE_VERB = /^(?:内|里)?(?:建设|新建|兴建|建成|投建|实施|打造|落地|落户|开工)/u;
function isVenue(ctx: ArticleContext, m: ResolvedMention): boolean {
  return /[在于]$/u.test(ctx.text(m.start - 1, m.start)) && VENUE_VERB.test(ctx.text(m.end, m.end + 3));
}

/** funds.owner-name: 某某科技年产…生产线项目, the company the project is named after. */
function ownerNameFundings(ctx: ArticleContext, fundings: Funding[]): void {
  const orgs = ctx.a.entities.filter((e) => e.type === 'Organization' && e.label.length >= 3 && COMPANY.test(e.label));
  const suffixes = suffixesLongestFirst(ctx.lex.projectSuffixes);
  const core = (rest: string) => {
    const suffix = suffixes.find((x) => rest.endsWith(x)) ?? '';
    return rest.slice(0, rest.length - suffix.length).replace(/建设$/u, '');
  };
  for (const s of ctx.sentences) {
    for (const m of s.top) {
      if (!isProject(m)) continue;
      const label = m.entity!.label;
      // the company's name, then what it builds (年产…生产线项目), not just a generic suffix
      const owner = orgs
        .filter((o) => label.startsWith(o.label) && core(label.slice(o.label.length)).length >= 2)
        .sort((x, y) => y.label.length - x.label.length)[0];
      if (owner) fundings.push({ funder: owner, project: m, sentence: s.index, confidence: 0.6, rule: 'funds.owner-name', single: true });
    }
  }
}

function emitFundings(ctx: ArticleContext, fundings: Funding[], items: Map<number, ListItem>): void {
  const named = new Set(fundings.filter((f) => f.rule !== 'funds.carry').map((f) => `${f.sentence}\u0000${f.project.entity!.key}`));
  const amounts = projectAmounts(ctx, items);
  for (const f of fundings) {
    if (f.rule === 'funds.carry' && named.has(`${f.sentence}\u0000${f.project.entity!.key}`)) continue;
    // the amount is tied to its project syntactically (projectAmounts), so it holds for listed projects too
    const amount = amounts.get(f.project.entity!.key);
    // (stated next to the funding, or in a 该项目 sentence about the project as named there);
    // the funder's own share where the text gives one (总投资N，其中F援疆资金M: F paid M)
    // (an unnamed aid share is a supporter's or its aid body's, never a company's own investment)
    const aidFunder = f.funder.type !== 'Organization' || AID_ORG.test(f.funder.label);
    const share = amount?.aidShare && (amount.aidShare.funder ? amount.aidShare.funder.key === f.funder.key : aidFunder) ? amount.aidShare.value : undefined;
    const near = amount && (Math.abs(amount.sentence - f.sentence) <= 1 || amount.named === f.sentence) ? share ?? amount.value : undefined;
    const funding = {
      type: 'FUNDS' as const,
      source: f.funder,
      target: f.project.entity!,
      attrs: near !== undefined ? { amount_yuan: near } : {},
      sentence: f.sentence,
      confidence: f.confidence,
      rule: f.rule,
    };
    ctx.add(funding);
    // the line that names the project is quoted too: the funding's own sentence does not name it
    if (f.named !== undefined) ctx.add({ ...funding, sentence: f.named });
    // an amount read in another sentence (该项目总投资…) is quoted too: the evidence shows the number
    if (near !== undefined && amount!.sentence !== f.sentence) ctx.add({ ...funding, sentence: amount!.sentence });
  }
  // Aid money tied to a project with no funding verb for it:
  // - funds.aid-share: 某项目总投资N，其中浙江援疆资金M (the share's supporter paid M);
  // - funds.aid-named: P由上海援疆资金N建设 / 该项目使用江苏援疆资金N / 湖南援疆资金N建设的P;
  // - funds.aid-paired: aid money nobody is named for (P安排援疆资金N, 其中援疆资金M): the supporter
  //   officially paired with the project's place, when the article names it and no other that fits.
  const funded = new Set(fundings.map((f) => `${f.funder.key}\u0000${f.project.entity!.key}`));
  const fundedProjects = new Set(fundings.map((f) => f.project.entity!.key));
  for (const amount of amounts.values()) {
    const share = amount.aidShare;
    const aid = share ? { funder: share.funder, value: share.value } : aidMoney(ctx, amount);
    if (!aid) continue;
    let funder = aid.funder;
    let rule = share ? 'funds.aid-share' : 'funds.aid-named';
    let confidence = 0.7;
    if (!funder) {
      if (fundedProjects.has(amount.project.key)) continue; // someone is already said to pay for it
      funder = pairedSupporter(ctx, amount.project);
      rule = 'funds.aid-paired';
      confidence = 0.5;
    }
    if (!funder || funded.has(`${funder.key}\u0000${amount.project.key}`)) continue;
    funded.add(`${funder.key}\u0000${amount.project.key}`);
    const funding = { type: 'FUNDS' as const, source: funder, target: amount.project, attrs: { amount_yuan: aid.value }, sentence: amount.sentence, confidence, rule };
    ctx.add(funding);
    if (amount.named !== undefined && amount.named !== amount.sentence) ctx.add({ ...funding, sentence: amount.named });
  }
}

/** An amount that is aid money (…援疆资金N), with the supporter named right before it (上海援疆资金N) if any. */
function aidMoney(ctx: ArticleContext, amount: ProjectAmount): { funder: EntityRef | undefined; value: number } | undefined {
  const money = amount.money;
  const s = ctx.sentences[amount.sentence]!;
  const aid = aidCueBefore(ctx, s, money);
  if (!aid) {
    // 由北京援疆资金全额投资，总投资N: the clause before says whose aid paid for all of it
    const whole = AID_WHOLE_BEFORE.exec(ctx.text(s.start, money.start));
    if (!whole) return undefined;
    const at = s.start + whole.index + 1; // (after 由)
    return { funder: funderWithin(ctx, s, at, at + whole[1]!.length), value: amount.value };
  }
  return { funder: aid.funder, value: amount.value };
}

/** Aid money stated right before `money` (…援疆资金N), with the supporter named before that (上海援疆资金N). */
function aidCueBefore(ctx: ArticleContext, s: SentenceView, money: ResolvedMention): { funder: EntityRef | undefined } | undefined {
  const before = ctx.text(Math.max(s.start, money.start - 16), money.start);
  const cue = AID_MONEY_AT.exec(before);
  if (!cue) {
    // …安排援疆资金1.2亿元；P安排6500万元: a parallel clause that leaves 援疆资金 out (a ； ends
    // the sentence before, which names the aid money)
    const previous = ctx.sentences[s.index - 1];
    const elided = ELIDED_AID.test(ctx.text(s.start, money.start)) && previous !== undefined && /[；;]$/u.test(previous.text) && /(?:援疆|援助)资金/u.test(previous.text);
    return elided ? { funder: undefined } : undefined;
  }
  const cueStart = money.start - before.length + cue.index;
  const named = s.top.find((m) => m.end === cueStart && funderOf(ctx, m));
  return { funder: named ? funderOf(ctx, named) : undefined };
}

/**
 * The supporter officially paired with the place a project's name starts with (疏附县… -> 广东省),
 * among the supporters the article names (or speaks for): only when exactly one fits.
 */
function pairedSupporter(ctx: ArticleContext, project: EntityRef): EntityRef | undefined {
  const place = ctx.leadingRegion(project.label)?.region;
  if (!place || !ctx.isXinjiang(place.name) || ctx.isXinjiangRoot(place.name)) return undefined;
  const fitting = new Map<string, Supporter>();
  const home = ctx.home();
  const named = ctx.a.entities.filter((e) => e.type === 'Province' || e.type === 'Prefecture').map((e) => e.label);
  for (const label of home ? [...named, home.label] : named) {
    const supporter = ctx.supporterFor(label);
    if (supporter && ctx.pairingConsistent(supporter, place.name)) fitting.set(supporter.name, supporter);
  }
  if (fitting.size !== 1) return undefined;
  const [supporter] = fitting.values();
  return { key: `${supporter!.type}:${supporter!.name}`, type: supporter!.type, label: supporter!.name };
}

/** An amount tied to one project; `aidShare`: the part of it the text says aid paid (其中…援疆资金M). */
interface ProjectAmount {
  project: EntityRef;
  value: number;
  /** The amount's mention. */
  money: ResolvedMention;
  sentence: number;
  named?: number;
  aidShare?: { value: number; funder: EntityRef | undefined };
}

/** 总投资N，其中(F)援疆资金M: the text between N and M, up to M. */
const AID_SHARE_BETWEEN = /^[，,]?(?:其中|使用|利用|安排|含)[，,]?([^，。；,;]{0,16}?)(?:援疆资金|援助资金|对口支援资金|援疆)[^，。；,;\d]{0,6}$/u;

/** 总投资N，全部为(F)援疆资金 / ，全额由(F)援疆资金安排 / ，“全部使用援疆资金建设”: the text after N. */
const AID_ALL_AFTER = /^[，,]?[“"]?(?:全部|全额|均)(?:为|由|来自|使用|是)[^，。；,;\d]{0,8}?(?:援疆资金|援助资金|对口支援资金)/u;

/** The aid share stated right after a project's amount, and the money it consumes. */
function aidShareAfter(ctx: ArticleContext, s: SentenceView, money: ResolvedMention): { share: ProjectAmount['aidShare']; mention: ResolvedMention } | undefined {
  // 总投资N，全部为上海援疆资金 / 投资N，全部由江苏援疆资金安排: all of N is the share
  const all = AID_ALL_AFTER.exec(ctx.text(money.end, Math.min(s.end, money.end + 24)));
  if (all) return { share: { value: money.value!, funder: funderWithin(ctx, s, money.end, money.end + all[0].length) }, mention: money };
  const next = s.all.find((m) => m.kind === 'Money' && m.start >= money.end && m.value !== undefined);
  if (!next || !AID_SHARE_BETWEEN.test(ctx.text(money.end, next.start))) return undefined;
  return { share: { value: next.value!, funder: funderWithin(ctx, s, money.end, next.start) }, mention: next };
}

/** The first funder named inside [from, to) of the sentence (其中|浙江|援疆资金M), if any. */
function funderWithin(ctx: ArticleContext, s: SentenceView, from: number, to: number): EntityRef | undefined {
  const named = s.top.find((m) => m.start >= from && m.end <= to && funderOf(ctx, m));
  return named ? funderOf(ctx, named) : undefined;
}

const LIST_GAP = /^(?:和|、|及|与|以及)$/u;

/** The runs of mentions joined by 和/、/及 (A、B和C), in text order. */
function joinedRuns(ctx: ArticleContext, mentions: ResolvedMention[]): ResolvedMention[][] {
  const runs: ResolvedMention[][] = [];
  for (const m of mentions) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && LIST_GAP.test(ctx.text(last.end, m.start))) run.push(m);
    else runs.push([m]);
  }
  return runs;
}

/**
 * 分别投入5200万元和3900万元，用于A和B / A和B分别投资N和M: as many amounts as projects, each
 * listed in the same order, with 分别 (respectively) in the sentence (`moneyRuns`: its lists of two
 * or more amounts): the k-th amount is the k-th project's. Anything less regular gives nothing.
 */
function respectiveAmounts(ctx: ArticleContext, moneyRuns: ResolvedMention[][], projects: ResolvedMention[]): [ResolvedMention, ResolvedMention][] {
  if (projects.length < 2) return [];
  const projectRuns = joinedRuns(ctx, projects).filter((r) => r.length >= 2);
  if (moneyRuns.length !== 1 || projectRuns.length !== 1 || moneyRuns[0]!.length !== projectRuns[0]!.length) return [];
  const [moneys, listed] = [moneyRuns[0]!, projectRuns[0]!];
  return listed.map((project, k) => [project, moneys[k]!]);
}

/** Amounts tied to exactly one project: first such statement per project. */
function projectAmounts(ctx: ArticleContext, items: Map<number, ListItem>): Map<string, ProjectAmount> {
  const out = new Map<string, ProjectAmount>();
  const shares = new Set<ResolvedMention>(); // moneys read as an aid share, or listed after 分别: no other use
  ctx.sentences.forEach((s, index) => {
    const projects = s.top.filter((m) => isProject(m) && !isVenue(ctx, m));
    // a later sentence of a list line speaks of the line's projects (一、P和Q。分别安排N、M。)
    const item = items.get(index);
    const itemProjects = item && item.head !== index && projects.length === 0 ? item.projects : undefined;
    if (s.text.includes('分别')) {
      const moneyRuns = joinedRuns(ctx, s.all.filter((m) => m.kind === 'Money' && m.value !== undefined)).filter((r) => r.length >= 2);
      for (const [project, money] of respectiveAmounts(ctx, moneyRuns, itemProjects ?? projects)) {
        if (!out.has(project.entity!.key)) out.set(project.entity!.key, { project: project.entity!, value: money.value!, money, sentence: s.index });
      }
      // (amounts listed after 分别, paired above or not, go to no other project: 分别投资A、B，建设P)
      for (const run of moneyRuns) for (const m of run) shares.add(m);
    }
    for (const money of s.all) {
      if (money.kind !== 'Money' || money.value === undefined || shares.has(money)) continue;
      if (!MONEY_CUE.test(ctx.text(Math.max(s.start, money.start - 10), money.start))) continue;
      let project: ResolvedMention | undefined;
      // 投入6800万元新建的P / 总投资2600万元的P
      const after = projects.find((p) => p.start >= money.end);
      const between = after ? ctx.text(money.end, after.start) : '';
      // …but not the first of a list (投入2亿元建设A、B和C: the sum is for all of them)
      const listed = after && /^(、|和|及|与|以及)/u.test(ctx.text(after.end, s.end)) && projects.some((p) => p.start > after.end && LIST_GAP.test(ctx.text(after.end, p.start)));
      // …nor one named as an example of several (实施A等项目28个, 实施A、B等27个项目)
      // (等 may close a longer list: 实施A、某某学校等13个项目)
      const example = after && /^[^，。；,;]*?等(?:\d+|[一二三四五六七八九十百]+)?[个项批]?(?:项目|工程)/u.test(ctx.text(after.end, s.end));
      if (after && !listed && !example && (/^[^，。；,;]{0,12}$/u.test(between) || /^[，,](专项)?(用于|用来|实施|建设|新建|援建|改扩建)[^，。；,;]{0,8}$/u.test(between) || VENUE_BETWEEN.test(between))) project = after;
      // P…，项目总投资1950万元
      if (!project) {
        // (in clauses set side by side with ；, the money's own clause: A安排N；B安排M)
        const clauseStart = s.start + Math.max(s.text.lastIndexOf('；', money.start - s.start), s.text.lastIndexOf(';', money.start - s.start)) + 1;
        const before = projects.filter((p) => p.end <= money.start && p.start >= clauseStart);
        // (a list line's leader dots, colon or comma are no words: P……投资N, P：投资N, P，投资N)
        const gap = before.length === 1 ? ctx.text(before[0]!.end, money.start).replace(/^[…．.·：:—\-\s，,]+/u, '') : '';
        // (…厂房项目投资6000万元: a name ending in 项目 before 投资 is the same as 项目投资)
        if (before.length === 1 && (/总投资|项目投资/u.test(gap) || AID_GAP.test(gap) || (/^(?:投资|投入)/u.test(gap) && /(?:项目|工程)$/u.test(before[0]!.entity!.label)))) project = before[0];
      }
      // 该项目…总投资2.7亿元: a clause that opens on "the project" means the one named last, a
      // sentence or a few back; elsewhere (某某物流园项目总投资…, a name not read as a project)
      // only the one project of the previous sentence is safe
      let named: number | undefined;
      if (!project && projects.length === 0) {
        // (…共建某某中心，项目计划投资N: the project is what this sentence builds, read or not)
        const clause = THIS_PROJECT.exec(s.text);
        const facility = clause ? undefined : THIS_FACILITY.exec(s.text);
        if (clause && !BUILT_BEFORE.test(s.text.slice(0, clause.index))) project = projectBefore(ctx, index);
        else if (facility && !BUILT_BEFORE.test(s.text.slice(0, facility.index))) {
          const before = projectBefore(ctx, index);
          if (before && facilityFits(before.entity!.label, facility[1] ?? facility[2]!)) project = before;
        }
        else if (index > 0 && /该项目|该工程|项目总投资/u.test(s.text)) {
          const previous = ctx.sentences[index - 1]!.top.filter(isProject);
          if (previous.length === 1 && namesSame(s.text, previous[0]!.entity!.label)) project = previous[0];
        }
        // 一、P。…安排援疆资金N / 总投资N，其中援疆资金M: the line's one project
        if (!project && itemProjects?.length === 1) project = itemProjects[0];
        named = project?.sentence;
      }
      if (project && !out.has(project.entity!.key)) {
        const aid = aidShareAfter(ctx, s, money);
        if (aid) shares.add(aid.mention);
        out.set(project.entity!.key, { project: project.entity!, value: money.value, money, sentence: s.index, ...(named !== undefined ? { named } : {}), ...(aid ? { aidShare: aid.share } : {}) });
      } else if (project && itemProjects) {
        // a list line's later aid amount (总投资：N / 援疆资金：M): the share of the total read first
        const first = out.get(project.entity!.key)!;
        const aid = first.aidShare || first.sentence === s.index ? undefined : aidCueBefore(ctx, s, money);
        if (aid) first.aidShare = { value: money.value, funder: aid.funder };
      }
    }
  });
  return out;
}
