// Organisations and projects: find a suffix from the lexicon (指挥部, 集团, 医院 / 项目, 工程, 小学),
// then grow the name leftwards over name-like characters (regions, numbers, 第N批, quotes) until a
// boundary: punctuation, a function word, a verb or a category noun (援疆企业|信友能源集团).
// Also: 《…》 works in an aid context, “…”-quoted named activities, and 新源六中-style schools.
import type { Mention } from '../types.js';
import { type Context, isHan } from './context.js';

/** One-character suffixes are too ambiguous except these (each also needs a token end). */
const ONE_CHAR_OK = new Set(['厅', '局', '委', '部', '院', '馆', '所', '网', '厂', '署', '展']);
/** Suffixes that denote a generic activity/plan: the name part must be specific. */
const GENERIC_PROJECT = new Set(['活动', '行动', '计划', '工程', '规划', '项目', '市场', '展', '展览', '基地', '中心', '广场', '公园', '公路', '小区', '新村', '交流活动', '系列活动', '口岸', '展会', '管道', '铁路', '水库']);
const DROP_SUFFIX = new Set(['企业', '会', '办', '团', '处', '社', '报', '站', '队']);
/** Words a one-character suffix ends without naming an organisation. */
const COMMON_ENDINGS = new Set([
  '干部', '全部', '内部', '外部', '局部', '东部', '西部', '南部', '北部', '中部', '总部', '基部', '俱乐部', '支部',
  '结局', '布局', '格局', '大局', '全局', '当局', '开局', '医院', '学院', '法院', '庭院', '场所', '住所', '诊所',
  '厕所', '处所', '会所', '展馆', '场馆', '宾馆', '饭馆', '网络', '电网', '上网', '联网', '互联网', '物联网',
  '工厂', '会展', '发展', '进展', '拓展', '开展', '扩展', '伸展', '施展', '展厅', '党委', '纪委', '村委', '两委',
  '编委', '常委', '政委', '五部', '各部', '一部', '本部', '分部', '党支部', '全院', '各院', '部委',
]);
const LEFT_STOPS = [
  '组织', '联合', '举办', '参加', '考察', '观摩', '投资', '收购', '打造', '推动', '实施', '包括', '入选', '公布',
  '建成', '投用', '新建', '援建', '依托', '通过', '利用', '支持', '帮助', '协调', '引进', '走进', '来到', '前往',
  '看望', '慰问', '推进', '开展', '加强', '成立', '组建', '设立', '召开', '主办', '承办', '牵头', '对接', '签约',
  '签订', '捐赠', '捐建', '资助', '选派', '派出', '邀请', '联手', '携手', '共建', '落户', '进驻', '入驻', '启动',
  '完成', '开工', '竣工', '观看', '参观', '访问', '走访', '到访', '调研', '视察', '检查', '指导', '发布', '印发',
  '出台', '获得', '荣获', '获批', '授予', '评为', '列为', '成为', '纳入', '整合', '兼并', '以及', '设在', '位于',
  '企业', '单位', '部门', '机构', '高校', '学校', '院校', '三甲医院', '医院', '公司', '集团', '记者', '通讯员',
  '还', '与', '和', '同', '及', '或', '向', '对', '在', '于', '从', '由', '为', '被', '把', '将', '让', '给', '到',
  '赴', '至', '经', '据', '按', '以', '是', '有', '了', '着', '过', '的', '地', '得', '等', '并', '也', '都', '又',
  '再', '就', '才', '已', '曾', '正', '这', '那', '其', '该', '各', '每', '某', '此', '之', '我', '你', '他', '她',
  '它', '们', '个', '名', '位', '座', '项', '户', '次', '余', '多', '即', '后', '前往', '任', '兼',
];
const GENERIC_NAME = new Set([
  '三甲', '人民', '中', '各级', '各类', '相关', '有关', '当地', '基层', '县级', '市级', '省级', '地方', '定点',
  '民营', '公立', '大型', '重点', '一流', '知名', '国家级', '综合', '专科', '乡镇', '社区', '村级', '中小', '本地',
  '全国', '全省', '两地', '援疆', '对口', '受援', '新建', '驻村', '其他', '所有', '一批', '示范', '高标准', '现代化',
  '优质', '民心', '民生', '惠民', '文化', '交流', '帮扶', '扶贫', '脱贫', '产业', '援建', '建设', '重大', '标志性',
  '精品', '公益', '主题', '专项', '系列', '双向', '结对', '教育', '医疗', '卫生', '职业', '技能', '培训', '人才',
  '党建', '宣传', '统战', '组织', '纪检', '民族', '团结', '服务', '志愿', '市场', '监管', '中小学', '高等', '普通',
  '同类', '下属', '附属', '合作', '配套', '新型', '传统', '线上', '线下', '网上', '内地', '疆内', '区内', '省内',
]);
const FACILITY = /医院|学校|学院|中学|小学|幼儿园|博物馆|图书馆|体育馆|文化馆|中心|卫生院|敬老院|养老院/;
const BUILD_CONTEXT = /援建|新建|建成|竣工|开工|投用|投入使用|改扩建|在建|开建|建设中|总投资|全额投资/;
const DOC_TITLE = /(?:条例|意见|办法|方案|纲要|规定|通知|决定|标准|报告|法|协议|选编|摘编|论述|读本|规划|细则|公约|守则)$/;
const WORK_CUE = /剧目|话剧|歌剧|舞剧|音乐剧|剧|作品|电影|演出|节目|歌曲|舞蹈|纪录片|专题片|图书|丛书|书画/;

interface Suffix { word: string; project: boolean; org: boolean }

function suffixTable(ctx: Context): Map<string, Suffix[]> {
  const byLast = new Map<string, Suffix[]>();
  const orgs = new Set(ctx.ix.orgSuffixes);
  const projects = new Set(ctx.ix.projectSuffixes);
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

const CLOSE_TO_OPEN: Record<string, string> = { '”': '“', '）': '（', ')': '(', '》': '《' };

/** Leftmost start of the name ending at `end` whose suffix starts at `suffixStart`. */
function growLeft(ctx: Context, suffixStart: number, regionStarts: Map<number, Mention>): number {
  const { text } = ctx;
  let p = suffixStart;
  const limit = Math.max(0, suffixStart - 24);
  while (p > limit) {
    const c = text[p - 1]!;
    const open = CLOSE_TO_OPEN[c];
    if (open) {
      const q = text.lastIndexOf(open, p - 2);
      if (q < 0 || q < limit || text.slice(q, p).includes('\n')) break;
      p = q;
      continue;
    }
    if (!(isHan(c) || /[0-9A-Za-z×·]/.test(c))) break;
    // a region ending here is part of the name (even if its last char is a stop character)
    const before = text.slice(Math.max(0, p - 4), p);
    if (LEFT_STOPS.some((w) => before.endsWith(w))) {
      const region = [...regionStarts.values()].find((r) => r.end === p && r.start < p);
      if (!region) break;
    }
    p -= 1;
  }
  return p;
}

const LEVEL_RANK: Record<string, number> = { Province: 0, Prefecture: 1, County: 2 };

export function findOrganizations(ctx: Context, regions: Mention[]): Mention[] {
  const { text } = ctx;
  const table = suffixTable(ctx);
  const regionStarts = new Map<number, Mention>();
  for (const r of regions) if (!r.attrs?.inside) regionStarts.set(r.start, r);
  const cands: Mention[] = [];

  for (let e = 1; e <= text.length; e++) {
    const list = table.get(text[e - 1]!);
    if (!list) continue;
    const suffix = list.find((s) => text.startsWith(s.word, e - s.word.length));
    if (!suffix) continue;
    const ss = e - suffix.word.length;
    const nextChar = text[e];
    // 一 suffix must end a word: 教育部 yes, 干部 / 发展 no
    if (suffix.word.length === 1) {
      if (ctx.hasTokens && !ctx.tokenEnds.has(e)) continue;
      if ([...COMMON_ENDINGS].some((w) => text.startsWith(w, e - w.length))) continue;
    }
    if (COMMON_ENDINGS.has(suffix.word)) continue;
    // a longer suffix continues after this one: 指挥部 in 前方指挥部阜康分指挥部 is handled at its own end
    if (nextChar && table.get(nextChar) && suffix.word.length === 1 && isHan(nextChar)) continue;
    let start = growLeft(ctx, ss, regionStarts);
    if (ctx.hasTokens && !ctx.tokenStarts.has(start) && !regionStarts.has(start) && text[start] !== '“') {
      let q = start;
      while (q < ss && !ctx.tokenStarts.has(q)) q++;
      start = q;
    }
    // two regions where the later one is of a higher level: 昌吉州山西省援疆前方指挥部 starts at 山西省
    const inside = regions.filter((r) => !r.attrs?.inside && r.start >= start && r.end <= ss);
    for (let i = 0; i < inside.length; i++) {
      for (let j = i + 1; j < inside.length; j++) {
        if (LEVEL_RANK[inside[j]!.kind]! < LEVEL_RANK[inside[i]!.kind]!) start = Math.max(start, inside[j]!.start);
      }
    }
    let name = text.slice(start, ss);
    // own-region abbreviations: 省司法厅, 县歌舞团, 市委组织部 keep a one-character name
    const ownRegion = /^[省市县州区]$/.test(name) || (name === '' && false);
    if (!ownRegion && (name.length < 2 || GENERIC_NAME.has(name.replace(/^[省市县州区]/, '')))) continue;
    if (/^[\d.]+$/.test(name) || /^第?[一二三四五六七八九十\d]+[批个]?$/.test(name)) continue;
    const hasRegion = inside.length > 0 || /[“”《》\d]/.test(name);
    let kind: 'Organization' | 'Project';
    if (suffix.project && !suffix.org) kind = 'Project';
    else if (suffix.org && !suffix.project) kind = FACILITY.test(suffix.word) && buildContext(ctx, start, e) ? 'Project' : 'Organization';
    else kind = buildContext(ctx, start, e) || !FACILITY.test(suffix.word) ? 'Project' : 'Organization';
    if (kind === 'Project' && GENERIC_PROJECT.has(suffix.word) && !hasRegion && name.length < 4) continue;
    // whole name quoted: “哈萨克风情园” -> 哈萨克风情园
    let s = start;
    let eEnd = e;
    if (text[s] === '“' && text[e] === '”' && !text.slice(s + 1, e).includes('“')) s += 1;
    else if (text[s] === '“' && !text.slice(s + 1, e).includes('”')) s += 1;
    if (text[s] === '（' || text[s] === '(') continue;
    name = text.slice(s, ss);
    if (name.length === 0) continue;
    cands.push(ctx.mention(kind, s, eEnd, kind === 'Project' ? 'project-suffix' : 'org-suffix', { attrs: { suffix: suffix.word } }));
  }

  // 新源县六中 / 新源六中: a region followed by (第)N中
  for (const m of text.matchAll(/第?[一二三四五六七八九十]{1,2}中(?![心国央华间旬期层秋午级])/gu)) {
    const r = regions.find((x) => x.end === m.index && !x.attrs?.inside);
    if (!r) continue;
    cands.push(ctx.mention('Organization', r.start, m.index! + m[0].length, 'school-abbrev', { attrs: { suffix: '中学' } }));
  }

  // “…”-quoted activities and plans: “扬州新源文化旅游交流月”活动, “深喀产业协作共兴行动计划”
  for (const m of text.matchAll(/“([^“”\n]{2,30})”(系列活动|活动)?/gu)) {
    const inner = m[1]!;
    const innerStart = m.index! + 1;
    const projSuffix = ctx.ix.projectSuffixes.find((w) => inner.endsWith(w) && inner.length > w.length + 1);
    if (m[2] && (m[2] === '系列活动' || !projSuffix)) {
      if (/[，,。；！？]/.test(inner) || !/援|两地|交流|结对|帮扶/.test(text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 10))) continue;
      cands.push(ctx.mention('Project', m.index!, m.index! + m[0].length, 'quoted-activity', { attrs: { suffix: m[2] } }));
    } else if (projSuffix && !/[，,。；！？]/.test(inner)) {
      cands.push(ctx.mention('Project', innerStart, innerStart + inner.length, 'quoted-activity', { attrs: { suffix: projSuffix } }));
    }
  }

  // 《生命如歌》: a work in an aid context (not a law, a plan or a document)
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

  // overlaps: longest wins; a candidate inside a longer one is kept, marked nested
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const c of cands) {
    const host = kept.find((k) => !k.attrs?.inside && k.start <= c.start && c.end <= k.end);
    if (host) {
      if (host.start === c.start && host.end === c.end) continue;
      c.attrs = { ...c.attrs, inside: host.kind };
      kept.push(c);
      continue;
    }
    if (kept.some((k) => !k.attrs?.inside && c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept;
}

function buildContext(ctx: Context, start: number, end: number): boolean {
  const before = ctx.text.slice(Math.max(0, start - 14), start);
  const after = ctx.text.slice(end, end + 14);
  return BUILD_CONTEXT.test(before) || /^[^，。；]*?(?:竣工|开工|建成|投用|投入使用|已做好开工)/.test(after);
}
