// Round-2 relation patterns on invented sentences: FUNDS with amounts tied syntactically,
// LOCATED_IN from 在X落户/位于, HOLDS_POSITION written after the person or as 来自…的医生.
import { describe, expect, it } from 'vitest';
import { edges, relate } from './fixture.js';

const funds = (records: ReturnType<typeof relate>) =>
  records.filter((r) => r.type === 'FUNDS').map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]} ${r.attrs.amount_yuan ?? '-'}`).sort();
const titles = (records: ReturnType<typeof relate>) =>
  records.filter((r) => r.type === 'HOLDS_POSITION').map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]} {${r.attrs.title}}`).sort();

describe('FUNDS', () => {
  it('投入援疆资金N实施P', () => {
    expect(funds(relate('江苏省投入援疆资金2600万元实施察布查尔县第一中学改扩建项目。', [
      ['Province', '江苏省'], ['Money', '2600万元', '26000000'], ['Project', '察布查尔县第一中学改扩建项目'],
    ]))).toEqual(['江苏省 -> 察布查尔县第一中学改扩建项目 26000000']);
  });
  it('总投资N的P由F援建: the funder is F, not the previous sentence\'s', () => {
    expect(funds(relate('山东省投资建设疏勒县第二小学。总投资900万元的英吉沙县农贸市场由江西省援建。', [
      ['Province', '山东省'], ['Project', '疏勒县第二小学'], ['Money', '900万元', '9000000'], ['Project', '英吉沙县农贸市场'], ['Province', '江西省'],
    ]))).toEqual(['山东省 -> 疏勒县第二小学 -', '江西省 -> 英吉沙县农贸市场 9000000']);
  });
  it('a company funder: 援疆企业Y公司投资N建设Z', () => {
    expect(funds(relate('浙江援疆企业明远食品有限公司投资6000万元建设乌什县果品加工项目。', [
      ['Province', '浙江'], ['Organization', '明远食品有限公司'], ['Money', '6000万元', '60000000'], ['Project', '乌什县果品加工项目'],
    ]))).toEqual(['明远食品有限公司 -> 乌什县果品加工项目 60000000']);
  });
  it('F援疆资金N用于建设W, and 我市 as the funder', () => {
    expect(funds(relate('我市援疆资金1800万元用于建设伊宁县农产品产业园。', [
      ['Pronoun', '我市'], ['Money', '1800万元', '18000000'], ['Project', '伊宁县农产品产业园'],
    ], { home: '常州市' }))).toEqual(['常州市 -> 伊宁县农产品产业园 18000000']);
  });
  it('each amount to its own project; a sum before a list goes to none', () => {
    expect(funds(relate('浙江省投入1.2亿元建设阿克苏市第一中学教学楼，投入3000万元实施乌什县人民医院门诊楼项目。', [
      ['Province', '浙江省'], ['Money', '1.2亿元', '120000000'], ['Project', '阿克苏市第一中学教学楼'], ['Money', '3000万元', '30000000'], ['Project', '乌什县人民医院门诊楼项目'],
    ]))).toEqual(['浙江省 -> 乌什县人民医院门诊楼项目 30000000', '浙江省 -> 阿克苏市第一中学教学楼 120000000']);
    expect(funds(relate('山东省投入2亿元建设疏勒县第二小学、疏勒县第三中学。', [
      ['Province', '山东省'], ['Money', '2亿元', '200000000'], ['Project', '疏勒县第二小学'], ['Project', '疏勒县第三中学'],
    ]))).toEqual(['山东省 -> 疏勒县第三中学 -', '山东省 -> 疏勒县第二小学 -']);
  });
  it('an unresolved 我省 is not replaced by the previous sentence\'s funder', () => {
    expect(funds(relate('河北省出资500万元实施若羌县医疗设备购置项目。我省援建的且末县中等职业学校已竣工。', [
      ['Province', '河北省'], ['Money', '500万元', '5000000'], ['Project', '若羌县医疗设备购置项目'], ['Pronoun', '我省'], ['Project', '且末县中等职业学校'],
    ]))).toEqual(['河北省 -> 若羌县医疗设备购置项目 5000000']);
  });
});

const unique = (xs: string[]) => [...new Set(xs)];

describe("FUNDS: the funder's own share", () => {
  it('总投资N，其中F援疆资金M: F paid M; an unnamed aid share is the supporter\'s, not a company\'s', () => {
    // (two records: the amount's sentence is quoted as evidence too)
    expect(unique(funds(relate('江西省援建阿克陶县职业教育园区项目。该项目总投资2.3亿元，其中江西援疆资金1.6亿元。', [
      ['Province', '江西省'], ['Project', '阿克陶县职业教育园区项目'], ['Money', '2.3亿元', '230000000'], ['Province', '江西', '江西省'], ['Money', '1.6亿元', '160000000'],
    ])))).toEqual(['江西省 -> 阿克陶县职业教育园区项目 160000000']);
    expect(funds(relate('江西省投资建设阿克陶县体育馆，总投资9000万元，其中援疆资金6000万元。', [
      ['Province', '江西省'], ['Project', '阿克陶县体育馆'], ['Money', '9000万元', '90000000'], ['Money', '6000万元', '60000000'],
    ]))).toEqual(['江西省 -> 阿克陶县体育馆 60000000']);
    expect(funds(relate('赣隆食品有限公司投资建设阿克陶县果蔬冷链项目，总投资9000万元，其中援疆资金2000万元。', [
      ['Organization', '赣隆食品有限公司'], ['Project', '阿克陶县果蔬冷链项目'], ['Money', '9000万元', '90000000'], ['Money', '2000万元', '20000000'],
    ]))).toEqual(['赣隆食品有限公司 -> 阿克陶县果蔬冷链项目 90000000']);
    // a share of another funder leaves this one the total, and is that funder's own (funds.aid-share)
    expect(funds(relate('江西省投资建设阿克陶县体育馆，总投资9000万元，其中山东援疆资金1000万元。', [
      ['Province', '江西省'], ['Project', '阿克陶县体育馆'], ['Money', '9000万元', '90000000'], ['Province', '山东', '山东省'], ['Money', '1000万元', '10000000'],
    ]))).toEqual(['山东省 -> 阿克陶县体育馆 10000000', '江西省 -> 阿克陶县体育馆 90000000']);
  });
});

describe('FUNDS with a venue', () => {
  it('投资N，在某某园区建设P: the park is where, P is funded and takes the amount', () => {
    expect(funds(relate('江西赣隆食品有限公司投资8000万元，在阿克陶县工业园区建设果蔬冷链项目。', [
      ['Organization', '江西赣隆食品有限公司'], ['Money', '8000万元', '80000000'], ['Project', '阿克陶县工业园区'], ['Project', '果蔬冷链项目'],
    ]))).toEqual(['江西赣隆食品有限公司 -> 果蔬冷链项目 80000000']);
    // a park that is itself built is funded
    expect(funds(relate('江西省投资8000万元建设阿克陶县工业园区。', [
      ['Province', '江西省'], ['Money', '8000万元', '80000000'], ['Project', '阿克陶县工业园区'],
    ]))).toEqual(['江西省 -> 阿克陶县工业园区 80000000']);
  });
});

describe('LOCATED_IN', () => {
  it('a facility named after its county, including buildings and parks', () => {
    const r = relate('江西省援建的阿合奇县职业技术学校实训楼和乌恰县红枣示范园投用。', [
      ['Province', '江西省'], ['Project', '阿合奇县职业技术学校实训楼'], ['Project', '乌恰县红枣示范园'],
    ]);
    expect(edges(r, 'LOCATED_IN')).toEqual(['LOCATED_IN 乌恰县红枣示范园 -> 乌恰县', 'LOCATED_IN 阿合奇县职业技术学校实训楼 -> 阿合奇县']);
  });
  it('在X落户的P, O位于X; 在(supporter)援建的P is not a location', () => {
    expect(edges(relate('在沙雅县落户的金穗纺织集团棉纺项目已投产。', [['County', '沙雅县'], ['Project', '金穗纺织集团棉纺项目']]), 'LOCATED_IN'))
      .toEqual(['LOCATED_IN 金穗纺织集团棉纺项目 -> 沙雅县']);
    expect(edges(relate('天润果业有限公司位于拜城县。', [['Organization', '天润果业有限公司'], ['County', '拜城县']]), 'LOCATED_IN'))
      .toEqual(['LOCATED_IN 天润果业有限公司 -> 拜城县']);
    expect(edges(relate('在江西援建的光明眼科医院，专家开展义诊。', [['Province', '江西', '江西省'], ['Project', '光明眼科医院']]), 'LOCATED_IN')).toEqual([]);
  });
});

describe('HOLDS_POSITION', () => {
  it('Y任X县委书记 / Y，X地委书记。', () => {
    expect(titles(relate('2020年起，欧阳春任洛浦县委书记。', [['Person', '欧阳春'], ['County', '洛浦县']]))).toEqual(['欧阳春 -> 洛浦县 {县委书记}']);
    expect(titles(relate('覃立峰，阿克苏地委副书记。', [['Person', '覃立峰'], ['Prefecture', '阿克苏', '阿克苏地区']]))).toEqual(['覃立峰 -> 阿克苏地区 {地委副书记}']);
  });
  it('a comma before an office that opens a list of people is not an apposition', () => {
    expect(titles(relate('州委书记韩东，湖南省委常委、副省长罗志和陪同。', [
      ['Person', '韩东'], ['Province', '湖南省'], ['Person', '罗志和'],
    ]))).toEqual(['罗志和 -> 湖南省 {省委常委、副省长}']);
  });
  it('来自O的援疆医生Y -> O {医生}; 挂职X县副县长的Y', () => {
    expect(titles(relate('来自天津华和医院的援疆医生孟晓东为患者手术。', [['Organization', '天津华和医院'], ['Person', '孟晓东']])))
      .toEqual(['孟晓东 -> 天津华和医院 {医生}']);
    expect(titles(relate('挂职墨玉县副县长的何立平介绍。', [['County', '墨玉县'], ['Person', '何立平']]))).toEqual(['何立平 -> 墨玉县 {副县长}']);
  });
  it('Y在O挂职T / Y目前在X担任T: the holder before the posting verb', () => {
    expect(titles(relate('武汉援疆医生严卫东在精河县人民医院挂职副院长。', [['Person', '严卫东'], ['Organization', '精河县人民医院']])))
      .toEqual(['严卫东 -> 精河县人民医院 {副院长}']);
    expect(titles(relate('祁海川目前在墨玉县担任副县长，分管教育。', [['Person', '祁海川'], ['County', '墨玉县']])))
      .toEqual(['祁海川 -> 墨玉县 {副县长}']);
  });
  it('not: a stay without a title, a title of another place, the office of a body inside the holder', () => {
    expect(titles(relate('严卫东在精河县人民医院挂职期间完成手术百余台。', [['Person', '严卫东'], ['Organization', '精河县人民医院']]))).toEqual([]);
    expect(titles(relate('祁海川在新疆挂职副县长。', [['Person', '祁海川'], ['Province', '新疆', '新疆维吾尔自治区']]))).toEqual([]);
    expect(titles(relate('祁海川在墨玉县任阿克萨拉依乡党委书记。', [['Person', '祁海川'], ['County', '墨玉县'], ['Organization', '阿克萨拉依乡党委']]))).toEqual([]);
  });
});
