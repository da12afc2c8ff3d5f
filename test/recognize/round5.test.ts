// Round-5 recognition errors found on invented articles (a blind check), tested on other invented text.
import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const entities = (text: string, type: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => e.type === type).map((e) => e.label).sort();
const projects = (text: string) => entities(text, 'Project');
const orgs = (text: string) => entities(text, 'Organization');

describe('a numbered sentence that holds only a project’s name', () => {
  it('is all name, verbs and facilities inside it too', () => {
    expect(projects('现将项目公示如下：\n三、青河县阿魏滩肉牛屠宰分割车间项目。建设地点：阿魏乡。')).toEqual(['青河县阿魏滩肉牛屠宰分割车间项目']);
    expect(projects('二、托里县人民医院远程影像诊断中心建设项目\n建设内容：购置设备')).toEqual(['托里县人民医院远程影像诊断中心建设项目']);
  });
  it('not when the line lists two projects, or says more than the name', () => {
    expect(projects('四、托里县第二中学操场改造项目和托里县第一小学食堂改造项目。')).toEqual(['托里县第一小学食堂改造项目', '托里县第二中学操场改造项目']);
    expect(projects('五、县里今年还将新建肉牛屠宰分割车间项目，预计年底完工。')).not.toContain('县里今年还将新建肉牛屠宰分割车间项目');
  });
});

describe('what a building is for names no project (教学综合楼)', () => {
  it('教学综合楼 / 门诊楼 alone are not projects; with a place they are', () => {
    expect(projects('新建教学综合楼4500平方米及附属设施。')).toEqual([]);
    expect(projects('援建的托里县第一中学教学综合楼已竣工。')).toEqual(['托里县第一中学教学综合楼']);
  });
});

describe('a 中心 is a project when money is stated for it, an organisation otherwise', () => {
  it('某某冷链中心总投资N / 由某省援疆资金N建设', () => {
    expect(projects('福海县渔业冷链中心总投资5200万元，明年投用。')).toEqual(['福海县渔业冷链中心']);
    expect(projects('托里县牧民技能培训中心由辽宁援疆资金3100万元建设。')).toEqual(['托里县牧民技能培训中心']);
  });
  it('…and stays an organisation when nothing is built or paid', () => {
    expect(orgs('福海县渔业技术服务中心的技术员为养殖户讲解防病知识。')).toEqual(['福海县渔业技术服务中心']);
  });
});

describe('a quoted remark before an organisation is not part of its name', () => {
  it('“…。”某省援疆前方指挥部副总指挥某某介绍', () => {
    expect(orgs('“今年的项目更加聚焦就业。”辽宁省援疆前方指挥部副总指挥邬明远介绍。')).toEqual(['辽宁省援疆前方指挥部']);
  });
  it('a quoted slogan stays in the name (“…，…”活动)', () => {
    expect(projects('扬州市开展“千人帮千户，携手奔小康”援疆帮扶活动。')).toEqual(['“千人帮千户，携手奔小康”援疆帮扶活动']);
  });
});

describe('a department or a building of a facility named just before', () => {
  const names = (text: string) => [...projects(text), ...orgs(text)];
  it('某县人民医院血液净化中心 / 某中学实验楼 / 某医院骨科综合楼 are one name', () => {
    expect(projects('托里县人民医院血液净化中心由辽宁援疆资金建设。')).toContain('托里县人民医院血液净化中心');
    expect(projects('额敏县第二中学实验楼今年9月投入使用。')).toContain('额敏县第二中学实验楼');
  });
  it('计划 after such a name is its verb (…综合楼计划投资N)', () => {
    expect(projects('托里县人民医院骨科综合楼计划投资2100万元。')).toEqual(['托里县人民医院骨科综合楼']);
  });
  it('a verb phrase between is the sentence’s (某医院共建远程医学中心)', () => {
    expect(names('塔城地区人民医院共建远程医学中心，沈阳专家定期坐诊。').some((n) => n.includes('共建'))).toBe(false);
  });
});

describe('a supporter city’s short form before a bare 援疆项目 names no project', () => {
  it('考察沈阳援疆项目 / 扬州援疆项目落地见效', () => {
    expect(projects('蔡思齐一行考察沈阳援疆项目。')).toEqual([]);
    expect(projects('托里县沈阳温泉康养小镇项目今年开工。')).toEqual(['托里县沈阳温泉康养小镇项目']);
  });
});

describe('government offices named by their fields', () => {
  it('某市合作交流办公室 / 某市数据资源管理局', () => {
    expect(orgs('沈阳市合作交流办公室主任邬明远陪同考察。')).toEqual(['沈阳市合作交流办公室']);
    expect(orgs('托里县数据资源管理局与企业签署合作协议。')).toEqual(['托里县数据资源管理局']);
  });
});
