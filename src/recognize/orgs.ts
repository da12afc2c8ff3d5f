// Organisations and projects: find a suffix from the lexicon (指挥部, 集团, 医院 / 项目, 工程, 小学),
// then grow the name leftwards over name-like characters (regions, numbers, 第N批, quotes) until a
// boundary: punctuation, a function word, a verb or a category noun (援疆企业|华信新材料集团).
// Also: 《…》 works in an aid context, “…”-quoted named activities, and 伊宁三中-style schools.
import type { Mention, Token } from '../types.js';
import { type Context, isHan, placeNameEndingAt } from './context.js';
import { anchoredMatches, type AnchoredPattern } from '../util/anchored-matches.js';
import { codeMask } from '../util/code-mask.js';
import { pairingCompoundAt } from './regions.js';
import { isXinjiang } from './lexicon-index.js';

/** One-character suffixes are too ambiguous except these (each also needs a token end). */
const ONE_CHAR_OK = new Set(['厅', '局', '委', '部', '院', '馆', '所', '网', '厂', '展', '报']);
/** Verbs that make 所 the particle of the 所-construction (所需, 所能, 所盼), not the office suffix. */
const SUO_CONSTRUCTION_VERBS = '需能盼想急求愿望有属得谓知见闻学用做作说讲述提涉获';
/** Suffixes that denote a generic activity/plan: the name part must be specific. */
const GENERIC_PROJECT = new Set(['街区', '定居点', '农贸市场', '改造工程', '购置项目', '新建项目', '改造项目', '活动', '行动', '计划', '工程', '规划', '项目', '市场', '展', '展览', '基地', '中心', '广场', '公园', '公路', '小区', '新村', '交流活动', '系列活动', '口岸', '展会', '管道', '铁路', '水库']);
// (报 stays: a paper is read only in its dateline or a source line, see suffixCandidate)
const DROP_SUFFIX = new Set(['企业', '会', '办', '团', '处', '社', '站', '队', '规划', '党委', '党组', '纪委', '政法委', '党支部']);
/** Words a one-character suffix ends without naming an organisation. */
const COMMON_ENDINGS = new Set([
  '干部', '全部', '内部', '外部', '局部', '东部', '西部', '南部', '北部', '中部', '总部', '基部', '俱乐部', '支部',
  '结局', '布局', '格局', '大局', '全局', '当局', '开局', '医院', '学院', '法院', '庭院', '场所', '住所', '诊所',
  '厕所', '处所', '会所', '展馆', '场馆', '宾馆', '饭馆', '网络', '电网', '上网', '联网', '互联网', '物联网',
  '工厂', '会展', '发展', '进展', '拓展', '开展', '扩展', '伸展', '施展', '展厅', '大厅', '餐厅', '客厅', '门厅', '党委', '纪委', '村委', '两委',
  '编委', '常委', '政委', '五部', '各部', '一部', '本部', '分部', '党支部', '全院', '各院', '部委', '出院', '住院', '入院', '转院', '离院',
  '管网', '路网', '水网', '渠网', '光网', '热网', '气网', '天网', '渔网', '防护网', '铁丝网',
]);
const COMMON_ENDING_WORDS = [...COMMON_ENDINGS]; // iterated per suffix hit: spread once
const LEFT_STOPS = [
  '再添', '又添', '喜添', '新增', '再增',
  '组织', '联合', '举办', '参加', '考察', '助力', '助推', '观摩', '投资', '收购', '打造', '推动', '实施', '包括', '入选', '公布',
  '建成', '投用', '新建', '援建', '依托', '通过', '利用', '支持', '帮助', '协调', '引进', '走进', '来到', '前往', '派往', '调往', '奔赴',
  '看望', '慰问', '推进', '开展', '加强', '成立', '组建', '设立', '召开', '主办', '承办', '牵头', '对接', '签约',
  '签订', '捐赠', '捐建', '资助', '选派', '派出', '邀请', '联手', '携手', '共建', '落户', '进驻', '入驻', '启动',
  '完成', '开工', '竣工', '观看', '参观', '访问', '走访', '到访', '调研', '视察', '检查', '指导', '发布', '印发',
  '出台', '获得', '荣获', '获批', '授予', '评为', '列为', '成为', '纳入', '整合', '兼并', '以及', '设在', '位于',
  '企业', '单位', '部门', '机构', '高校', '学校', '院校', '三甲医院', '医院', '记者', '通讯员', '代表', '率领',
  '还', '与', '和', '同', '及', '或', '向', '对', '在', '于', '从', '由', '为', '被', '把', '将', '让', '给', '到',
  '赴', '至', '经', '据', '按', '以', '是', '有', '了', '着', '过', '的', '地', '得', '等', '并', '也', '都', '又',
  '再', '就', '才', '已', '曾', '正', '这', '那', '其', '该', '各', '每', '某', '此', '之', '我', '你', '他', '她',
  '它', '们', '个', '名', '位', '座', '项', '户', '次', '余', '多', '即', '后', '前往', '任', '兼', '率', '建设', '上', '下', '内', '外', '后', '里', '间', '以来', '期间', '之后', '之前', '以后', '以前', '其中', '当中',
];
// growLeft asks these per character: a Set, and the multi-character stops for endsWith
const LEFT_STOP_SET = new Set(LEFT_STOPS);
const LONG_LEFT_STOPS = LEFT_STOPS.filter((w) => w.length > 1);
const LONG_LEFT_STOP_SET = new Set(LONG_LEFT_STOPS);
const LONG_LEFT_STOP_MAX = Math.max(...LONG_LEFT_STOPS.map((w) => w.length));

/** Does the word end with a multi-character stop? (one Set probe per ending length, not a scan of the list) */
function endsWithLongStop(word: string): boolean {
  for (let len = 2; len <= LONG_LEFT_STOP_MAX && len <= word.length; len++) {
    if (LONG_LEFT_STOP_SET.has(word.slice(word.length - len))) return true;
  }
  return false;
}
const GENERIC_NAME = new Set([
  '三甲', '中', '各级', '各类', '相关', '有关', '当地', '基层', '县级', '市级', '省级', '地方', '定点',
  '民营', '公立', '大型', '重点', '一流', '知名', '国家级', '综合', '专科', '乡镇', '社区', '村级', '中小', '本地',
  '全国', '全省', '两地', '援疆', '对口', '受援', '新建', '驻村', '其他', '所有', '一批', '示范', '高标准', '现代化',
  '优质', '音乐', '民心', '民生', '惠民', '文化', '交流', '帮扶', '扶贫', '脱贫', '产业', '援建', '建设', '重大', '标志性',
  '精品', '公益', '主题', '专项', '系列', '双向', '结对', '教育', '医疗', '卫生', '职业', '技能', '培训', '人才',
  '党建', '宣传', '统战', '组织', '纪检', '民族', '团结', '服务', '志愿', '市场', '监管', '中小学', '高等', '普通',
  '同类', '下属', '附属', '合作', '配套',
  // what a building is for (教学综合楼, 门诊楼): which one, the text does not say
  '教学', '门诊', '住院', '办公', '宿舍', '新型', '传统', '线上', '线下', '网上', '内地', '疆内', '区内', '省内',
  // ties between two bodies (结成友好学校, 兄弟医院), not a name
  '友好', '兄弟', '姊妹', '姐妹', '共建', '联谊',
  // a utility named by its trade (公交公司, 供电公司): which one, the text does not say
  '公交', '供电', '供水', '自来水', '燃气', '供热', '物业', '快递', '邮政',
  // a hospital's grade (晋升为三级甲等医院)
  '一级', '二级', '三级', '甲等', '乙等', '丙等', '二甲',
]);
/**
 * A 、-list of two or more short names closed by 等 and a class of organisations (企业, 高校, or a
 * province's firms: 晋企, 浙企), with at most a count and a word of praise between (知名, 国内, 大型 …), the class noun closing
 * the phrase: 中石油、中石化等央企与…
 * Not 等地企业 (places), 等企业负责人 / 等企业家 (people). Tried only before each 、 (anchoredMatches).
 */
export const ORG_LIST: AnchoredPattern = {
  sticky: /((?:[\u4e00-\u9fffA-Za-z]{2,8}、)+[\u4e00-\u9fffA-Za-z]{2,8})等(?:\d+(?:多|余)?家|多家|数十家|一批)?(?:知名|著名|国内|国内外|国际|全国|大型|龙头|重点|头部|优秀|一流|顶尖|骨干|知名的|著名的)?(企业|[\u4e00-\u9fff]企|高校|院校|名校|大学|公司|集团|央企|国企|民企|银行|媒体|医院|科研院所)(?=[，。；：、）)”\s]|与|和|及|在|的|开展|合作|参与|签|落户|投资|入驻|纷纷|相继|先后|积极|共同|均|都|也|还|已|将|为|对|向|来|举办)/uy,
  anchor: '、',
  minOffset: 2, // the first name, 2 to 8 characters, ends at the first 、
  maxOffset: 8,
};
/** A company's name opening a project's: [name][business] then 年产/新建/投资… (某某科技年产…项目). */
const COMPANY_HEAD = /^(([\u4e00-\u9fff]{2,10}?)(科技|集团|公司|股份|实业|能源|化工|煤化|煤业|矿业|电力|药业|控股|建工|钢铁|纺织|食品|乳业|牧业))(?=年产|新建|投资|扩建|建设|\d)/u;
const NAME_WORD = /^[\u4e00-\u9fffA-Za-z0-9]+$/u;
/** The items' spans, or none when an item is no plausible name (a place, a person, a verb phrase). */
function orgListItems(ctx: Context, at: number, list: string, regions: Mention[], cands: Mention[]): [number, number][] {
  const parts = list.split('、');
  const spans: [number, number][] = [];
  let pos = at;
  for (let i = 0; i < parts.length; i++) {
    let start = pos;
    const end = pos + parts[i]!.length;
    // the first item is the words before the first 、 back to a verb or function word, up to six
    // characters (组织赣锋锂业、… starts at 赣锋锂业; 中|石油、… at 中)
    if (i === 0) {
      start = end;
      for (let tok = ctx.tokenEndingAt.get(start); tok && !STOP_TAGS.has(tok.tag) && end - tok.start <= 6 && NAME_WORD.test(ctx.text.slice(tok.start, tok.end)); tok = ctx.tokenEndingAt.get(start)) start = tok.start;
      // (a name already read by its suffix there: 某能控股、… whatever jieba tags 控股)
      const named = cands.find((c) => c.end === end && c.kind === 'Organization');
      if (named && named.start < start) start = named.start;
      if (end - start < 2) return [];
    } else if (parts[i]!.length > 6) return [];
    // a place is no name, but may head one (萍乡焦化)
    if (regions.some((r) => r.start <= start && end <= r.end)) return [];
    spans.push([start, end]);
    pos = end + 1;
  }
  return spans.length >= 2 ? spans : [];
}

const AID_VERB_END = /(?:支援|援建|帮扶|结对|对口|援助|资助|共建|对接|捐建)$/u;
const FACILITY = /医院|学校|学院|中学|小学|幼儿园|博物馆|图书馆|体育馆|文化馆|中心|卫生院|敬老院|养老院/;
const BUILD_CONTEXT = /援建|新建|建成|竣工|开工|投用|投入使用|改扩建|在建|开建|建设|总投资|全额投资|实施/;
/** Money stated for a facility right after its name: it is a project (某某中心总投资N, 由某省援疆资金N建设). */
const MONEY_AFTER_NAME = /^[：:]?(?:项目)?(?:总投资|计划投资|计划总投资|投资\d|由[^，。；]{0,10}?(?:援疆|援助)资金|(?:使用|利用|安排|累计投入)[^，。；]{0,6}?(?:援疆|援助)资金|(?:援疆|援助)资金\d)|^(?:和|、)[^，。；]{2,30}?分别(?:安排|投资|投入|使用)/u;
const DOC_TITLE = /(?:条例|意见|办法|方案|纲要|规定|通知|决定|标准|报告|法|协议|选编|摘编|论述|读本|规划|细则|公约|守则)$/;
const WORK_CUE = /剧目|话剧|歌剧|舞剧|音乐剧|剧|作品|电影|演出|节目|歌曲|舞蹈|纪录片|专题片|图书|丛书|书画/;

interface Suffix { word: string; project: boolean; org: boolean }

/** Buildings and parts of facilities that the lexicon's project suffixes do not cover. */
const EXTRA_ORG_SUFFIXES = ['红十字会', '慈善总会', '附中', '附小'];
const EXTRA_PROJECT_SUFFIXES = ['文化周', '活动周', '新院区', '新校区', '院区', '校区', '小镇'];

// The table depends only on the lexicon index: built once per index, not once per article.
const suffixTables = new WeakMap<Context['ix'], Map<string, Suffix[]>>();

function suffixTable(ctx: Context): Map<string, Suffix[]> {
  let table = suffixTables.get(ctx.ix);
  if (!table) suffixTables.set(ctx.ix, (table = buildSuffixTable(ctx)));
  return table;
}

interface SuffixesByCode {
  /** suffixTable keyed by the char code of the last character (same lists). */
  byLastCode: Map<number, Suffix[]>;
  /** codeMask of those codes: the per-character pre-check. */
  lastMask: Uint8Array;
}
const suffixCodeTables = new WeakMap<Context['ix'], SuffixesByCode>();

function suffixesByLastCode(ctx: Context): SuffixesByCode {
  let byCode = suffixCodeTables.get(ctx.ix);
  if (!byCode) {
    const byLastCode = new Map<number, Suffix[]>();
    for (const [last, list] of suffixTable(ctx)) byLastCode.set(last.charCodeAt(0), list);
    suffixCodeTables.set(ctx.ix, (byCode = { byLastCode, lastMask: codeMask(byLastCode.keys()) }));
  }
  return byCode;
}

function buildSuffixTable(ctx: Context): Map<string, Suffix[]> {
  const byLast = new Map<string, Suffix[]>();
  const orgs = new Set([...ctx.ix.orgSuffixes, ...EXTRA_ORG_SUFFIXES]);
  const projects = new Set([...ctx.ix.projectSuffixes, ...EXTRA_PROJECT_SUFFIXES]);
  for (const word of [...new Set([...orgs, ...projects])]) {
    if (DROP_SUFFIX.has(word)) continue;
    if (word.length === 1 && !ONE_CHAR_OK.has(word)) continue;
    const last = word[word.length - 1]!;
    const list = byLast.get(last) ?? [];
    list.push({ word, project: projects.has(word), org: orgs.has(word) });
    byLast.set(last, list);
  }
  for (const list of byLast.values()) list.sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
  return byLast;
}

/** The opening mark of a closing one (by char code: no one-character string per character read). */
function openingOf(code: number): string | undefined {
  switch (code) {
    case 0x201d: return '“'; // ”
    case 0xff09: return '（'; // ）
    case 0x29: return '('; // )
    case 0x300b: return '《'; // 》
    default: return undefined;
  }
}

/** Verbs and other non-name tokens that may still sit inside a name (援疆指挥部, 党群服务中心). */
const NAME_OK = new Set([
  '援疆', '对口', '支援', '援建', '服务', '发展', '指挥', '交流', '合作', '改革', '融合', '创新', '管理',
  '监督', '保健', '研究', '教育', '培训', '示范', '开发', '养殖', '种植', '生产', '惠民', '赋能', '协作', '共兴',
  '提升', '展览', '帮扶', '扶贫', '采摘', '观光', '写生', '采风', '综合', '转型', '控股', '投资', '保护', '检验',
  '检测', '预防', '控制', '治理', '促进', '规划', '设计', '勘察', '运输', '制药', '物流', '旅游', '工作', '前方',
  '民族', '团结', '文化', '艺术', '科技', '技术', '经济', '产业', '职业', '卫生', '健康', '医疗', '中医', '妇幼',
  '人民', '社会', '科学', '工程', '化学', '物理', '师范', '理工', '医科', '农业', '工业', '商业', '能源', '煤化',
  '互市', '边民', '交易', '服务型', '党群', '医养', '党政', '维稳', '普法', '实践', '直播', '网络', '青少年',
  '附属', '医学院', '门诊', '住院', '深加工', '加工', '结对', '改扩建', '扩建', '改建', '改造', '购置', '定居', '实训',
  '数据', '资源', '信息', '数字',
  '现代', // jieba tags it a time word: 某州现代物流园
]);
/** Left stops that are also a firm's line of business when they come right before 公司/集团. */
const FIRM_INDUSTRY_WORDS = new Set(['建设', '投资']);
const APPOSITION = new Set(['企业', '单位', '部门', '机构', '高校', '学校', '院校', '三甲医院', '医院']);
const APPOSITION_WORDS = [...APPOSITION]; // iterated per character in growLeft: spread once
const STOP_TAGS = new Set(['v', 'vd', 'd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'r', 'rr', 'rz', 'ad', 't', 'y', 'e', 'o', 'zg', 'q', 'TITLE']);

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const w of endings) if (word.endsWith(w)) return true;
  return false;
}

const COMPANY_SUFFIX = /(?:公司|集团)$/u;
const DEPARTMENT_SUFFIX = /(?:局|厅|委员会|部)$/u;
/** A word that is itself a body's name (教育局, 县委, 医院, 前指): 和 after it joins two bodies. */
const ORG_WORD_END = /(?:局|厅|委|部|院|校|会|中心|办|所|站|队|组|处|科|室|馆|社|台|团|网|报|指|公司|集团)$/u;
/** One-character verbs that are not a firm's name character before 公司/集团 (是公司, 进集团). */
const NOT_BRAND_FINAL = new Set([...'是有进去来到给让被把叫在为成入出回从向对与和将要会能']);
/**
 * A one-character token jieba tags as a verb right before the suffix, after a name word of two
 * or more characters, is the end of a firm's name: 恒瑞|达|集团, 鑫源|通|公司.
 */
function brandFinal(ctx: Context, tok: Token, suffixStart: number): boolean {
  if (tok.end !== suffixStart || tok.end - tok.start !== 1 || tok.tag !== 'v' || NOT_BRAND_FINAL.has(ctx.text[tok.start]!)) return false;
  return nameWordEndsAt(ctx, tok.start);
}

/** A name word of two or more characters (not a verb or function word) ends at `pos`. */
function nameWordEndsAt(ctx: Context, pos: number): boolean {
  const before = ctx.tokenEndingAt.get(pos);
  return !!before && before.end - before.start >= 2 && /^(?:nz|nr|nrt|n|ns|nt|j|x)$/.test(before.tag);
}

/**
 * A firm's line of business, which jieba tags as a verb, inside its name after a name word
 * (东莞华信|包装|制品有限公司, 某某|印刷|有限公司); after a verb it is the sentence's (负责|销售|某某公司产品).
 */
const FIRM_TRADE_VERBS = new Set(['包装', '印刷', '制造', '销售', '咨询', '装饰', '安装', '经营', '租赁', '维修', '营销', '仓储', '贸易', '开发', '加工', '生产', '运输']);
/** 项目名称：NAME, the row of a project table (NAME up to the next space, punctuation or bracket). */
const PROJECT_LABEL = /项目名称[：:]\s*([^\s，。；;：:、（()）]{3,40})/gu;
/** Units of a plant's capacity, which jieba tags as measure words (兆瓦/q). */
const CAPACITY_UNIT = /^(?:万千瓦|千瓦|兆瓦|吉瓦|万吨|吨|万锭|锭|万头|头|万只|只|万亩|亩|千伏|万伏|公里|立方米|平方米|张床|床位)$/u;
/** 项目运营方某某公司: a party to a project (运营方, 承建方) is a role before the name, not part of it. */
const PARTY_BEFORE = /(?:运营|投资|建设|承建|施工|合作|出资|主办|承办|协办|供货|采购|甲|乙)方$/u;

/**
 * Whether text[at] is the first character of a longer word (有机 in 有机牧草种植基地), so not a
 * function character to drop; 从|省 is jieba gluing 从 to an own-region abbreviation, not a word.
 */
function headsWord(ctx: Context, at: number): boolean {
  return (ctx.tokenStartingAt.get(at)?.end ?? 0) > at + 1 && !'省市县州区'.includes(ctx.text[at + 1] ?? '');
}

/**
 * The facility's name jieba reads as one word across position p (协和医院, 华山医院), as its part
 * before p; not other words (党和政府).
 */
function tokenAcross(ctx: Context, p: number, limit: number): Token | undefined {
  for (let q = p - 1; q >= limit && q >= p - 8; q--) {
    const t = ctx.tokenStartingAt.get(q);
    if (t) return t.end > p && FACILITY.test(ctx.text.slice(p, t.end)) ? { tag: t.tag, start: t.start, end: p } : undefined;
  }
  return undefined;
}

/** Leftmost start of the name whose suffix starts at `suffixStart`, walking back token by token. */
function growLeft(ctx: Context, suffixStart: number, regionEnds: Map<number, Mention>, suffix: Suffix): number {
  const { text } = ctx;
  const building = suffix.project && suffix.word.endsWith('楼');
  const company = !suffix.project && COMPANY_SUFFIX.test(suffix.word);
  const department = DEPARTMENT_SUFFIX.test(suffix.word);
  let p = suffixStart;
  const limit = Math.max(0, suffixStart - 32);
  while (p > limit) {
    const open = openingOf(text.charCodeAt(p - 1));
    if (open) {
      const q = text.lastIndexOf(open, p - 2);
      if (q < 0 || q < limit || text.slice(q, p).includes('\n')) break;
      // a list item's number, （二）呼图壁县…, is not part of the name after it
      if (ENUMERATOR.test(text.slice(q, p))) break;
      // nor is a quoted remark that ends a sentence (“…聚焦民生和产业。”某省援疆前方指挥部)
      if (/[。！？!?]/u.test(text.slice(q + 1, p - 1))) break;
      p = q;
      continue;
    }
    const region = regionEnds.get(p);
    if (region && region.start >= limit) {
      p = region.start;
      continue;
    }
    const c = text[p - 1]!;
    if (!(isHan(c) || /[0-9A-Za-z×·]/.test(c))) break;
    // a pairing compound heads the name (津于|农副产品加工产业园, 粤疏|轻工产业园), whatever jieba made of it
    if (p - 2 >= limit && pairingCompoundAt(ctx, p - 2)) {
      p -= 2;
      continue;
    }
    // (a suffix inside a jieba word, 协和|医院 of 协和医院: the word's head is the unit, not 和)
    const ending = ctx.tokenEndingAt.get(p);
    const across = ending === undefined && p === suffixStart ? tokenAcross(ctx, p, limit) : undefined;
    const tok = ending ?? across;
    const word = tok && tok.start >= limit ? text.slice(tok.start, p) : c;
    // category nouns stop a name only in apposition (三甲医院|皖南医院), not before a building (医院|综合楼)
    const apposition = APPOSITION.has(word) || endsWithAny(word, APPOSITION_WORDS);
    // 和 between two single characters is inside a name (某康和医院), a conjunction joins words
    const prevTok = tok ? ctx.tokenEndingAt.get(tok.start) : undefined;
    const innerHe = word === '和' && prevTok && prevTok.end - prevTok.start === 1 && isHan(text[prevTok.start]) &&
      !LEFT_STOP_SET.has(text[prevTok.start]!) && !'省市县区州乡镇村'.includes(text[prevTok.start]!) && !regionEnds.has(prevTok.end);
    if (innerHe) { p -= 1; continue; }
    // …and a government department's name joins two fields with 和 (文化体育广播电视和旅游局,
    // 住房和城乡建设局, 发展和改革委员会), where the word before 和 names no body of its own
    if (word === '和' && department && prevTok && prevTok.end - prevTok.start >= 2 && !ORG_WORD_END.test(text.slice(prevTok.start, prevTok.end)) && !STOP_TAGS.has(prevTok.tag)) { p -= 1; continue; }
    // …and before a building with a short part name between (某某医院外科|大楼, 某某中学教学|楼)
    const beforeBuilding = building && suffixStart - p <= 2;
    // …and an industry word right before a company suffix is the firm's own (某某|建设|集团,
    // 某某|投资|有限公司), not the verb it is before other names (建设|某某学校)
    const firmIndustry = company && p === suffixStart && FIRM_INDUSTRY_WORDS.has(word);
    if (apposition ? p < suffixStart - 1 && !beforeBuilding : (LEFT_STOP_SET.has(word) || endsWithLongStop(word)) && !firmIndustry) break;
    // a glued token ending in a function character (周立新率, 从省) stops the name; not a name word
    // jieba read right before the suffix (仁和/nr|医院, 永和/nz|公司)
    const nameBeforeSuffix = p === suffixStart && tok !== undefined && (tok.tag === 'nr' || tok.tag === 'nz');
    if (word.length > 1 && LEFT_STOP_SET.has(word[word.length - 1]!) && !NAME_OK.has(word) && !across && !nameBeforeSuffix) break;
    // …and one jieba found in no dictionary that opens with one (项目|由恒达/x|集团) starts the name after it
    if (tok && tok.tag === 'x' && word.length > 1 && LEFT_STOP_SET.has(word[0]!) && !across) {
      p -= word.length - 1;
      break;
    }
    if (/^\d+[年月日号]?$|^[年月日号]$/.test(word) && /[年月日号]/.test(text[p] ?? '')) break;
    // a date's last character (26日, 三月) ends the name; 日 in 中日友好医院 does not
    if (/^[年月日号]$/.test(word) && (p < 2 || /[\d０-９〇零一二三四五六七八九十廿卅两本当该次今明昨每近去前后]/u.test(text[p - 2]!))) break;
    if (text[p - 1] === '方' && PARTY_BEFORE.test(text.slice(Math.max(limit, p - 3), p))) break;
    const firmTrade = company && tok !== undefined && FIRM_TRADE_VERBS.has(word) && nameWordEndsAt(ctx, tok.start);
    // a capacity after its number is part of a project's name (某县200兆瓦光伏发电项目)
    const capacity = tok !== undefined && CAPACITY_UNIT.test(word) && /[\d一二三四五六七八九十百千万]/u.test(text[p - word.length - 1] ?? '');
    if (tok && STOP_TAGS.has(tok.tag) && !NAME_OK.has(word) && !firmTrade && !capacity && !/^第?[一二三四五六七八九十\d]+[批期届]?$/.test(word) && !(company && brandFinal(ctx, tok, suffixStart))) break;
    p -= word.length;
  }
  return p;
}

const LEVEL_RANK: Record<string, number> = { Province: 0, Prefecture: 1, County: 2 };

/** Tags a project name's own words carry (names, nouns, verbs used as names: 米兰/ns 镇/n 安居/v). */
const NAME_WORD_TAGS = new Set(['n', 'ns', 'nz', 'nt', 'nr', 'vn', 'v', 'x', 'j', 'a', 'b', 'l']);

/**
 * The start of a region right before `start` (at most 8 characters back) when the words between are
 * name words: no stop word or function word, no verb right after the place (墨玉县|加快… is a
 * subject and its verb), at most one verb in all, and no name already read.
 */
function regionHeadBefore(ctx: Context, start: number, regionEnds: Map<number, Mention>, cands: Mention[]): number | undefined {
  const { text } = ctx;
  if (!ctx.hasTokens) return undefined;
  for (let k = start - 1; k >= Math.max(0, start - 8); k--) {
    if (!isHan(text[k])) return undefined;
    const region = regionEnds.get(k);
    if (!region) continue;
    // (a name read between is another name: 某县某中学|结为“手拉手”友好学校)
    if (cands.some((c) => c.end > k && c.end <= start)) return undefined;
    let verbs = 0;
    let p = start;
    while (p > k) {
      const tok = ctx.tokenEndingAt.get(p);
      if (!tok || tok.start < k) return undefined;
      const word = text.slice(tok.start, p);
      if (!NAME_WORD_TAGS.has(tok.tag) || LEFT_STOP_SET.has(word) || endsWithLongStop(word)) return undefined;
      if (tok.tag === 'v' && (++verbs > 1 || tok.start === k)) return undefined;
      p = tok.start;
    }
    return region.start;
  }
  return undefined;
}

export function findOrganizations(ctx: Context, regions: Mention[]): Mention[] {
  const { text } = ctx;
  const table = suffixTable(ctx);
  const { byLastCode, lastMask } = suffixesByLastCode(ctx); // the per-character lookup, without one-character strings
  const regionStarts = new Map<number, Mention>();
  const regionEnds = new Map<number, Mention>();
  for (const r of regions) if (!r.attrs?.inside) { regionStarts.set(r.start, r); regionEnds.set(r.end, r); }
  const cands: Mention[] = [];

  // The per-character scan only looks for a suffix; the rest runs in suffixCandidate, so that the
  // closures there do not make every iteration of this loop allocate a scope for them.
  const scan: SuffixScan = { ctx, table, regions, regionStarts, regionEnds, cands };
  for (let e = 1; e <= text.length; e++) {
    if (lastMask[text.charCodeAt(e - 1)] !== 1) continue;
    const list = byLastCode.get(text.charCodeAt(e - 1));
    if (!list) continue;
    let suffix: Suffix | undefined;
    for (const s of list) if (text.startsWith(s.word, e - s.word.length)) { suffix = s; break; }
    if (!suffix) continue;
    const c = suffixCandidate(scan, e, suffix);
    if (c) cands.push(c);
  }

  // 伊宁县三中 / 伊宁三中: a region followed by (第)N中
  for (const m of text.matchAll(/第?[一二三四五六七八九十]{1,2}中(?![心国央华间旬期层秋午级]|学(?!生))/gu)) {
    const r = regions.find((x) => x.end === m.index && !x.attrs?.inside);
    // (or a place's name jieba glued to the school: 北京四中 is one word, so no region was read)
    const start = r ? r.start : placeNameEndingAt(ctx, m.index!);
    if (start === undefined) continue;
    cands.push(ctx.mention('Organization', start, m.index! + m[0].length, 'school-abbrev', { attrs: { suffix: '中学' } }));
  }

  // “…”-quoted activities and plans: “常伊文化旅游交流周”活动, “津和产业协作共富行动计划”
  for (const m of text.matchAll(/“([^“”\n]{2,30})”(系列活动)?/gu)) {
    const inner = m[1]!;
    // (a quoted remark is no name: “我们有信心把这里打造成…基地”)
    if (QUOTED_REMARK.test(inner)) continue;
    const innerStart = m.index! + 1;
    const projSuffix = ctx.ix.projectSuffixes.find((w) => inner.endsWith(w) && inner.length > w.length + 1);
    if (m[2] && (m[2] === '系列活动' || !projSuffix)) {
      if (/[，,。；！？]/.test(inner) || !/援|两地|交流|结对|帮扶/.test(text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 10))) continue;
      cands.push(ctx.mention('Project', m.index!, m.index! + m[0].length, 'quoted-activity', { attrs: { suffix: m[2] } }));
    } else if (projSuffix && !/[，,。；！？]/.test(inner) && !isGenericName(inner.slice(0, inner.length - projSuffix.length))) {
      // (quoted or not, a generic name is none: 结成“姊妹学校”)
      cands.push(ctx.mention('Project', innerStart, innerStart + inner.length, 'quoted-activity', { attrs: { suffix: projSuffix } }));
    }
  }

  // 《天山之恋》: a work in an aid context (not a law, a plan or a document)
  for (const m of text.matchAll(/《([^《》\n]{2,20})》/gu)) {
    const inner = m[1]!;
    if (DOC_TITLE.test(inner)) continue;
    const sentence = ctx.article.sentences.find((s) => s.start <= m.index! && m.index! < s.end);
    const scope = sentence ? text.slice(sentence.start, sentence.end) : text.slice(Math.max(0, m.index! - 60), m.index! + 60);
    if (!/援/.test(scope)) continue;
    const around = text.slice(Math.max(0, m.index! - 8), m.index!) + text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    if (!WORK_CUE.test(around)) continue;
    cands.push(ctx.mention('Project', m.index! + 1, m.index! + 1 + inner.length, 'work-title', { attrs: { quoted: m[0] } }));
  }

  // a company heading a project's name: 某某科技年产10万吨…生产线项目 (the company is named, and funds it)
  for (const c of [...cands]) {
    if (c.kind !== 'Project') continue;
    const m = COMPANY_HEAD.exec(c.text);
    if (!m || isGenericName(m[2]!) || regions.some((r) => r.start <= c.start && c.start + m[1]!.length <= r.end)) continue;
    // (nor a short form of a company the text names in full: 浙江某某纺织有限公司 … 某某纺织10万锭项目)
    if (cands.some((o) => o.kind === 'Organization' && ((o.start === c.start && o.end === c.start + m[1]!.length) || (o.text !== m[1] && o.text.includes(m[1]!))))) continue;
    cands.push(ctx.mention('Organization', c.start, c.start + m[1]!.length, 'org-heads-project', { attrs: { suffix: m[3]! } }));
  }

  // 中石油、中石化等央企 / 南开、天大等高校: short names listed before their class noun
  for (const m of anchoredMatches(text, ORG_LIST)) {
    const items = orgListItems(ctx, m.index!, m[1]!, regions, cands);
    for (const [start, end] of items) cands.push(ctx.mention('Organization', start, end, 'org-list', { attrs: { class: m[2]! } }));
  }

  // 项目名称：某某工程 (a project table's row): what the label names is a project, whatever its suffix
  for (const m of text.matchAll(PROJECT_LABEL)) {
    const start = m.index! + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const same = cands.filter((c) => c.start === start && c.end === end);
    for (const c of same) {
      c.kind = 'Project';
      c.rule = 'project-label';
    }
    if (same.length === 0) cands.push(ctx.mention('Project', start, end, 'project-label', {}));
  }

  // overlaps: longest wins; a candidate inside a longer one is kept, marked nested
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const c of cands) {
    const host = kept.find((k) => !k.attrs?.inside && k.start <= c.start && c.end <= k.end);
    if (host) {
      // a truncated form of the host (产业园 in 产业园区, 日报 in 日报社) is not a second name
      if (host.end - c.end <= 2 && host.start === c.start) continue;
      c.attrs = { ...c.attrs, inside: host.kind };
      if (c.kind === 'Project' && host.kind === 'Project' && FACILITY.test(c.attrs.suffix ?? '') && /楼|院区|校区/.test(host.text.slice(c.end - host.start))) {
        c.kind = 'Organization';
        c.rule = 'org-suffix';
      }
      kept.push(c);
      continue;
    }
    if (kept.some((k) => !k.attrs?.inside && c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept;
}

/** A title of 2+ characters starts at e (兵团党委|副书记): the suffix before it ends a word. */
function titleStartsAt(ctx: Context, e: number): boolean {
  for (const t of ctx.ix.titlesByFirstCode.get(ctx.text.charCodeAt(e)) ?? []) if (t.length >= 2 && ctx.text.startsWith(t, e)) return true;
  return false;
}

/**
 * 某市第九十中学|数学教师: jieba glues a two-character suffix to a subject or department word
 * (中学数学), and a title follows that word (a one-character one is a word's start: 部|门负责人).
 * Only after a place name, where the name cannot be a verb phrase (加强中学数学).
 */
function titleAfterWord(ctx: Context, e: number, regionEnds: Map<number, Mention>, regionStarts: Map<number, Mention>): boolean {
  let p = e + 1;
  while (p - e <= 4 && !ctx.tokenEnds.has(p)) p++;
  if (p - e > 4 || !titleStartsAt(ctx, p)) return false;
  for (let k = e; k < p; k++) if (!isHan(ctx.text[k])) return false;
  // a place starts the name: some region ends within the few characters before the suffix
  for (let k = e - 2; k >= Math.max(0, e - 12); k--) if (regionEnds.has(k) || regionStarts.has(k)) return true;
  return false;
}

/** A list item's number in brackets: （二） / (3) */
const ENUMERATOR = /^[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]$/u;
/** A region mention whose regions all lie outside Xinjiang (沈阳 -> 沈阳市). */
function outsideXinjiang(ctx: Context, r: Mention): boolean {
  const label = r.attrs?.label;
  const regions = label ? [ctx.ix.lex.regionByName(label)] : ctx.ix.surfaces.get(r.text) ?? [];
  return regions.length > 0 && regions.every((x) => x !== undefined && !isXinjiang(x));
}

/** What 计划 is followed by when it is a verb (计划投资, 计划年内建成). */
const PLAN_VERB_AFTER = /^(?:投资|总投资|建设|实施|新建|开工|完成|完工|建成|投入|安排|年内|于|在|用)/u;
/** A department or a building inside a facility: 综合楼, 胸痛中心, 专家工作站. */
const FACILITY_PART = /(?:楼|中心|工作站|病房|实验室|院区)$/u;
/** A list line's number at the start of a line: 一、 / （二） / 3. / 4、 */
const LINE_ENUMERATOR = /^(?:[一二三四五六七八九十]{1,3}、|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[.．、])/u;

/**
 * Where a project's name starts when its suffix (ss..e) closes the numbered sentence of a list
 * line that holds only that name (一、P。 / 1. P： / a line of its own): just after the number. Not when the line lists
 * another project first (一、P和Q。), nor a name with punctuation inside.
 */
function listLineNameStart(ctx: Context, ss: number, e: number, cands: Mention[]): number | undefined {
  const { text } = ctx;
  if (!/^(?:[。；;：:]|\n|$)/u.test(text.slice(e, e + 1))) return undefined;
  const lineStart = text.lastIndexOf('\n', ss - 1) + 1;
  const enumerator = LINE_ENUMERATOR.exec(text.slice(lineStart, ss));
  if (!enumerator) return undefined;
  const start = lineStart + enumerator[0].length;
  if (ss - start < 2 || ss - start > 30 || /[，。；：、,;:！？\s“”《》]/u.test(text.slice(start, ss))) return undefined;
  if (cands.some((c) => c.kind === 'Project' && c.start >= start && c.end <= ss)) return undefined;
  return start;
}

/** Words of a sentence someone says, not of a name (pronouns, 把/被, 这里). */
const QUOTED_REMARK = /我们|你们|他们|咱们|大家|这里|那里|[把被]/u;

// Time words that may follow an organisation or project name (see suffixCandidate).
const TIME_WORD_AFTER_NAME = /^(?:日前|日内|日起|日至|年来|年初|年底|年末|年内|年中|年度|月初|月底|月中|月末|周边|周末)/;

interface SuffixScan {
  ctx: Context;
  table: Map<string, Suffix[]>;
  regions: Mention[];
  regionStarts: Map<number, Mention>;
  regionEnds: Map<number, Mention>;
  /** Candidates read so far (earlier ends first). */
  cands: Mention[];
}

/** The organisation/project whose suffix ends at e, if the text around it makes one. */
function suffixCandidate(scan: SuffixScan, e: number, suffix: Suffix): Mention | undefined {
  const { ctx, table, regions, regionStarts, regionEnds, cands } = scan;
  const { text } = ctx;
  const ss = e - suffix.word.length;
  const nextChar = text[e];
  // short suffixes must end a word: 交通部 yes, 干部 / 发展 / 党组织 / 集中学习 no
  const dateline = (suffix.word === '网' || suffix.word === '报') && /^(?:讯|\d{1,2}月\d{1,2}日电)/.test(text.slice(e, e + 8));
  // a paper by 报 alone only where it is one: its dateline (某某报讯) or a source line (来源：某某报)
  if (suffix.word === '报' && !dateline && !/来源[：:]\s*[^\s，。：:]{2,12}$/u.test(text.slice(Math.max(0, e - 20), e))) return undefined;
  if (suffix.word.length <= 2 && ctx.hasTokens && !ctx.tokenEnds.has(e) && !dateline && !titleStartsAt(ctx, e) && !(suffix.word.length === 2 && titleAfterWord(ctx, e, regionEnds, regionStarts))) return undefined;
  if (suffix.word.length === 1 && COMMON_ENDING_WORDS.some((w) => text.startsWith(w, e - w.length))) return undefined;
  // 日/节/周/月/年 right after a suffix usually continues a longer word (读书会月, 中心日), but a
  // separate time word after a name is plain news style: 某某有限公司日前, 某某项目年底竣工.
  if (nextChar && '日节周月年'.includes(nextChar) && !(ctx.tokenStarts.has(e) && TIME_WORD_AFTER_NAME.test(text.slice(e, e + 2)))) return undefined;
  // 所 + verb is the 所-construction ("what X needs / can give": 群众所需, 某省所能, 百姓所盼), not an office
  if (suffix.word === '所' && nextChar && SUO_CONSTRUCTION_VERBS.includes(nextChar)) return undefined;
  // a longer suffix continues after this one: 指挥部 in 前方指挥部阜康分指挥部 is handled at its own end
  // (but a title starting there ends the name: 某市教育局|局长, 某县文化馆|馆长)
  if (nextChar && table.get(nextChar) && suffix.word.length === 1 && isHan(nextChar) && !titleStartsAt(ctx, e)) return undefined;
  // 计划 right after an organisation's name is its verb (某某有限公司计划投资5亿元), not a plan
  // (and after a project's: 某县人民医院急诊综合楼计划投资N)
  if (suffix.word === '计划' && cands.some((c) => c.end === ss && (c.kind === 'Organization' || PLAN_VERB_AFTER.test(text.slice(e, e + 3))))) return undefined;
  let start = growLeft(ctx, ss, regionEnds, suffix);
  // a project's name that growLeft cut at a verb of its own (若羌县米兰镇|安居|供水改造工程) runs on to
  // the place at its head when only name words stand between
  if (suffix.project && !regionEnds.has(start)) start = regionHeadBefore(ctx, start, regionEnds, cands) ?? start;
  // a project suffix after a name already read runs over it: 某县人民医院门诊楼|项目, 某县第三中学|改扩建项目
  const named = suffix.project ? cands.filter((c) => c.end === ss && c.start < start).sort((a, b) => a.start - b.start)[0] : undefined;
  if (named) start = named.start;
  // …and over a facility's name with the project's own words between: 某县人民医院|能力提升|项目
  else if (suffix.project && start < ss) {
    const facility = cands.find((c) => c.end === start && FACILITY.test(c.text));
    if (facility) start = facility.start;
  }
  // a department or a building of a facility named just before, with its own words between
  // (某县人民医院|急诊|综合楼, 某县人民医院|血液透析|中心), which growLeft stops at (verbs)
  if (FACILITY_PART.test(suffix.word) && start > ss - 5) {
    // (a short part name: a verb phrase between, 某医院|共建远程医学|中心, is the sentence's)
    const facility = cands.find((c) => c.end <= start && ss - c.end <= 4 && FACILITY.test(c.attrs?.suffix ?? c.text) && /^[\u4e00-\u9fff]{1,4}$/u.test(text.slice(c.end, ss)) && !/共建|合作|联合|携手|援建|新建|建设|建成|[与和及在为]/u.test(text.slice(c.end, ss)));
    if (facility) start = facility.start;
  }
  // own-region abbreviations after a non-name: 20位县文工团, 从省教育厅
  if (!regionEnds.has(ss) && '省市县州'.includes(text[ss - 1] ?? '') && start < ss - 1 && !regionStarts.has(start)) {
    const before = text[ss - 2];
    if (!isHan(before) || '位名个的在和与及对向从由为到'.includes(before!)) start = ss - 1;
  }
  // a numbered sentence that holds one project's name and nothing else (二、某县红枣精深加工车间项目。):
  // all of the line is the name, verbs and facilities inside it too
  if (suffix.project) start = listLineNameStart(ctx, ss, e, cands) ?? start;
  // two regions where the later one is of a higher level: 博州湖北省援疆前方指挥部 starts at 湖北省
  const inside = regions.filter((r) => !r.attrs?.inside && r.start >= start && r.end <= ss);
  for (let i = 0; i < inside.length; i++) {
    for (let j = i + 1; j < inside.length; j++) {
      const later = inside[j]!;
      if (later.rule === 'lexicon-name' && LEVEL_RANK[later.kind]! < LEVEL_RANK[inside[i]!.kind]!) start = Math.max(start, later.start);
    }
  }
  // leading function characters and counts are not part of a name: 从省…, 287条…, 4所…
  while (start < ss && LEFT_STOP_SET.has(text[start]!) && !regionStarts.has(start) && !headsWord(ctx, start)) start++;
  const count = /^\d+(?:多|余)?[个条项名所家座批位种件]/.exec(text.slice(start, ss));
  if (count) start += count[0].length;
  // a county-level place before a company is where it is, not part of its name: 库尔勒市某某纺织集团
  const lead = regionStarts.get(start);
  // (unless the rest is generic: 某县供电公司 is named by its county)
  if (lead && lead.kind === 'County' && /集团|公司|控股|有限公司/.test(suffix.word) && lead.end < ss - 1 && !isGenericName(text.slice(lead.end, ss))) start = lead.end;
  // an aid verb before a facility's place is the sentence's, not the name's: 上海结对帮扶|莎车县人民医院
  // (an aid body keeps it: 某省对口支援某地前方指挥部)
  if (FACILITY.test(suffix.word)) {
    for (const r of regions) {
      if (r.attrs?.inside || r.start <= start || r.end > ss) continue;
      if (AID_VERB_END.test(text.slice(start, r.start))) start = r.start;
    }
  }
  let name = text.slice(start, ss);
  // own-region abbreviations: 省民政厅, 县文工团, 市委宣传部 keep a one-character name
  // (地区行署 is not 地 + 区行署: 区 there ends the word 地区)
  const ownRegion = /^[省市县州区]$/.test(name) && !(name === '区' && text[start - 1] === '地');
  const department = /^[部厅局委]$/.test(suffix.word);
  // 省援疆前方工作组: the own-region prefix makes a generic name specific
  const ownPrefix = /^[省市县州]/.test(name) && !regionStarts.has(start);
  if (!ownRegion && (name.length < 2 || (!department && !ownPrefix && GENERIC_NAME.has(name)))) return undefined;
  // a region's own government or party committee is the region, not a named organisation
  if (/^(?:委|党委|政府|人民政府|省委|市委|县委|常委会|省政府)$/.test(suffix.word) && /^[\u4e00-\u9fff]*[省市县州区委]$/.test(name) && (inside.length > 0 || ownRegion)) return undefined;
  if (/^(?:省委|市委|县委|省政府|区委|州委)/.test(name) && /委$|政府$|常委会$/.test(suffix.word)) return undefined;
  if (!department && !ownPrefix && !inside.length && isGenericName(name)) return undefined;
  // a crop or an animal before 种植基地/养殖基地 says what is grown, not whose base it is (枸杞种植基地)
  if (/^(?:种植|养殖)?基地$/u.test(suffix.word) && !inside.length && ctx.hasTokens && ctx.tokenStarts.has(start) && ctx.tokenTagOf(start, ss) === 'n') return undefined;
  if (/^(?:系列)?活动$|交流活动$/.test(suffix.word) && !/援|两地/.test(sentenceOf(ctx, start))) return undefined;
  if (suffix.word === '活动' && text[ss - 1] === '”') {
    const q = text.lastIndexOf('“', ss - 2);
    const inner = q >= 0 ? text.slice(q + 1, ss - 1) : '';
    if (ctx.ix.projectSuffixes.some((w) => inner.endsWith(w) && w !== '活动')) return undefined;
  }
  if (/^[\d.]+$/.test(name) || /^第?[一二三四五六七八九十\d]+[批个]?$/.test(name)) return undefined;
  // places (and generic words) before a bare 项目/工程 say where projects are, not one project's name
  // (援建兵团第一师阿拉尔市项目集中开工, 福建援疆项目落地见效); a county's or prefecture's short form
  // without its level may be a name word (某县新源项目), so only names with a level (伊犁州) and
  // provinces count as places
  // (援建项目 / 建设项目 / 援疆工程 are as bare: 天津援建项目惠及群众)
  const bareSuffix = suffix.word === '项目' || suffix.word === '工程' || (/(?:项目|工程)$/u.test(suffix.word) && isGenericName(suffix.word.slice(0, -2)));
  if (bareSuffix && inside.length > 0) {
    // (a supporter city's short form is a place too: 沈阳援疆项目)
    const places = inside.filter((r) => r.rule !== 'lexicon-alias' || r.kind === 'Province' || /[省市县区州盟]$/u.test(r.text) || outsideXinjiang(ctx, r)).sort((a, b) => a.start - b.start);
    let rest = '';
    let at = start;
    for (const r of places) {
      rest += text.slice(at, Math.max(at, r.start));
      at = Math.max(at, r.end);
    }
    rest += text.slice(at, ss);
    if (places.length > 0 && (rest === '' || isGenericName(rest))) return undefined;
  }
  // a region, a quotation, a number, or a company name (某某纺织集团|棉纺项目) makes it specific
  const hasRegion = inside.length > 0 || /^[“《]|\d|[A-Za-z]/.test(name) || pairingCompoundAt(ctx, start) || cands.some((c) => c.start >= start && c.end <= ss && /集团|公司|控股|股份|企业|厂$/u.test(c.attrs?.suffix ?? ''));
  let kind: 'Organization' | 'Project';
  if (suffix.project && !suffix.org) kind = 'Project';
  // (a factory being built is a project too: 援疆资金用于建设的某某加工厂)
  else if (suffix.org && !suffix.project) kind = (FACILITY.test(suffix.word) || /厂$/u.test(suffix.word)) && buildContext(ctx, start, e) ? 'Project' : 'Organization';
  else kind = buildContext(ctx, start, e) || !FACILITY.test(suffix.word) ? 'Project' : 'Organization';
  // a facility called 中心 is an organisation unless it is being built, or money is stated for it
  // (某某冷链中心总投资N, 由某省援疆资金N建设): a school or a hospital stays what it is
  if (/中心$/.test(suffix.word) && !/项目|工程/.test(suffix.word)) {
    kind = buildContext(ctx, start, e) || MONEY_AFTER_NAME.test(text.slice(e, e + 30).split(/[，。；！？\n]/u)[0]!) ? 'Project' : 'Organization';
  }
  // generic plan/activity words need a specific name: a region, a quotation, a number
  if (GENERIC_PROJECT.has(suffix.word) && !hasRegion) return undefined;
  // whole name quoted: “塔吉克民俗园” -> 塔吉克民俗园
  let s = start;
  let eEnd = e;
  if (text[s] === '“' && text[e] === '”' && !text.slice(s + 1, e).includes('“')) s += 1;
  else if (text[s] === '“' && !text.slice(s + 1, e).includes('”')) s += 1;
  if (text[s] === '（' || text[s] === '(') return undefined;
  name = text.slice(s, ss);
  if (name.length === 0) return undefined;
  return ctx.mention(kind, s, eEnd, kind === 'Project' ? 'project-suffix' : 'org-suffix', { attrs: { suffix: suffix.word } });
}

const GENERIC_WORDS = [...GENERIC_NAME, ...NAME_OK, '农民', '牧民', '农牧民', '专业', '后方', '康复', '群众', '活动', '服务', '双语', '牧场', '城乡', '城市', '乡村', '农村', '现代化', '高标准', '标准化', '大型', '小型', '新', '老', '大', '小', '一批', '多家'].sort((a, b) => b.length - a.length);

/** True when the name is made only of generic words (文化产业服务, 群众文化活动). */
/** GENERIC_WORDS by first character (same order): the first match is the same, fewer tries. */
const GENERIC_BY_FIRST = new Map<string, string[]>();
for (const g of GENERIC_WORDS) {
  const group = GENERIC_BY_FIRST.get(g[0]!);
  if (group) group.push(g);
  else GENERIC_BY_FIRST.set(g[0]!, [g]);
}

function isGenericName(name: string): boolean {
  let rest = name;
  for (let guard = 0; rest.length > 0 && guard < 20; guard++) {
    let w: string | undefined;
    for (const g of GENERIC_BY_FIRST.get(rest[0]!) ?? []) if (rest.startsWith(g)) { w = g; break; }
    if (!w) return false;
    rest = rest.slice(w.length);
  }
  return rest.length === 0;
}

function sentenceOf(ctx: Context, pos: number): string {
  const s = ctx.article.sentences.find((x) => x.start <= pos && pos < x.end);
  return s ? ctx.text.slice(s.start, s.end) : ctx.text.slice(Math.max(0, pos - 80), pos + 80);
}

/** The facility is being built or was built with aid, said in the same clause. */
function buildContext(ctx: Context, start: number, end: number): boolean {
  const before = ctx.text.slice(Math.max(0, start - 20), start).split(/[，。；：！？\n]/u).pop()!;
  const after = ctx.text.slice(end, end + 20).split(/[，。；！？\n]/u)[0]!;
  // (…由某某公司投资建设: who built it follows the name)
  return BUILD_CONTEXT.test(before) || /竣工|开工|建成|投用|投入使用|已做好开工|主体施工|^等?(?:援疆|援建|重点|民生)?项目|^由[^，。；]{2,30}?(?:投资|援建|出资|捐建)/.test(after);
}
