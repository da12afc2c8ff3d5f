// Person mentions. Jieba's tags are weak for names (周立新率/x, 吴晓/x 和/c), so names are read
// on the characters: a surname (public 百家姓 list) plus one or two given-name characters, or an
// ethnic name with a middle dot, located by cues: bylines, titles/roles before the name, speech
// verbs after it, 、-lists, and 总书记/同志/思想 after it. A name found once is then found again.
import type { Mention } from '../types.js';
import { type Context, isHan } from './context.js';
import { charMask, codeMask, patternMask } from '../util/code-mask.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES, surnameLength } from './surnames.js';
import { anchoredMatches, type AnchoredPattern } from '../util/anchored-matches.js';
import { titleOccurrences } from './values.js';
import { STORY_ROLES } from './lexicon-index.js';

/** Three or more names joined by 、 before 等: the first name, 2 to 9 characters, ends at the first 、. */
export const NAME_LIST: AnchoredPattern = { sticky: /((?:[\u4e00-\u9fff·]{2,9}、){2,}[\u4e00-\u9fff·]{2,9}?)等/uy, anchor: '、', minOffset: 2, maxOffset: 9 };

/** Characters that practically never occur inside a Chinese personal name. */
const NOT_NAME = new Set([
  ...'的了们这那省市县区委局厅部院校党府会说等年月日第个在是及从对把被将向到为于也都就还又之其此该各每所已并或而但与、，。：；！？（）“”《》·和'
    .replace('和', ''),
  ...'报道讯网台社站团师州镇乡村组队处科室司馆员',
]);
/**
 * NOT_NAME characters that still end a two-character given name (王明州, 李建州): as a one-character
 * given name or inside one they are a place (巴州, 吴州长), and a real place there is a region
 * mention, which blocks the name anyway.
 */
const NAME_FINAL_OK = new Set(['州']);
/** Words that look like surname + given name but are ordinary words or roles. */
const STOP_NAMES = new Set([
  '党员', '干部', '群众', '同志', '大家', '记者', '老师', '专家', '代表', '领导', '主任', '全国', '全省', '全区',
  '全县', '全市', '全疆', '全体', '全面', '全力', '高度', '高质', '方面', '向前', '万人', '万余', '万元', '张家',
  '王国', '文化', '文明', '明显', '明确', '时间', '时代', '时期', '时候', '常态', '常委', '常务', '安全', '安排',
  '安居', '余名', '余人', '余家', '余万', '成功', '成为', '成效', '成果', '成立', '成员', '程度', '程序', '林业',
  '农业', '农村', '农民', '牧民', '牧场', '田间', '石油', '石化', '金融', '金额', '钟声', '海外', '海关', '杨树',
  '柳树', '黄金', '龙头', '龙江', '马上', '关于', '关键', '关心', '关注', '关系', '向着', '管理',
  '严格', '宣传', '宣讲', '解决', '计划', '平台', '平安', '和谐', '和平', '师生', '师资', '乐观', '易地', '季度',
  '许多', '包括', '谷物', '江苏', '江西', '湖南', '湖北', '广东', '上海', '北京', '天津', '山西', '山东', '河北',
  '河南', '辽宁', '吉林', '黑龙', '浙江', '安徽', '福建', '新疆', '新年', '新时', '新闻', '新城', '新区', '齐心',
  '齐抓', '毛泽', '武装', '孔子', '应当', '应该', '应急', '吉祥', '景区', '景点', '都是', '那些', '邓小', '周边',
  '周年', '周末', '乌鲁', '哈萨', '哈密', '阿克', '阿勒', '阿图', '和田', '伊犁', '伊宁', '喀什', '叶城', '曲子',
  '单位', '单向', '双向', '共同', '公共', '公益', '公司', '利用', '利益', '于是', '于此', '尤其', '如今', '现场',
  '杜绝', '苏州', '鲁能', '虞美', '钱塘', '连队', '项目', '门诊', '蓝图', '白天', '向往', '花园', '路线',
  '戴上', '明天', '明年', '云端', '云上', '燕山', '巴州', '巴楚', '莫让', '车间', '经济', '政治', '国家', '国际',
  '左右', '上下', '古城', '古丽', '华夏', '华北', '龚滩', '殷切', '庞大', '季节', '冀中', '伍佰', '毕业', '支持',
  '支援', '支部', '祖国', '农场', '公示', '公告', '公布', '公开', '农牧', '商品', '商务', '强化', '强调', '强基', '卫生', '卫健', '温暖', '温度',
]);

const BYLINE_ROLES = [
  '特约记者', '见习记者', '记者', '通讯员', '责任编辑', '责编', '编辑', '监制', '策划', '设计', '页面制作',
  '美编', '摄影', '摄像', '校对', '审核', '审校', '撰稿', '制图', '主编', '统筹', '作者', '来稿',
];
/** Verbs of appointing someone to an office (任命某某为…). */
const APPOINTS = /(?:任命|聘任|聘请|推选|选举|提名|推荐)/gu;
/** A surname and an honorific, no given name (谭女士, 王先生). */
const HONORIFIC_ONLY = /^[\u4e00-\u9fff]{1,2}(?:女士|先生|老师|同志)$/u;
/** The start of a line's text. */
const ROSTER_LINE = /(?:^|\n)[ \t\u3000]*/gu;
/** What follows a roster line's name: a space, then offices up to the line's end (title endings, no verb). */
const ROSTER_OFFICES = /^[ \t\u3000]{1,4}[^ \t\u3000。！？]{2,60}(?:书记|常委|委员|[省市县州区]长|专员|指挥|指挥长|院长|校长|主任|局长|厅长|部长|队长|组长|经理|董事长|秘书长|主席)$/u;
/** Byline roles only before a colon or a slash, at the start of a phrase (文字：某某, 联系人：某某). */
const BYLINE_LABELS = ['文字', '图片', '视频', '联系人', '文', '图', '整理', '口述'];
/** What may follow a byline name. */
const BYLINE_END_WORDS = ['报道', '摄', '文', '图'];
const STRONG_AFTER = [
  '说', '表示', '指出', '介绍', '强调', '认为', '告诉', '称', '率', '主持', '出席', '会见', '看望', '慰问', '调研',
  '考察', '一行', '同志', '带队', '接见', '讲话', '致辞', '要求', '提出', '参加', '先后', '分别', '坦言', '感慨',
  '回忆', '笑着', '谈到', '透露', '表态', '宣布', '讲述', '告诉记者', '激动', '高兴', '兴奋', '深有感触', '报道',
  '摄', '文/', '总书记', '新时代', '思想', '现任', '担任', '带领', '指导', '会见', '听取', '陪同', '前往', '来到',
  '进行', '走访', '深入', '一同', '亲自', '专程', '实地', '召开', '部署', '作了', '对此', '就此', '随后', '详细',
];
const WEAK_AFTER = [
  '在', '是', '的', '等', '和', '与', '及', '任', '也', '还', '就', '到', '对', '向', '为', '已', '曾', '将', '一',
  '同', '代表', '想', '把', '从', '给', '作', '发', '有', '带', '被', '又', '正', '便', '所', '都', '用',
];
const SPEECH_AFTER = /^(?:(?:高兴|激动|兴奋|笑着|感慨|动情|自豪|深有感触)地?)?(?:说|表示|指出|介绍|强调|坦言|告诉记者)/u;

/** First characters SPEECH_AFTER can match at (the per-character pre-check). */
const SPEECH_FIRST = charMask('高激兴笑感动自深说表指介强坦告');
/** Words for a delegation (relate's VISITS reads the same ones). */
export const DELEGATION = '代表团|考察团|调研团|调研组|慰问团';
/** 率(领)…代表团 / 率团 after a name: the person leads a delegation. */
const LEADS_AFTER = new RegExp(`^率(?:领)?(?:团|[^，。；！？\\n]{1,20}?(?:${DELEGATION}|工作组))`, 'u');
/** Surnames that are far more often a preposition or conjunction opening a clause (向新疆表示…). */
const FUNCTION_SURNAMES = new Set([...'向于和与从对在为把将让给由据经']);
/** A clause starts after these (rules 3 and 3b). */
// (. and ．: a numbered list's item, 1．某某，任…, which normalize writes 1.某某)
const CLAUSE_START_AFTER = charMask('。！？；\n，：“．.');
/** First characters of surnames: nameAt gives up before slicing anywhere else. */
const SURNAME_FIRST = codeMask([...SINGLE_SURNAMES, ...COMPOUND_SURNAMES].map((c) => c.charCodeAt(0)));
const STRONG_OR_WEAK = [...STRONG_AFTER, ...WEAK_AFTER];
const BYLINE_END = [...BYLINE_END_WORDS, ...BYLINE_ROLES];
const strongMemo = new WeakMap<string[], string[]>();
/** STRONG_AFTER plus the caller's cues, built once per cue list rather than per call. */
function strongWith(extra: string[]): string[] {
  if (extra.length === 0) return STRONG_AFTER;
  let all = strongMemo.get(extra);
  if (!all) strongMemo.set(extra, (all = [...STRONG_AFTER, ...extra]));
  return all;
}

/** Words that post a person to an office: 挂职 (a temporary post, as aid cadres hold), 拟任, 调任. */
export const POSTING = '挂职任|挂职|挂任|拟任|调任|转任|升任|改任';
/** A cadre's profile after the name, as announcements and CVs open it: ，男，汉族， / ，女，1983年4月生， */
const PROFILE_AFTER = /^，(?:男|女)，(?:[\u4e00-\u9fff]{1,5}族|[\d０-９]{4}年)/u;
/** Rule 3b: the office (or a cadre's profile) after a name; after 的 only the posted form (，目前在某院挂职副院长). */
function officeFollows(after: string, afterDe: boolean, officeAfter: RegExp, postedAfter: RegExp): boolean {
  return postedAfter.test(after) || (!afterDe && (PROFILE_AFTER.test(after) || officeAfter.test(after))) || (afterDe && IS_STAFF_OF.test(after) && officeAfter.test(after));
}
/** 是 + a body (its name ends like one) + the title: 主刀的某某是某市某医院普外科主任医师 */
const IS_STAFF_OF = /^是[^，。；！？\n]{1,20}?[省市县区州院校局厅委部所站司社会]/u;

interface TitleTables {
  titles: string[];
  /** 任某县委书记 / ，某地委书记 right after a name (rule 3b). */
  officeAfter: RegExp;
  /** ，目前在某县人民医院挂职副院长 right after a name (rule 3b; after 的, the only form). */
  postedAfter: RegExp;
}
const titleTableMemo = new WeakMap<Context['ix'], TitleTables>();

/** Per lexicon index, not per article: the office regex. */
function titleTables(ix: Context['ix']): TitleTables {
  let t = titleTableMemo.get(ix);
  if (!t) {
    const titleAlt = [...ix.titles].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length).join('|');
    t = {
      titles: ix.titles,
      // (a gender or nationality note may stand between: 某某（女），挂职某县副县长)
      // (a list line, 某某，某市某某医院某科主治医师, may run longer: the title ends the line)
      officeAfter: new RegExp(`^(?:[（(](?:女|男|[\\u4e00-\\u9fff]{1,4}族)[）)])?(?:(?:任|担任|现任|兼任|出任|系|是|${POSTING})[^，。；！？\\n]{0,16}?(?:${titleAlt})(?=[，。；！？、\\n]|$)|，(?:${POSTING})?[^，。；！？\\n]{1,14}?(?:${titleAlt})(?=[，。；！？、\\n]|$)|，[^，。；！？\\n]{15,26}?(?:${titleAlt})(?=\\n|$))`, 'u'),
      // (the posted form, where the office may stand further away: ，目前在某某县人民医院挂职副院长)
      postedAfter: new RegExp(`^，(?:现|目前|现在|正|已)?(?:在[^，。；！？\\n]{2,24}?(?:${POSTING}|担任|兼任|任职|任)|(?:担任|现任|任|${POSTING})[^，。；！？\\n]{0,16}?)(?:${titleAlt})(?=[，。；！？、\\n]|$)`, 'u'),
    };
    titleTableMemo.set(ix, t);
  }
  return t;
}

/** A note between an office and its holder's name: （援疆干部）, （挂职）, （女）, （维吾尔族）. */
export const OFFICE_NOTE_WORDS = '[（(](?:挂职|援疆[\\u4e00-\\u9fff]{0,4}|支教|女|男|[\\u4e00-\\u9fff]{1,4}族)[）)]';
const OFFICE_NOTE = new RegExp(`^${OFFICE_NOTE_WORDS}`, 'u');
const PUNCT_OR_SPACE = /^[\s,，。、：:；;！!？?（）()“”"《》【】\[\]|/…—-]/u;

// PUNCT_OR_SPACE as a table by UTF-16 code, built from the regex itself.
const PUNCT_OR_SPACE_CODES = patternMask(PUNCT_OR_SPACE);

function isPunctOrEnd(text: string, i: number): boolean {
  return i >= text.length || PUNCT_OR_SPACE_CODES[text.charCodeAt(i)] === 1;
}
function startsWithAny(text: string, i: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, i)) return true;
  return false;
}

/** A name-like string of the given length at i: surname first, given-name characters plausible. */
function nameAt(text: string, i: number, len: number): string | undefined {
  if (SURNAME_FIRST[text.charCodeAt(i)] !== 1) return undefined; // surnameLength would be 0
  const s = text.slice(i, i + len);
  if (s.length !== len) return undefined;
  const sl = surnameLength(s);
  if (sl === 0 || len - sl < 1 || len - sl > 2) return undefined;
  for (let k = sl; k < len; k++) {
    const c = s[k]!;
    if (!isHan(c) || (NOT_NAME.has(c) && !(k === len - 1 && k - sl === 1 && NAME_FINAL_OK.has(c)))) return undefined;
  }
  if (!isHan(s[0])) return undefined;
  if (STOP_NAMES.has(s) || STOP_NAMES.has(s.slice(0, 2))) return undefined;
  return s;
}

/** Ethnic names with a middle dot: 买买提·吐尔逊, 阿依古丽·艾买提. */
const isHanCode = (c: number) => c >= 0x4e00 && c <= 0x9fff; // DOTTED's Han range
const isDotCode = (c: number) => c === 0xb7 || c === 0x2022 || c === 0x2027; // · • ‧
const DOTTED = /^[\u4e00-\u9fff]{1,7}[·•‧][\u4e00-\u9fff]{1,7}(?:[·•‧][\u4e00-\u9fff]{1,7})?/u;
const DOT = /[·•‧]/u;

/**
 * Characters used to transliterate Uyghur, Kazakh, Kyrgyz, Mongol … names (public convention).
 * A dotted name's last part runs only over these, so it stops before a verb or a function
 * word written right after it (…·买买提|进行了, …·艾买提|在会上讲话).
 */
const TRANSLIT = new Set([
  ...'阿艾爱安奥敖巴拜班邦包保宝贝本比毕别宾波博卜布不才采查昌朝陈达大代丹道德迪地帝蒂丁东都杜多朵俄鄂额恩尔二法凡菲夫弗伏甫福改盖甘干刚高戈哥格根古固瓜贵哈海汗罕航豪浩合和河赫黑亨红洪胡虎华怀环吉加佳贾坚江杰捷金晶居俊卡开凯坎康科克肯孔库夸拉莱兰蓝朗勒雷蕾里力丽利莉连林琳玲刘留龙隆卢鲁路伦罗洛吕玛马买麦迈曼满芒毛梅美蒙孟米密敏明莫墨牡木姆穆那纳娜乃奈南尼妮年娘努奴诺欧帕排潘盼佩皮珀普齐其奇恰乔钦琴青秋曲却热仁日容荣茹如瑞若萨塞赛桑色森沙莎山杉尚韶舍申什石史士斯松苏素孙索塔台太泰坦汤唐陶特提天铁通图吐托瓦完万旺威维卫温文沃乌吾伍武西希锡夏先仙肖谢辛欣新兴秀雅亚焉燕扬杨姚耶叶伊依衣义亦银英尤由友于玉元远月云扎札再赞泽哲珍真芝孜兹祖卓则尕逊娅娃嘎旦珠央措次顿琼勤乐音黛璐妃丝乎肉来喀姑霍白伯艳',
]);
/** Transliteration characters that are also function words: they end a name before a non-name character (都|表示, 不|断). */
const AMBIGUOUS_END = new Set([...'都不和合']);

/** Cues that name a group of people (职工, 村民): a common word after them is no name (职工公寓). */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set(['村民', '居民', '市民', '牧民', '农民', '职工', '学生', '干部', '志愿者']);
/** jieba tags of common words (nouns, verbs, adjectives...), as opposed to nr (names) and x (unknown). */
const COMMON_WORD_TAG = /^(?:n|v|vn|vd|a|ad|an|d|f|s|t|l|i)$/;

/** A dotted name's first part starts at i (1-7 Han characters, then a dot). */
function dotAhead(text: string, i: number): boolean {
  let han = 0;
  while (han < 8 && isHanCode(text.charCodeAt(i + han))) han++;
  return han > 0 && han <= 7 && isDotCode(text.charCodeAt(i + han));
}

/** The dotted name at i: its last part runs over transliteration characters and stops before a cue or function word. */
function dottedAt(text: string, i: number, strong: string[]): string | undefined {
  // DOTTED needs 1-7 Han characters and then a dot: check that much before slicing and matching
  if (!dotAhead(text, i)) return undefined;
  const m = DOTTED.exec(text.slice(i, i + 24));
  if (!m) return undefined;
  const full = m[0];
  const lastDot = Math.max(full.lastIndexOf('·'), full.lastIndexOf('•'), full.lastIndexOf('‧'));
  let end = lastDot + 1;
  while (end < full.length && TRANSLIT.has(full[end]!)) {
    const given = end - lastDot - 1;
    // (a cue over the name's own last character gives way to the cue right after it:
    // …·买买|提出|席 is …·买买提|出席, while …·艾买提|提出|建议 ends before the second 提)
    if (given >= 2 && startsWithAny(text, i + end, strong) && !startsWithAny(text, i + end + 1, strong)) break;
    const inMorpheme = full.slice(end - 1, end + 1) === '不都' || full.slice(end - 1, end + 1) === '阿不'; // 阿不都…
    if (given >= 1 && AMBIGUOUS_END.has(full[end]!) && !inMorpheme && !TRANSLIT.has(text[i + end + 1] ?? '')) break;
    // …·吐尔逊和迪丽努尔·阿不力孜: 和 joins two dotted names
    if (given >= 2 && full[end] === '和' && dotAhead(text, i + end + 1)) break;
    end++;
  }
  if (end - lastDot - 1 < 1) return undefined;
  // the parts before the last dot are names too (not 发展·买买提)
  for (const part of full.slice(0, lastDot).split(DOT)) if ([...part].some((c) => NOT_NAME.has(c) && !TRANSLIT.has(c))) return undefined;
  return full.slice(0, end);
}

/**
 * Read a name starting exactly at i, deciding its length from what follows.
 * Order of preference: 2 chars + strong cue, 3 chars + strong cue or punctuation, 2 + punctuation,
 * 3 + weak cue, 2 + weak cue (罗志和说 -> 罗志和; 田军说 -> 田军; 韩志强任组长 -> 韩志强).
 */
export function readNameAt(text: string, i: number, extraStrong: string[] = [], wordEnd?: (pos: number) => boolean): string | undefined {
  const strong = strongWith(extraStrong);
  const dotted = dottedAt(text, i, strong);
  if (dotted) return dotted;
  // (plain conditions, no closures: this runs at every candidate position of the corpus)
  const n4 = nameAt(text, i, 4);
  const n3 = nameAt(text, i, 3);
  const n2 = nameAt(text, i, 2);
  if (n2 && startsWithAny(text, i + 2, strong)) return n2;
  if (n3 && (startsWithAny(text, i + 3, strong) || isPunctOrEnd(text, i + 3))) return n3;
  if (n4 && (startsWithAny(text, i + 4, strong) || isPunctOrEnd(text, i + 4))) return n4;
  if (n2 && isPunctOrEnd(text, i + 2)) return n2;
  if (n3 && startsWithAny(text, i + 3, WEAK_AFTER)) return n3;
  if (n2 && startsWithAny(text, i + 2, WEAK_AFTER)) return n2;
  if (n3 && wordEnd && wordEnd(i + 3)) return n3;
  return undefined;
}

export interface PersonHints {
  /**
   * Spans already taken by regions/organisations (a name never overlaps them). `titled`: the
   * name follows a title or role (援疆干部段嘉兴), or is a further occurrence of a name that
   * did: a cue strong enough to read a place's short name inside it as part of the name.
   */
  blocked: (start: number, end: number, titled: boolean) => boolean;
}

export function findPersons(ctx: Context, hints: PersonHints): Mention[] {
  const { text } = ctx;
  const found: Mention[] = [];
  const taken = new Set<number>();
  // Names read after a title: their further occurrences keep that cue (see PersonHints.blocked).
  const titledNames = new Set<string>();
  // `sentenceStart`: a three-character name opening a clause before a speech verb (。段嘉兴指出),
  // a cue as strong as a title for reading a place's short name inside it as the given name.
  const add = (start: number, name: string, rule: string, attrs?: Record<string, string>, sentenceStart = false) => {
    const end = start + name.length;
    const titled = rule === 'title-cue' || sentenceStart || (rule === 'person-repeat' && titledNames.has(name));
    if (hints.blocked(start, end, titled)) return false;
    if (rule === 'title-cue' || sentenceStart) titledNames.add(name);
    for (let k = start; k < end; k++) if (taken.has(k)) return false;
    for (let k = start; k < end; k++) taken.add(k);
    found.push(ctx.mention('Person', start, end, rule, attrs ? { attrs } : {}));
    return true;
  };

  // 1. bylines: 记者 周立新 吴晓报道 / (通讯员 汪小梅 记者 杜鹏) / 责编:龚雪、韩冬
  const roleAlt = BYLINE_ROLES.join('|');
  // (words that are bylines only before a colon or a slash: 文字：某某　图片：某某, 联系人：某某)
  const labelAlt = BYLINE_LABELS.join('|');
  for (const m of text.matchAll(new RegExp(`(?:(${roleAlt})[：:/／]?|(?<![\\u4e00-\\u9fff])(${labelAlt})[：:/／])\\s*`, 'gu'))) {
    const role = m[1] ?? m[2]!;
    let j = m.index! + m[0].length;
    for (let guard = 0; guard < 8; guard++) {
      const name = readNameAt(text, j, BYLINE_ROLES);
      if (!name) break;
      if (m[2] && HONORIFIC_ONLY.test(name)) break; // 联系人：谭女士 names nobody in full
      // inside running text (记者了解到) the name must end at a byline boundary
      const after = j + name.length;
      const ok = isPunctOrEnd(text, after) || startsWithAny(text, after, BYLINE_END);
      if (!ok) break;
      add(j, name, 'byline', { role });
      j = after;
      while (j < text.length && /[\s、，,]/u.test(text[j]!)) j++;
      if (startsWithAny(text, j, BYLINE_ROLES) || startsWithAny(text, j, BYLINE_LABELS)) break; // next role: its own match handles it
    }
  }

  // 1b. a roster line: the name, a space, then the offices (程某某　某县委常委、副县长)
  for (const m of text.matchAll(ROSTER_LINE)) {
    const j = m.index! + m[0].length;
    const name = readNameAt(text, j);
    if (!name) continue;
    const rest = text.slice(j + name.length, text.indexOf('\n', j) < 0 ? text.length : text.indexOf('\n', j));
    if (ROSTER_OFFICES.test(rest)) add(j, name, 'roster');
  }

  // 2. title or role cue right before the name: 省委书记周立新率 / 援疆干部魏杰介绍 / 领导买买提·吐尔逊、
  // Occurrences are handled title by title (longest first), each title left to right, as the
  // first cue to take a name keeps it; they are found in one pass over the text.
  const { titles } = titleTables(ctx.ix);
  const stride = text.length + 1;
  for (const code of titleOccurrences(ctx)) { // rank * stride + position, in that order
    {
      const title = titles[Math.floor(code / stride)]!;
      const k = code % stride;
      let j = k + title.length;
      if (text[j] === ' ') j++;
      // a note between the office and the name: 副县长（援疆干部）某某, 副院长（挂职）某某
      if (text[j] === '（' || text[j] === '(') j += OFFICE_NOTE.exec(text.slice(j, j + 10))?.[0].length ?? 0;
      // a word that starts with the title and runs on past it is no title before a name (学生公寓);
      // one that only starts inside the title is jieba gluing title and surname (省长|江某: 长江)
      if (ctx.hasTokens && (ctx.tokenStartingAt.get(k)?.end ?? 0) > j) continue;
      const name = readNameAt(text, j, [], (pos) => ctx.hasTokens && ctx.tokenEnds.has(pos) && ctx.tokenStarts.has(j));
      if (name && STORY_ROLES.has(title) && !DOT.test(name) && ctx.tokenTagOf(j, j + name.length) !== 'nr') continue;
      // a two-character "name" jieba reads as a common word is that word (职工|公寓, 老师|讲解)
      if (name && name.length === 2 && (STORY_ROLES.has(title) || PEOPLE_NOUNS.has(title)) && COMMON_WORD_TAG.test(ctx.tokenTagOf(j, j + 2) ?? '')) continue;
      if (name) {
        // the following character must not glue the name into a longer word (领导干部)
        if (add(j, name, 'title-cue', { title })) {
          // 、-list continuation after a cued name: 买买提·吐尔逊、阿依古丽·艾买提、韩志强参加
          let p = j + name.length;
          let last = name;
          for (;;) {
            // (和/与/及 closes a list of dotted names: 、…·吐尔逊和迪丽努尔·阿不力孜)
            const joined = text[p] === '、' || ('和与及'.includes(text[p] ?? '、') && DOT.test(last) && dotAhead(text, p + 1));
            if (!joined) break;
            const next = readNameAt(text, p + 1);
            if (!next || !add(p + 1, next, 'person-list', { title })) break;
            p = p + 1 + next.length;
            last = next;
          }
        }
      }
    }
  }

  // 3. speech verb after the name: 。邱明华说 / 的宁静高兴地说
  for (let i = 0; i < text.length; i++) {
    if (SPEECH_FIRST[text.charCodeAt(i)] !== 1 || !SPEECH_AFTER.test(text.slice(i, i + 8))) continue;
    for (const len of [3, 2]) {
      const s = i - len;
      if (s < 0) continue;
      const prev = text[s - 1];
      const prevOk = s === 0 || !isHan(prev) || '的了是和与及在由据对向给让请、'.includes(prev!);
      const n = nameAt(text, s, len);
      const opensClause = len === 3 && (s === 0 || CLAUSE_START_AFTER[text.charCodeAt(s - 1)] === 1) && !FUNCTION_SURNAMES.has(text[s]!);
      // (a three-character word jieba knows is no name: 用普通话说)
      if (n && len === 3 && COMMON_WORD_TAG.test(ctx.tokenTagOf(s, s + 3) ?? '')) continue;
      if (n && prevOk && add(s, n, 'speech-verb', undefined, opensClause)) break;
    }
  }

  // 3a. a name at a clause start leading a delegation: 。周立新率某某省党政代表团赴… / 周立新率团…
  for (let i = text.indexOf('率'); i >= 0; i = text.indexOf('率', i + 1)) {
    if (!LEADS_AFTER.test(text.slice(i, i + 30))) continue;
    for (const len of [3, 2]) {
      const s = i - len;
      if (s < 0 || (s > 0 && CLAUSE_START_AFTER[text.charCodeAt(s - 1)] !== 1)) continue;
      const n = nameAt(text, s, len);
      if (n && add(s, n, 'leads-delegation')) break;
    }
  }

  // 3b. a name at a clause start followed by its office: 。周立新任某县委书记 / 。周立新，某地委书记。
  // / 周立新，男，汉族，1978年生，现任… (a cadre's profile)
  const { officeAfter: OFFICE_AFTER, postedAfter: POSTED_AFTER } = titleTables(ctx.ix);
  // (after 的 too, when a comma and a posting follow: 来自某医院的某某，目前在某院挂职副院长)
  for (let i = 0; i < text.length; i++) {
    const afterDe = i > 0 && text.charCodeAt(i - 1) === 0x7684; // 的
    if (i > 0 && CLAUSE_START_AFTER[text.charCodeAt(i - 1)] !== 1 && !afterDe) continue;
    const dotted = dottedAt(text, i, ['任', '担任', '现任', '兼任', '出任', '系', '，']);
    if (dotted && officeFollows(text.slice(i + dotted.length, i + dotted.length + 48), afterDe, OFFICE_AFTER, POSTED_AFTER)) {
      add(i, dotted, 'name-office');
      continue;
    }
    for (const len of [3, 2]) {
      const n = nameAt(text, i, len);
      if (!n || !officeFollows(text.slice(i + len, i + len + 48), afterDe, OFFICE_AFTER, POSTED_AFTER)) continue;
      if (add(i, n, 'name-office')) break;
    }
  }

  // 3c. an appointment: 任命某某为某县副县长 / 聘任某某为…
  for (const m of text.matchAll(APPOINTS)) {
    const j = m.index! + m[0].length;
    const name = readNameAt(text, j, ['为']);
    if (name && text[j + name.length] === '为') add(j, name, 'appointed');
  }

  // 4. name before 总书记 / 同志 / 新时代…思想: 某某某总书记, 某某某新时代中国特色社会主义思想
  for (const m of text.matchAll(/(?:总书记|同志|新时代中国特色社会主义思想)/gu)) {
    const i = m.index!;
    for (const len of [3, 2]) {
      const s = i - len;
      if (s < 0) continue;
      const prev = text[s - 1];
      // 总书记/同志 are strong enough for a three-character name after any character
      const prevOk = s === 0 || !isHan(prev) || len === 3 || '的了是和与及在由据对向给让请、学贯以把将按'.includes(prev!);
      const n = nameAt(text, s, len);
      if (n && prevOk && add(s, n, 'name-before-title')) break;
    }
  }

  // 5. lists of three or more names ending with 等: 用王进喜、焦裕禄、孔繁森等先进典型
  for (const m of anchoredMatches(text, NAME_LIST)) {
    const parts = m[1]!.split('、');
    const base = m.index!;
    const items: Array<[number, string]> = [];
    let offset = base;
    let ok = true;
    parts.forEach((part, idx) => {
      if (!ok) return;
      let name: string | undefined;
      let at = offset;
      if (idx === 0) {
        // the first item is whatever name-like tail precedes the first 、
        for (const len of [3, 2]) {
          const n = nameAt(text, offset + part.length - len, len);
          if (n) { name = n; at = offset + part.length - len; break; }
        }
        if (!name && DOTTED.test(part)) name = DOTTED.exec(part)![0];
      } else {
        name = nameAt(text, offset, part.length) ?? (DOTTED.test(part) && DOTTED.exec(part)![0] === part ? part : undefined);
      }
      if (!name) ok = false;
      else items.push([at, name]);
      offset += part.length + 1;
    });
    if (!ok || items.length < 3) continue;
    for (const [at, n] of items) add(at, n, 'person-list');
  }

  // 6. every further occurrence of a name found above
  const names = [...new Set(found.map((f) => f.text))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const name of names) {
    let from = 0;
    for (;;) {
      const k = text.indexOf(name, from);
      if (k < 0) break;
      from = k + 1;
      // not part of a longer name-like run: 杜鹏 inside 杜鹏程
      if (name.length === 2 && isHan(text[k + 2]) && nameAt(text, k, 3) && !startsWithAny(text, k + 2, STRONG_OR_WEAK)) continue;
      add(k, name, 'person-repeat');
    }
  }
  return found;
}
