// SUPPORTS rules on invented sentences (other supporters and regions than the samples).
import { describe, expect, it } from 'vitest';
import { edges, relate, relationsIn } from './fixture.js';

const supports = (text: string, specs: Parameters<typeof relate>[1], home?: string) =>
  edges(relate(text, specs, home ? { home } : {}), 'SUPPORTS');

describe('sup.explicit: 对口支援 + list', () => {
  it('gives one edge per listed region, prefecture and its counties', () => {
    expect(
      supports('广东省对口支援喀什地区疏附、伽师两县，十多年来成效显著。', [
        ['Province', '广东省'],
        ['Prefecture', '喀什地区'],
        ['County', '疏附'],
        ['County', '伽师'],
      ]),
    ).toEqual(['SUPPORTS 广东省 -> 伽师县', 'SUPPORTS 广东省 -> 喀什地区', 'SUPPORTS 广东省 -> 疏附县']);
  });

  it('uses 我省 (the article home) as supporter and reads 以来 as since', () => {
    const records = relate('2010年以来，我省全方位对口支援博尔塔拉蒙古自治州和兵团第五师。', [
      ['Date', '2010年', '2010'],
      ['Pronoun', '我省'],
      ['Prefecture', '博尔塔拉蒙古自治州'],
      ['Prefecture', '兵团第五师', '新疆生产建设兵团第五师'],
    ], { home: '湖北省' });
    expect(edges(records, 'SUPPORTS')).toEqual(['SUPPORTS 湖北省 -> 博尔塔拉蒙古自治州', 'SUPPORTS 湖北省 -> 新疆生产建设兵团第五师']);
    expect(records.find((r) => r.type === 'SUPPORTS')!.attrs.since).toBe(2010);
  });

  it('takes 新疆 as target when the text says 对口支援新疆, but not for 新疆+a prefecture', () => {
    expect(supports('福建省对口支援新疆工作取得新成绩。', [['Province', '福建省'], ['Province', '新疆']])).toEqual(['SUPPORTS 福建省 -> 新疆维吾尔自治区']);
    expect(
      supports('吉林省对口支援新疆阿勒泰地区，派出第十批干部。', [['Province', '吉林省'], ['Province', '新疆'], ['Prefecture', '阿勒泰地区']]),
    ).toEqual(['SUPPORTS 吉林省 -> 阿勒泰地区']);
  });
});

describe('sup.pair and sup.command', () => {
  it('S与X共建 / S与X、Y携手 is a pairing; two provinces cooperating are not', () => {
    expect(
      supports('湖南省与吐鲁番市共建的产业园区已投产。', [['Province', '湖南省'], ['Prefecture', '吐鲁番市']]),
    ).toEqual(['SUPPORTS 湖南省 -> 吐鲁番市']);
    const records = relate('湖南省与广东省共建粤港澳合作园区。', [['Province', '湖南省'], ['Province', '广东省']]);
    expect(edges(records, 'SUPPORTS')).toEqual([]);
    expect(edges(records, 'COOPERATES_WITH')).toEqual(['COOPERATES_WITH 广东省 -> 湖南省']);
  });

  it("reads the partner from an aid office's name and not 新疆 before it", () => {
    expect(
      supports('浙江省对口支援新疆阿克苏前方指挥部召开会议。', [['Organization', '浙江省对口支援新疆阿克苏前方指挥部']]),
    ).toEqual(['SUPPORTS 浙江省 -> 阿克苏地区']);
  });

  it('an aid office written after the partner region sits in it', () => {
    expect(
      supports('代表团来到博州湖北省援疆前方指挥部看望干部。', [['Prefecture', '博州'], ['Organization', '湖北省援疆前方指挥部']]),
    ).toEqual(['SUPPORTS 湖北省 -> 博尔塔拉蒙古自治州']);
  });
});

describe('sup.abbr and sup.compound', () => {
  it('reads one-character pairing compounds checked against the official pairing', () => {
    expect(supports('鲁喀协作结出硕果。', [])).toEqual(['SUPPORTS 山东省 -> 喀什地区']);
    expect(supports('闽昌携手谱新篇。', [])).toEqual(['SUPPORTS 福建省 -> 昌吉回族自治州']);
  });

  it('rejects compounds that are not a pairing or not a word (京哈高速, 天津和平区)', () => {
    expect(supports('京哈高速公路全线贯通。', [])).toEqual([]);
    expect(supports('天津和平区举办活动。', [['Province', '天津'], ['County', '和平区']])).toEqual([]);
  });

  it('reads two full names written together (苏州阿图什) when they are paired', () => {
    expect(supports('苏州阿图什两地干部互访交流。', [['Prefecture', '苏州'], ['County', '阿图什']])).toEqual(['SUPPORTS 苏州市 -> 阿图什市']);
  });
});

describe('sup.cooccur, precision guards, sup.fallback', () => {
  it('supporter + aid cue + a region of its pairing', () => {
    expect(
      supports('河南援疆干部在伊州区开展义诊活动。', [['Province', '河南'], ['County', '伊州区']]),
    ).toEqual(['SUPPORTS 河南省 -> 伊州区']);
  });

  it('支持 is an aid cue too, still only within the official pairing', () => {
    expect(supports('天津市将继续支持民丰县发展特色产业。', [['Province', '天津市'], ['County', '民丰县']])).toEqual(['SUPPORTS 天津市 -> 民丰县']);
    // 广东 is not paired with 伊宁县: a general statement of support is not SUPPORTS
    expect(supports('广东省将继续支持伊宁县发展特色产业。', [['Province', '广东省'], ['County', '伊宁县']])).toEqual([]);
  });

  it('a supporter paying for a school outside its pairing is FUNDS and LOCATED_IN, not SUPPORTS', () => {
    const records = relate('我省援建的和田县第一中学投入使用，我省投入3000万元新建的和田县第一中学成为当地最好的学校。', [
      ['Pronoun', '我省'],
      ['Project', '和田县第一中学'],
      ['Pronoun', '我省'],
      ['Money', '3000万元', '30000000'],
      ['Project', '和田县第一中学'],
    ], { home: '河南省' });
    expect(edges(records, 'SUPPORTS')).toEqual([]);
    expect(edges(records, 'FUNDS')).toEqual(['FUNDS 河南省 -> 和田县第一中学']);
    expect(edges(records, 'LOCATED_IN')).toEqual(['LOCATED_IN 和田县第一中学 -> 和田县']);
    expect(records.find((r) => r.type === 'FUNDS' && r.attrs.amount_yuan)?.attrs.amount_yuan).toBe(30000000);
  });

  it('S援疆 with no region in the sentence -> 新疆, unless the article names its partner', () => {
    expect(supports('黑龙江援疆干部人才扎根边疆，默默奉献。', [['Province', '黑龙江']])).toEqual(['SUPPORTS 黑龙江省 -> 新疆维吾尔自治区']);
    expect(
      supports('吉林省援疆干部人才扎根边疆。吉林省对口支援阿勒泰地区。', [['Province', '吉林省'], ['Province', '吉林省'], ['Prefecture', '阿勒泰地区']]),
    ).toEqual(['SUPPORTS 吉林省 -> 阿勒泰地区']);
  });

  it('two supporters in one article each keep their own partner', () => {
    expect(
      supports('上海援疆干部在莎车县调研。广东援疆干部在疏附县调研。', [
        ['Province', '上海'],
        ['County', '莎车县'],
        ['Province', '广东'],
        ['County', '疏附县'],
      ]),
    ).toEqual(['SUPPORTS 上海市 -> 莎车县', 'SUPPORTS 广东省 -> 疏附县']);
  });
});

describe('lists of supporters and routes', () => {
  it('a list of supporters before 对口支援 each keep the partners of their own pairing', () => {
    expect(
      supports('山东、上海两省市对口支援喀什地区泽普县和疏勒县。', [
        ['Province', '山东'],
        ['Province', '上海'],
        ['Prefecture', '喀什地区'],
        ['County', '泽普县'],
        ['County', '疏勒县'],
      ]),
    ).toEqual(['SUPPORTS 上海市 -> 喀什地区', 'SUPPORTS 上海市 -> 泽普县', 'SUPPORTS 山东省 -> 喀什地区', 'SUPPORTS 山东省 -> 疏勒县']);
  });

  it('a route named by two abbreviations is not a pairing (京新高速)', () => {
    expect(supports('京新高速全线通车，沿线援疆项目加快建设。', [])).toEqual([]);
  });
});

describe('damaged text', () => {
  it('reads nothing from a damaged (mojibake) stretch', async () => {
    const { makeArticle } = await import('./fixture.js');
    const { relateArticle } = await import('../../src/relate.js');
    const text = '鲁喀协作结出硕果。';
    const clean = makeArticle(text, []);
    expect(relateArticle(clean).filter((r) => r.type === 'SUPPORTS')).toHaveLength(1);
    expect(relateArticle({ ...clean, damaged: [{ start: 0, end: 2 }] })).toEqual([]);
  });
});

describe('SUPPORTS is not read from brands or markets (the whole pipeline on invented articles)', () => {
  const supportsIn = (text: string) => {
    return relationsIn(text, 'SUPPORTS')
      .map((r) => `${r.source} -> ${r.target}`)
      .sort();
  };

  it('a pairing abbreviation in a company name, or in a project carrying that name, is a brand', () => {
    expect(supportsIn('农业丰收季\n\n秋收时节，赣克农业科技有限公司投资1500万元在阿克陶县建设的赣克番茄加工产业园投产。\n')).toEqual([]);
    expect(supportsIn('新品上市\n\n鲁喀果业集团与当地合作社签约，收购红枣3000吨。\n')).toEqual([]);
  });

  it('in a plan or in running text it still states the pairing', () => {
    expect(supportsIn('协作动态\n\n两地共同推进“赣克产业协作行动计划”，落实一批合作事项。\n')).toEqual(['Province:江西省 -> Prefecture:克孜勒苏柯尔克孜自治州']);
    expect(supportsIn('协作动态\n\n赣克两地干部交流持续深化。\n')).toEqual(['Province:江西省 -> Prefecture:克孜勒苏柯尔克孜自治州']);
  });

  it('a supporter a product is sold to is a market, not an aid party', () => {
    expect(supportsIn('产业援疆\n\n在援疆资金支持下，阿瓦提县的长绒棉制品销往宁波、温州等地。\n')).toEqual([]);
    // the same supporter as the aid party still counts
    expect(supportsIn('产业援疆\n\n宁波市援疆资金支持阿瓦提县发展长绒棉产业。\n')).toEqual(['Prefecture:宁波市 -> County:阿瓦提县']);
  });
});
