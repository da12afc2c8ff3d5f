import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from '../recognize/helpers.js';

const doc = (...texts: string[]) => resolveDocument(texts.map((t, index) => recognizeArticle(segmented(t, { index }))));

describe('resolve', () => {
  it('infers the home province from the source line and expands 省 abbreviations', () => {
    const [a] = doc('来源：江西日报\n省援疆前指和省教育厅负责人表示，我省将继续支持克州。');
    expect(a!.home?.label).toBe('江西省');
    const orgs = a!.entities.filter((e) => e.type === 'Organization').map((e) => e.label);
    expect(orgs).toContain('江西省援疆前方指挥部');
    expect(orgs).toContain('江西省教育厅');
    const pronoun = a!.mentions.find((m) => m.kind === 'Pronoun' && m.text === '我省');
    expect(pronoun?.entity?.label).toBe('江西省');
  });
  it("a Xinjiang prefecture's own paper speaking of 我州 has the prefecture as home", () => {
    const [a] = doc('伊犁日报讯\n本报记者 马丽\n江苏省对口支援我州以来，江苏省援疆资金持续投入。');
    expect(a!.home?.label).toBe('伊犁哈萨克自治州');
    expect(a!.mentions.find((m) => m.text === '我州')?.entity?.label).toBe('伊犁哈萨克自治州');
    // no 我州: the paper's prefecture is not the home
    const [b] = doc('伊犁日报讯\n本报记者 马丽\n江苏省援疆干部表示，江苏省将继续做好工作。');
    expect(b!.home?.label).not.toBe('伊犁哈萨克自治州');
  });
  it("a Xinjiang county's own voice (我县) has the county its source line or its text names as home", () => {
    const label = (text: string) => doc(text)[0]!.mentions.find((m) => m.text === '我县')?.entity?.label;
    // the county's media in the source line
    expect(label('我县召开项目推进会\n9月5日，我县召开援疆项目推进会。\n来源：乌什零距离')).toBe('乌什县');
    expect(label('来源：伊宁县融媒体中心\n我县举行招商引资签约仪式，浙江某企业落户。')).toBe('伊宁县');
    // no source line: the one Xinjiang county the article names, twice
    const [a] = doc('浙江援疆项目推进会召开\n今年浙江省援疆资金安排我县项目12个。乌什县县长说，乌什县人民医院项目年底完工。');
    expect(a!.mentions.find((m) => m.text === '我县')?.entity?.label).toBe('乌什县');
    expect(a!.home?.label).toBe('乌什县');
    // two counties, or one named once: unresolved
    expect(label('我县与乌什县、温宿县开展交流，乌什县和温宿县代表参加。')).toBeUndefined();
    expect(label('我县干部赴乌什县学习。')).toBeUndefined();
  });
  it('expands a commission\'s usual short name (教委, 卫健委)', () => {
    const [a] = doc('南昌市教委、阿克陶县卫健委负责人参加座谈。');
    const orgs = a!.entities.filter((e) => e.type === 'Organization').map((e) => e.label).sort();
    expect(orgs).toEqual(['南昌市教育委员会', '阿克陶县卫生健康委员会']);
  });
  it('infers home from a delegation led by a provincial leader, never from the file name', () => {
    const [a] = doc('省委书记王建国率河北省党政代表团赴巴州考察，我省援建项目进展顺利。');
    expect(a!.home?.label).toBe('河北省');
  });
  it('falls back to the other articles of the file when they agree', () => {
    const [a, b] = doc('来源：安徽日报\n安徽省援疆指挥部在皮山县召开会议。', '我省援疆干部表示，要做好工作。');
    expect(a!.home?.label).toBe('安徽省');
    expect(b!.home?.label).toBe('安徽省');
  });
  it('leaves home unset when several supporters are equally present', () => {
    const [a] = doc('江西援疆、山东援疆、湖北援疆、湖南援疆各有特色。');
    expect(a!.home).toBeUndefined();
  });
  it('merges an abbreviation into the full name seen in the same article', () => {
    const [a] = doc('南昌市第五批援疆工作组组长讲话。南昌援疆工作组还组织了培训。');
    const orgs = a!.entities.filter((e) => e.type === 'Organization');
    expect(orgs.map((e) => e.label)).toEqual(['南昌市第五批援疆工作组']);
    expect(orgs[0]!.aliases).toContain('南昌援疆工作组');
  });
  it('records level, code, counts and byline roles; output is sorted and repeatable', () => {
    const text = '记者 傅文军 报道 阿克陶县和阿克陶县的群众。';
    const [a] = doc(text);
    const county = a!.entities.find((e) => e.label === '阿克陶县')!;
    expect(county).toMatchObject({ type: 'County', level: 'county', code: '653022', mentions: 2 });
    expect(a!.entities.find((e) => e.label === '傅文军')!.attrs).toEqual({ role: '记者' });
    const keys = a!.entities.map((e) => e.key);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.stringify(doc(text)[0]!.entities)).toBe(JSON.stringify(a!.entities));
  });
});
