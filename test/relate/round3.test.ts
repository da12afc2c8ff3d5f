// Round-3 relation errors found on invented articles (a generalisation check), tested on other
// invented sentences: the whole pipeline runs, so recognition and relation rules meet as in a build.
import { describe, expect, it } from 'vitest';
import { relationsIn } from './fixture.js';

const label = (key: string) => key.slice(key.indexOf(':') + 1);
const funds = (text: string) => [...new Set(relationsIn(text, 'FUNDS').map((r) => `${label(r.source)} -> ${label(r.target)} ${r.attrs.amount_yuan ?? '-'}`))].sort();
const positions = (text: string) => relationsIn(text, 'HOLDS_POSITION').map((r) => `${label(r.source)} -> ${label(r.target)} {${r.attrs.title}}`).sort();

describe('FUNDS: a cue word used as a noun funds nothing', () => {
  it('考察援疆项目建设情况 is a visit, not a funding', () => {
    expect(funds('8月3日，山东省援疆前方指挥部副总指挥刘明远率队到疏勒县考察援疆项目建设情况，先后来到疏勒县第一中学和疏勒县现代农业产业园。')).toEqual([]);
  });
  it('投入使用 is not 投入 (paying in)', () => {
    expect(funds('山东省援疆前方指挥部表示，随着疏勒县人民医院新院区投入使用，疏勒县现代农业产业园也将于年底建成。')).toEqual([]);
  });
  it('the verb still funds: 投资建设P', () => {
    expect(funds('山东省投资建设疏勒县现代农业产业园。')).toEqual(['山东省 -> 疏勒县现代农业产业园 -']);
  });
});

describe('FUNDS: a province heading a company name', () => {
  it('is not the funder when the recogniser missed the company', () => {
    expect(funds('湖南湘江光能科技有限公司计划投资8亿元建设托克逊县光伏发电项目。')).toEqual([]);
  });
  it('still funds when a verb stands between it and the company (江苏省援建的某某公司)', () => {
    expect(funds('江苏省援建的霍城县天润果业公司新厂房已投产，江苏省还投资建设了霍城县第二中学。')).toEqual(['江苏省 -> 霍城县第二中学 -']);
  });
});

describe("FUNDS: 其中F援疆资金M with no funding verb (funds.aid-share)", () => {
  it('the named funder paid its share of the project', () => {
    expect(funds('英吉沙县第二小学教学楼项目总投资2600万元，其中山东援疆资金1800万元。')).toEqual(['山东省 -> 英吉沙县第二小学教学楼项目 18000000']);
  });
  it('该项目 in the next sentence is the project named before', () => {
    expect(funds('会上介绍了阿图什市光伏产业园的建设情况。该项目总投资4.2亿元，其中江苏援疆资金1.5亿元。')).toEqual(['江苏省 -> 阿图什市光伏产业园 150000000']);
  });
  it('an unnamed share (其中援疆资金M) names no funder: nothing is guessed', () => {
    expect(funds('麦盖提县农贸市场项目总投资900万元，其中援疆资金600万元。')).toEqual([]);
  });
});

describe('HOLDS_POSITION: a bureau followed by its head', () => {
  it('某市教育局局长 holds the post at the bureau, not at the city', () => {
    expect(positions('阿克苏市教育局局长买买提·吐尔逊表示，将做好衔接。')).toEqual(['买买提·吐尔逊 -> 阿克苏市教育局 {局长}']);
    expect(positions('伊宁县文化体育广播电视和旅游局局长周海燕在开幕式上致辞。')).toEqual(['周海燕 -> 伊宁县文化体育广播电视和旅游局 {局长}']);
  });
});

describe('HOLDS_POSITION: the 助理 posts', () => {
  it('挂职院长助理 / 县长助理 are titles', () => {
    expect(positions('来自苏州市立医院的援疆医生钱文斌，目前在伊宁县人民医院挂职院长助理。')).toEqual(['钱文斌 -> 伊宁县人民医院 {院长助理}']);
    expect(positions('上海援疆干部孙浩，目前在莎车县挂职县长助理。')).toEqual(['孙浩 -> 莎车县 {县长助理}']);
  });
});

describe('HOLDS_POSITION: an aid role between the office and the name', () => {
  it('某院副院长、山东援疆医生某某 holds the office before the role', () => {
    expect(positions('英吉沙县人民医院副院长、山东援疆医生孙晓梅介绍，医院新开了儿科。')).toEqual(['孙晓梅 -> 英吉沙县人民医院 {副院长}']);
    expect(positions('疏勒县第一中学副校长、山东援疆教师王立新说，学生进步很快。')).toEqual(['王立新 -> 疏勒县第一中学 {副校长}']);
  });
  it('挂职某县副县长的广东援疆干部某某', () => {
    expect(positions('挂职伽师县副县长的广东援疆干部何志军说，今年要办好三件事。')).toEqual(['何志军 -> 伽师县 {副县长}']);
  });
  it('a place of work is no office: 在某医院工作的援疆医生某某', () => {
    expect(positions('在喀什市人民医院工作的上海援疆医生顾海峰说，病人越来越多。')).toEqual([]);
  });
  it('来自某医院的某某，目前在某院挂职院长助理: the name after 的, read by the posting after it', () => {
    expect(positions('来自杭州市第一人民医院的沈丽华，目前在阿克苏地区第一人民医院挂职院长助理。')).toEqual(['沈丽华 -> 阿克苏地区第一人民医院 {院长助理}']);
    expect(positions('这是我们的王牌，在全县推广。')).toEqual([]);
  });
  it('理事长 of a cooperative', () => {
    expect(positions('莎车县红枣农民专业合作社理事长买买提·艾力说，今年收成很好。')).toEqual(['买买提·艾力 -> 莎车县红枣农民专业合作社 {理事长}']);
  });
});

describe('COOPERATES_WITH', () => {
  const coop = (text: string) => relationsIn(text, 'COOPERATES_WITH').map((r) => `${label(r.source)} <-> ${label(r.target)}`).sort();
  it('A与[county]B签订协议: the county before a firm read without it does not hide the firm', () => {
    expect(coop('杭州恒远物流有限公司与温宿县天禾农业开发有限公司签订产销合作协议。')).toEqual(['天禾农业开发有限公司 <-> 杭州恒远物流有限公司']);
  });
  it('a hospital whose name jieba reads as a personal name (仁和/nr) before 医院', () => {
    expect(coop('无锡市梁溪区仁和医院与察布查尔县人民医院签订医联体合作协议。')).toEqual(['察布查尔县人民医院 <-> 无锡市梁溪区仁和医院']);
  });
});

describe("HOLDS_POSITION: a cadre's profile, as announcements write it", () => {
  it('each office: 现任A，拟挂职B、C，任D (a former office, 原任, is read past)', () => {
    expect(positions('\n方志远，男，汉族，1976年5月生，研究生学历，中共党员，原任吉安市青原区副区长，现任湖南省商务厅副厅长，拟挂职吐鲁番市委常委、副市长，任湖南省援疆前方指挥部副总指挥。')).toEqual([
      '方志远 -> 吐鲁番市 {市委常委、副市长}',
      '方志远 -> 湖南省商务厅 {副厅长}',
      '方志远 -> 湖南省援疆前方指挥部 {副总指挥}',
    ]);
  });
  it('a list line: 某某，某市某某医院某科主治医师 (the title ends the line)', () => {
    expect(positions('援疆医生名单：\n龙海燕，株洲市芦淞区第三人民医院普外科主治医师\n彭建华，衡阳市南华大学附属第一医院心血管内科副主任医师')).toEqual([
      '彭建华 -> 衡阳市南华大学附属第一医院 {心血管内科副主任医师}',
      '龙海燕 -> 株洲市芦淞区第三人民医院 {普外科主治医师}',
    ]);
  });
  it('the profile alone makes the name a person', () => {
    expect(positions('\n葛晓婷，女，回族，1985年生，大学学历，现任长沙市教育局副局长。')).toEqual(['葛晓婷 -> 长沙市教育局 {副局长}']);
  });
});

describe('FUNDS: 项目计划投资N is about what its own sentence builds', () => {
  it('not about a project of an earlier paragraph', () => {
    expect(funds('由漳州市闽丰食品有限公司投资建设的玛纳斯县番茄加工项目已经投产。\n会上，双方将在呼图壁县共建农产品物流集散中心，项目计划投资6000万元。')).toEqual(['漳州市闽丰食品有限公司 -> 玛纳斯县番茄加工项目 -']);
  });
});

