import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/lexicon/index.js';
import type { Region } from '../../src/lexicon/api.js';

const lex = getLexicon();
const names = (rs: Region[]) => rs.map((r) => r.name);

describe('regions', () => {
  it('has all 31 provinces, the prefecture-level units and the counties of GB/T 2260', () => {
    const byLevel = (level: string) => lex.regions.filter((r) => r.level === level);
    expect(byLevel('province')).toHaveLength(31);
    expect(byLevel('prefecture').length).toBeGreaterThanOrEqual(330);
    expect(byLevel('county').length).toBeGreaterThanOrEqual(2800);
    // the statistics bureau's functional zones (code xxxx7x, 开发区 ...) are not divisions
    expect(lex.regions.some((r) => r.code && r.code[4] === '7' && r.level === 'county')).toBe(false);
    for (const m of ['北京市', '天津市', '上海市', '重庆市']) expect(lex.regionByName(m)?.type).toBe('Province');
  });

  it('has unique six-digit codes', () => {
    const codes = lex.regions.flatMap((r) => (r.code ? [r.code] : []));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(lex.regionByName('阜康市')?.code).toBe('652302');
    expect(lex.regionByCode('652302')?.name).toBe('阜康市');
  });

  it('links every parent up to a Province, without cycles', () => {
    for (const r of lex.regions) {
      let cur: Region | undefined = r;
      const seen = new Set<string>();
      while (cur && cur.type !== 'Province') {
        expect(seen.has(cur.name), `cycle at ${cur.name}`).toBe(false);
        seen.add(cur.name);
        expect(cur.parent, `${cur.name} has no parent`).toBeTruthy();
        cur = lex.parentOf(cur);
        expect(cur, `${r.name}: parent not found`).toBeDefined();
      }
      expect(lex.provinceOf(r)?.type).toBe('Province');
    }
  });

  it('gives counties under 市辖区 / 省直辖 placeholders a real parent', () => {
    expect(lex.regionByName('海淀区')?.parent).toBe('北京市');
    expect(lex.regionByName('仙桃市')?.parent).toBe('湖北省');
    expect(lex.regions.some((r) => /市辖区|直辖县级/.test(r.name) || /市辖区|直辖县级/.test(r.parent ?? ''))).toBe(false);
  });

  it('resolves province and prefecture short names', () => {
    expect(names(lex.lookupRegion('山西'))).toEqual(['山西省']);
    expect(names(lex.lookupRegion('新疆'))).toEqual(['新疆维吾尔自治区']);
    expect(names(lex.lookupRegion('内蒙古'))).toEqual(['内蒙古自治区']);
    expect(names(lex.lookupRegion('广西'))).toEqual(['广西壮族自治区']);
    expect(names(lex.lookupRegion('昌吉州'))).toEqual(['昌吉回族自治州']);
    expect(names(lex.lookupRegion('克州'))).toEqual(['克孜勒苏柯尔克孜自治州']);
    expect(names(lex.lookupRegion('巴州'))).toEqual(['巴音郭楞蒙古自治州']);
    expect(names(lex.lookupRegion('博州'))).toEqual(['博尔塔拉蒙古自治州']);
    expect(names(lex.lookupRegion('伊犁'))).toEqual(['伊犁哈萨克自治州']);
    expect(names(lex.lookupRegion('塔城'))).toEqual(['塔城地区']);
    expect(names(lex.lookupRegion('延边州'))).toEqual(['延边朝鲜族自治州']);
    expect(names(lex.lookupRegion('扬州'))).toEqual(['扬州市']);
    expect(names(lex.lookupRegion('锡林郭勒'))).toEqual(['锡林郭勒盟']);
  });

  it('gives Xinjiang counties short names, inland districts none', () => {
    expect(names(lex.lookupRegion('额敏'))).toEqual(['额敏县']);
    expect(names(lex.lookupRegion('巴里坤'))).toEqual(['巴里坤哈萨克自治县']);
    expect(names(lex.lookupRegion('石河子'))).toEqual(['石河子市']);
    expect(lex.lookupRegion('和平')).toEqual([]);
    expect(lex.lookupRegion('长安')).toEqual([]);
    expect(lex.lookupRegion('城关')).toEqual([]);
    expect(lex.lookupRegion('温泉')).toEqual([]); // 温泉县: a common word
    expect(names(lex.lookupRegion('朝阳区')).length).toBeGreaterThan(1); // ambiguous: several
  });

  it('has the XPCC, its divisions and the cities they administer', () => {
    expect(lex.regionByName('新疆生产建设兵团')).toMatchObject({ type: 'Province', level: 'xpcc' });
    expect(names(lex.lookupRegion('兵团'))).toEqual(['新疆生产建设兵团']);
    for (const s of ['六师', '农六师', '兵团第六师', '兵团六师', '第六师'])
      expect(names(lex.lookupRegion(s)), s).toEqual(['新疆生产建设兵团第六师']);
    expect(lex.regionByName('新疆生产建设兵团第十四师')).toMatchObject({ type: 'Prefecture', level: 'xpcc-division' });
    expect(lex.lookupRegion('第一师阿拉尔市')).toEqual([]);
    expect(lex.regionByName('五家渠市')).toMatchObject({ type: 'County', parent: '新疆生产建设兵团第六师' });
    expect(lex.regionByName('阿拉尔市')?.parent).toBe('新疆生产建设兵团第一师');
    expect(lex.regionByName('石河子市')?.parent).toBe('新疆生产建设兵团第八师');
  });

  it('has regiments under both numeral spellings', () => {
    const regiment = '新疆生产建设兵团第十二师二二二团';
    for (const s of ['二二二团', '222团', '第十二师二二二团', '十二师二二二团', '兵团第十二师222团'])
      expect(names(lex.lookupRegion(s)), s).toEqual([regiment]);
    expect(lex.regionByName(regiment)).toMatchObject({ type: 'County', level: 'xpcc-regiment', parent: '新疆生产建设兵团第十二师', number: 222 });
    expect(lex.regionByName('新疆生产建设兵团第十二师')?.number).toBe(12);
    expect(names(lex.lookupRegion('六十六团'))).toEqual(['新疆生产建设兵团第四师六十六团']);
    expect(names(lex.lookupRegion('66团'))).toEqual(['新疆生产建设兵团第四师六十六团']);
    expect(names(lex.lookupRegion('一〇一团'))).toEqual(names(lex.lookupRegion('101团')));
    // 一团 is an ordinary word (一团和气): only with its division
    expect(lex.lookupRegion('一团')).toEqual([]);
    expect(names(lex.lookupRegion('第一师一团'))).toEqual(['新疆生产建设兵团第一师一团']);
  });
});

describe('supporters', () => {
  const expected: Record<string, string[]> = {
    北京: ['京'], 天津: ['津'], 河北: ['冀'], 山西: ['晋'], 辽宁: ['辽'], 吉林: ['吉'], 黑龙江: ['黑', '龙'],
    上海: ['沪'], 江苏: ['苏'], 浙江: ['浙'], 安徽: ['皖'], 福建: ['闽'], 江西: ['赣'], 山东: ['鲁'],
    河南: ['豫'], 湖北: ['鄂'], 湖南: ['湘'], 广东: ['粤'], 深圳: ['深'],
  };

  it('has the 19 supporters with their one-character abbreviations', () => {
    expect(lex.supporters).toHaveLength(19);
    for (const [short, abbr] of Object.entries(expected)) {
      const s = lex.supporterByName(short);
      expect(s, short).toBeDefined();
      expect(lex.supporterByName(s!.name)).toBe(s);
      expect(s!.abbr).toEqual(abbr);
      for (const ch of abbr) expect(lex.supporterByAbbr(ch)).toBe(s);
      expect(lex.regionByName(s!.name)?.type).toBe(s!.type);
    }
    expect(lex.supporterByName('深圳市')?.type).toBe('Prefecture');
    expect(lex.supporterByAbbr('新')).toBeUndefined();
  });

  it('knows the official pairing', () => {
    const supports = (short: string) => lex.supporterByName(short)!.supports;
    expect(supports('山西')).toEqual(expect.arrayContaining(['昌吉回族自治州', '新疆生产建设兵团第六师']));
    expect(supports('湖北')).toEqual(expect.arrayContaining(['博尔塔拉蒙古自治州', '新疆生产建设兵团第五师']));
    expect(supports('河南')).toEqual(expect.arrayContaining(['哈密市', '新疆生产建设兵团第十三师']));
    expect(supports('浙江')).toEqual(expect.arrayContaining(['阿克苏地区', '新疆生产建设兵团第一师']));
    expect(supports('江苏')).toEqual(expect.arrayContaining(['克孜勒苏柯尔克孜自治州', '伊犁哈萨克自治州']));
    expect(supports('湖南')).toContain('吐鲁番市');
    expect(supports('深圳')).toContain('喀什地区');
    expect(supports('天津')).toContain('和田地区');
    expect(supports('辽宁')).toContain('塔城地区');
    expect(supports('吉林')).toContain('阿勒泰地区');
    for (const s of lex.supporters) for (const t of s.supports) expect(lex.regionByName(t), t).toBeDefined();
  });

  it('reads Xinjiang abbreviations of pairing compounds', () => {
    expect(names(lex.regionAbbr('疆'))).toEqual(['新疆维吾尔自治区']);
    expect(names(lex.regionAbbr('喀'))).toEqual(['喀什地区']);
    expect(names(lex.regionAbbr('博'))).toEqual(['博尔塔拉蒙古自治州']);
    expect(names(lex.regionAbbr('阿'))).toEqual(['阿克苏地区', '阿勒泰地区', '阿拉尔市']);
    expect(lex.regionAbbr('晋')).toEqual([]);
  });
});

describe('terms', () => {
  it('has titles and suffixes, sorted and unique', () => {
    for (const list of [lex.titles, lex.orgSuffixes, lex.projectSuffixes]) {
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
    for (const t of ['党委书记', '省委书记', '副省长', '常务副省长', '县委书记', '司令员', '政委', '指挥长', '援疆干部', '记者'])
      expect(lex.isTitle(t), t).toBe(true);
    expect(lex.isTitle('新疆')).toBe(false);
    expect(lex.orgSuffixes).toEqual(expect.arrayContaining(['指挥部', '前方指挥部', '集团', '医院', '大学', '委员会', '厅']));
    expect(lex.projectSuffixes).toEqual(expect.arrayContaining(['项目', '工程', '产业园', '小学', '中心', '生产线']));
  });

  it('is one shared instance', () => {
    expect(getLexicon()).toBe(lex);
  });
});
