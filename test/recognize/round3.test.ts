// Round-3 organisation-name boundaries found on invented articles, tested on other invented sentences.
import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const entities = (text: string, type: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => e.type === type).map((e) => e.label).sort();
const orgs = (text: string) => entities(text, 'Organization');

describe("a firm's name", () => {
  it('keeps a line of business jieba tags as a verb, after a name word', () => {
    expect(orgs('园区已引进佛山恒信包装制品有限公司等企业入驻。')).toEqual(['佛山恒信包装制品有限公司']);
    expect(orgs('园区已引进温州宏达印刷有限公司、嘉兴华美制造有限公司等企业入驻。')).toEqual(['嘉兴华美制造有限公司', '温州宏达印刷有限公司']);
  });
  it('does not take the verb of the sentence before it', () => {
    expect(orgs('工人们正忙着包装天山果业有限公司的新疆红枣。')).toEqual(['天山果业有限公司']);
  });
  it('starts after a party word (运营方, 承建方)', () => {
    expect(orgs('项目承建方新疆天山建工有限公司负责人介绍了工程进度。')).toEqual(['新疆天山建工有限公司']);
    expect(orgs('项目运营方喀什丝路物流有限公司已进场。')).toEqual(['喀什丝路物流有限公司']);
  });
});

describe('a bureau before its head', () => {
  it('某市教育局 is read when 局长 follows', () => {
    expect(orgs('阿克苏市教育局局长买买提·吐尔逊表示，将做好衔接。')).toEqual(['阿克苏市教育局']);
  });
});

describe('a generic kind of body is no name', () => {
  it('农民专业合作社 alone is a kind; with a place or a brand it is a name', () => {
    expect(orgs('工作组走访了阿依库勒乡多个农民专业合作社。')).toEqual([]);
    expect(orgs('他领办了泽普县金湖杨农民专业合作社。')).toEqual(['泽普县金湖杨农民专业合作社']);
  });
});

describe('one project under two names in an article', () => {
  it('某某物流园 and 某某物流园项目 are one project, under the longer name', () => {
    expect(entities('昌吉市果蔬冷链物流园项目总投资1.5亿元。记者在昌吉市果蔬冷链物流园看到，主体工程已经完工。', 'Project')).toEqual(['昌吉市果蔬冷链物流园项目']);
  });
});

describe("a plant's capacity inside a project's name", () => {
  it('某县200兆瓦光伏发电项目 keeps its number and unit', () => {
    expect(entities('公司计划在若羌县建设若羌县300兆瓦光伏发电项目。', 'Project')).toEqual(['若羌县300兆瓦光伏发电项目']);
  });
});

describe('words that are no names', () => {
  it('派往 before a hospital, 后方医院 and 康复大厅 as kinds, 公示 in a headline', () => {
    expect(orgs('援疆医生（派往吐鲁番市人民医院）名单如下。')).toEqual(['吐鲁番市人民医院']);
    expect(orgs('后方医院派专家来过两次，患者走进康复大厅。')).toEqual([]);
    expect(resolveDocument([recognizeArticle(segmented('湖南援疆干部公示\n经研究，现予以公示。'))])[0]!.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });
});

describe("a project table's rows", () => {
  it('项目名称：NAME is a project, whatever its suffix', () => {
    expect(entities('项目名称：温宿县果品冷链物流中心　建设地点：温宿县　投资：3600万元\n项目名称：乌什县第二中学风雨操场　建设地点：乌什县', 'Project')).toEqual(['乌什县第二中学风雨操场', '温宿县果品冷链物流中心']);
  });
});

