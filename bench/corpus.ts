// The bench corpus: the seed articles plus generated news about paired assistance, written
// from templates with a seeded PRNG. Places and supporters are public (the official pairings);
// people, projects, companies and hospitals are made up from syllable pools, so the graph
// grows like a real corpus's (many distinct people, projects and organisations) instead of
// repeating five articles. Never read from the gold file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const GENERATOR_VERSION = 4;

import { prng } from '../src/util/prng.js';

export { prng };

// Public pairings (supporter, short name, supported prefecture, a few of its counties).
const PAIRINGS: [string, string, string, string[]][] = [
  ['北京市', '北京', '和田地区', ['和田县', '墨玉县', '洛浦县']],
  ['天津市', '天津', '和田地区', ['民丰县', '策勒县', '于田县']],
  ['河北省', '河北', '巴音郭楞蒙古自治州', ['若羌县', '且末县', '尉犁县']],
  ['山西省', '山西', '昌吉回族自治州', ['阜康市', '吉木萨尔县']],
  ['辽宁省', '辽宁', '塔城地区', ['塔城市', '额敏县', '托里县']],
  ['吉林省', '吉林', '阿勒泰地区', ['阿勒泰市', '哈巴河县']],
  ['黑龙江省', '黑龙江', '阿勒泰地区', ['福海县', '富蕴县', '青河县']],
  ['上海市', '上海', '喀什地区', ['巴楚县', '莎车县', '泽普县', '叶城县']],
  ['江苏省', '江苏', '伊犁哈萨克自治州', ['霍城县', '新源县', '尼勒克县', '察布查尔锡伯自治县']],
  ['浙江省', '浙江', '阿克苏地区', ['阿瓦提县', '温宿县', '沙雅县', '乌什县']],
  ['安徽省', '安徽', '和田地区', ['皮山县']],
  ['福建省', '福建', '昌吉回族自治州', ['昌吉市', '玛纳斯县', '呼图壁县']],
  ['江西省', '江西', '克孜勒苏柯尔克孜自治州', ['阿克陶县']],
  ['山东省', '山东', '喀什地区', ['疏勒县', '英吉沙县', '麦盖提县', '岳普湖县']],
  ['河南省', '河南', '哈密市', ['伊州区', '巴里坤哈萨克自治县', '伊吾县']],
  ['湖北省', '湖北', '博尔塔拉蒙古自治州', ['博乐市', '精河县', '温泉县']],
  ['湖南省', '湖南', '吐鲁番市', ['高昌区', '鄯善县', '托克逊县']],
  ['广东省', '广东', '喀什地区', ['疏附县', '伽师县']],
  ['深圳市', '深圳', '喀什地区', ['喀什市', '塔什库尔干塔吉克自治县']],
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁欣晨阳昊然博文睿泽瑞嘉晓雪琳颖梦佳慧鑫宏志海波峰春成东亮林清永新光荣兴利国安德胜祥福远进';
const WORDS = [
  '天山', '丝路', '雪莲', '胡杨', '昆仑', '团结', '幸福', '光明', '希望', '阳光', '和谐', '振兴', '绿洲', '石榴',
  '同心', '金穗', '博雅', '红柳', '银杏', '长青', '远航', '启明', '晨曦', '春晖', '惠民', '兴业', '恒通',
  '瑞丰', '鼎盛', '华瑞', '宏达', '新源', '沃野', '金桥', '青松', '雄鹰', '骏马', '蓝天', '白云', '清泉', '丰收',
];
const FACILITIES = ['小学', '中学', '幼儿园', '职业技术学校', '人民医院综合楼', '妇幼保健院', '文化活动中心', '农业示范园', '产业园', '安居工程', '供水工程', '物流园', '科技孵化中心', '标准化厂房', '双语学校', '卫生院', '体育馆', '养老服务中心'];
const PROJECT_SUFFIXES = ['项目', '建设项目', '工程', '二期工程', ''];
const COMPANY_KINDS = ['纺织', '建材', '农业科技', '新能源', '食品', '物流', '电子', '光伏', '生物科技', '文化旅游'];
const COMPANY_SUFFIXES = ['集团', '有限公司', '股份有限公司', '集团有限公司'];
const TITLES = ['省委书记', '省长', '副省长', '市委书记', '市长', '副市长', '援疆前方指挥部总指挥', '指挥长', '副指挥长', '党委书记', '县委书记', '县长', '援疆干部', '校长', '院长', '董事长'];
const SOURCES = ['新华网', '人民网', '天山网', '中国新闻网', '光明网'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/**
 * Names recur as in real news: a few are everywhere, most appear a handful of times, and
 * new ones keep appearing (about 1 pick in 8 mints a new name), so the number of distinct
 * entities grows steadily but slower than the text.
 */
class RecurringNames {
  private readonly names: string[] = [];
  constructor(
    private readonly rnd: () => number,
    private readonly mint: () => string,
    private readonly newRate = 0.12,
  ) {}
  pick(): string {
    if (this.names.length === 0 || this.rnd() < this.newRate) {
      const name = this.mint();
      this.names.push(name);
      return name;
    }
    // Skewed towards the earliest (by now most famous) names.
    return this.names[Math.floor(this.names.length * this.rnd() ** 3)]!;
  }
}

function person(rnd: () => number): string {
  const n = rnd() < 0.7 ? 2 : 1;
  let name = pick(rnd, [...SURNAMES]);
  for (let i = 0; i < n; i++) name += pick(rnd, [...GIVEN]);
  return name;
}

function project(rnd: () => number, county: string): string {
  const place = county.replace(/(自治县|县|市|区)$/, '');
  const ordinal = rnd() < 0.3 ? `第${'一二三四五六七八九'[Math.floor(rnd() * 9)]}` : '';
  return `${place}${pick(rnd, WORDS)}${ordinal}${pick(rnd, FACILITIES)}${pick(rnd, PROJECT_SUFFIXES)}`;
}

function company(rnd: () => number, short: string): string {
  return `${short}${pick(rnd, WORDS)}${pick(rnd, WORDS)}${pick(rnd, COMPANY_KINDS)}${pick(rnd, COMPANY_SUFFIXES)}`;
}

function money(rnd: () => number): string {
  return rnd() < 0.5 ? `${(1 + Math.floor(rnd() * 90)) / 10}亿元` : `${100 + Math.floor(rnd() * 9900)}万元`;
}

interface NamePools {
  people: RecurringNames;
  projects: Map<string, RecurringNames>;
  companies: Map<string, RecurringNames>;
}

function pools(rnd: () => number): NamePools {
  return { people: new RecurringNames(rnd, () => person(rnd)), projects: new Map(), companies: new Map() };
}

function pooled(map: Map<string, RecurringNames>, key: string, rnd: () => number, mint: () => string): string {
  let pool = map.get(key);
  if (!pool) map.set(key, (pool = new RecurringNames(rnd, mint, 0.25)));
  return pool.pick();
}

/** One generated article (headline, dateline, paragraphs), ~1-3 KB of UTF-8. */
export function generateArticle(rnd: () => number, names: NamePools = pools(rnd)): string {
  const [province, short, prefecture, counties] = pick(rnd, PAIRINGS);
  const county = pick(rnd, counties);
  const leader = names.people.pick();
  const cadre = names.people.pick();
  const expert = names.people.pick();
  const newProject = () => pooled(names.projects, county, rnd, () => project(rnd, county));
  const newCompany = () => pooled(names.companies, short, rnd, () => company(rnd, short));
  const proj = newProject();
  const proj2 = newProject();
  const firm = newCompany();
  const other = () => names.people.pick();
  const year = 2011 + Math.floor(rnd() * 14);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  const headline = pick(rnd, [
    `${short}援疆：${county}${pick(rnd, WORDS)}项目建设提速`,
    `${province}党政代表团赴${prefecture}考察对口支援工作`,
    `${proj}正式投入使用`,
    `${short}${pick(rnd, ['企业', '干部', '医生', '教师'])}助力${county}高质量发展`,
  ]);
  const sentences = [
    `${year}年${month}月${day}日，${province}${pick(rnd, TITLES)}${leader}率团赴${prefecture}${county}考察${proj}建设情况。`,
    `${province}对口支援${prefecture}以来，累计投入援疆资金${money(rnd)}，实施${proj}、${proj2}等${2 + Math.floor(rnd() * 40)}个项目。`,
    `${province}援疆前方指挥部${pick(rnd, TITLES)}${cadre}介绍，${proj2}总投资${money(rnd)}，建成后可惠及${1000 + Math.floor(rnd() * 50000)}名群众。`,
    `${firm}在${county}投资${money(rnd)}建设生产基地，带动当地${100 + Math.floor(rnd() * 3000)}人就业。`,
    `${leader}指出，要深入贯彻落实第三次中央新疆工作座谈会精神，推动对口援疆工作向纵深发展。`,
    `援疆干部${expert}在${county}${pick(rnd, ['人民医院', '第一中学', '职业技术学校'])}工作${1 + Math.floor(rnd() * 3)}年，开展“组团式”帮扶。`,
    `${cadre}表示，将进一步深化${short}新两地交往交流交融，促进各民族像石榴籽一样紧紧抱在一起。`,
    `${firm}与${newCompany()}签署合作协议，共同开拓中亚市场。`,
    `座谈会上，${prefecture}党委${pick(rnd, ['书记', '副书记'])}${other()}对${province}长期以来的无私援助表示感谢。`,
    `据了解，${proj}由${province}援建，位于${county}${pick(rnd, WORDS)}镇，占地面积${10 + Math.floor(rnd() * 500)}亩。`,
    `今年以来，${short}援疆累计选派${10 + Math.floor(rnd() * 300)}名专业技术人才，培训当地干部群众${1000 + Math.floor(rnd() * 9000)}人次。`,
    `${other()}、${other()}等参加有关活动。`,
  ];
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(rnd() * 5);
  for (let p = 0; p < count; p++) {
    let para = '';
    const n = 2 + Math.floor(rnd() * 4);
    for (let s = 0; s < n; s++) para += pick(rnd, sentences);
    paragraphs.push(`  ${para}`);
  }
  const dateline = `${year}-${pad(month)}-${pad(day)} ${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:00  来源：${pick(rnd, SOURCES)}`;
  return `${headline}\n${dateline}\n\n${paragraphs.join('\n\n')}\n`;
}

export interface CorpusInfo {
  dir: string;
  bytes: number;
  files: number;
}

/**
 * Writes about `targetBytes` of text into `dir`: files of 0.1–1 MiB (one of 8 MiB, to
 * exercise a very large single file) and a copy of the seeds every ~5 MiB. Reuses an
 * existing corpus generated with the same parameters.
 */
export async function generateCorpus(dir: string, targetBytes: number, seed: number, seedsDir: string): Promise<CorpusInfo> {
  // Hidden, so listInputFiles does not visit it.
  const manifestPath = join(dir, '.manifest.json');
  const manifest = { version: GENERATOR_VERSION, targetBytes, seed };
  if (existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === JSON.stringify(manifest)) {
    return describe(dir);
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const rnd = prng(seed);
  const names = pools(rnd);
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const seedTexts = await Promise.all(seeds.map((f) => readFile(join(seedsDir, f))));
  let written = 0;
  let fileIndex = 0;
  let nextSeedCopy = 0;
  while (written < targetBytes) {
    if (written >= nextSeedCopy) {
      for (let i = 0; i < seeds.length; i++) {
        await writeFile(join(dir, `seed-${String(fileIndex).padStart(5, '0')}-${seeds[i]}`), seedTexts[i]!);
        written += seedTexts[i]!.length;
      }
      fileIndex++;
      nextSeedCopy += 5 << 20;
      continue;
    }
    const size = fileIndex === 3 ? 8 << 20 : Math.floor((0.1 + rnd() * 0.9) * (1 << 20));
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < size && written + bytes < targetBytes) {
      const text = generateArticle(rnd, names);
      parts.push(text);
      bytes += Buffer.byteLength(text) + 1;
    }
    const body = parts.join('\n');
    await writeFile(join(dir, `news-${String(fileIndex).padStart(5, '0')}.txt`), body);
    written += Buffer.byteLength(body);
    fileIndex++;
  }
  await writeFile(manifestPath, JSON.stringify(manifest));
  return describe(dir);
}

function describe(dir: string): CorpusInfo {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.txt')) continue;
    bytes += statSync(join(dir, name)).size;
    files++;
  }
  return { dir, bytes, files };
}
