import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const entities = (text: string, type: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => e.type === type).map((e) => e.label);

describe('organisations and projects', () => {
  it('grows a name leftwards from a suffix and stops at verbs and function words', () => {
    expect(entities('记者在参观江西省援疆前方指挥部时看到', 'Organization')).toEqual(['江西省援疆前方指挥部']);
    expect(entities('他们考察了伽师县人民医院。', 'Organization')).toEqual(['伽师县人民医院']);
  });
  it('reads 计划 after a company as its verb, not as the end of a plan name', () => {
    expect(entities('江西赣隆食品有限公司计划投资8000万元建设阿克陶县果蔬冷链项目。', 'Organization')).toEqual(['江西赣隆食品有限公司']);
    expect(entities('江西赣隆食品有限公司计划投资8000万元建设阿克陶县果蔬冷链项目。', 'Project')).toEqual(['阿克陶县果蔬冷链项目']);
    // a plan that is a name still is one
    expect(entities('阿克陶县启动“乡村振兴人才培育计划”。', 'Project')).toEqual(['乡村振兴人才培育计划']);
  });
  it('reads a hospital jieba sees as one word across its suffix (协和|医院), and a project over a facility with words between', () => {
    expect(entities('来自山东大学附属协和医院的专家参加义诊。', 'Organization')).toEqual(['山东大学附属协和医院']);
    expect(entities('江西省投入资金3500万元，实施阿克陶县人民医院能力提升项目。', 'Project')).toEqual(['阿克陶县人民医院能力提升项目']);
    expect(entities('江西省援建阿克陶县第一中学二期工程。', 'Project')).toEqual(['阿克陶县第一中学二期工程']);
    // not a phrase jieba reads as one word, nor a hospital's grade
    expect(entities('感谢党和政府的关怀。', 'Organization')).toEqual([]);
    expect(entities('阿克陶县人民医院晋升为三级甲等医院。', 'Organization')).toEqual(['阿克陶县人民医院']);
  });
  it('leaves an aid verb before a facility\'s place out of its name; an aid body keeps it', () => {
    expect(entities('上海结对帮扶莎车县人民医院。', 'Organization')).toEqual(['莎车县人民医院']);
    expect(entities('江西支援阿克陶县第一人民医院建设。', 'Organization')).toEqual(['阿克陶县第一人民医院']);
    expect(entities('专家组对口帮扶阿图什市人民医院。', 'Organization')).toEqual(['阿图什市人民医院']);
    expect(entities('江西省对口支援克州前方指挥部召开会议。', 'Organization')).toEqual(['江西省对口支援克州前方指挥部']);
  });
  it('reads short names listed before their class (中石油、中石化等央企), not places or people', () => {
    expect(entities('中石油、中石化、国家电网等央企在克州投资兴业。', 'Organization')).toEqual(['中石化', '中石油', '国家电网']);
    expect(entities('邀请南开、天大等知名高校的专家授课。', 'Organization')).toEqual(['南开', '天大']);
    expect(entities('一批项目相继落户，中石油、中石化等央企参与建设。', 'Organization')).toEqual(['中石化', '中石油']);
    expect(entities('江西、福建等地企业纷纷前来。', 'Organization')).toEqual([]);
    // a count and a province's firms as the class; a place may head a listed name
    expect(entities('赣锋锂业、江铜集团、萍乡焦化等100多家赣企相继到克州投资。', 'Organization')).toEqual(['江铜集团', '萍乡焦化', '赣锋锂业']);
    expect(entities('王建、李明等企业负责人出席。', 'Organization')).toEqual([]);
  });
  it('reads the company heading a project name (某某科技年产…项目), unless the text names it in full', () => {
    expect(entities('今年5月，江西赣隆科技年产5万吨有机肥生产线项目落户阿克陶县。', 'Organization')).toEqual(['江西赣隆科技']);
    expect(entities('江西赣隆科技有限公司投资建设的赣隆科技年产5万吨有机肥生产线项目开工。', 'Organization')).toEqual(['江西赣隆科技有限公司']);
  });
  it('reads a school jieba glues to its place (北京四中) and a 附中, and no pairing compound inside a place name', () => {
    expect(entities('上海二中、复旦附中等名校参加交流。', 'Organization')).toEqual(['上海二中', '复旦附中']);
    const mentions = recognizeArticle(segmented('北京四中援疆教师来到和田。')).mentions;
    expect(mentions.filter((m) => m.rule === 'pairing-compound')).toEqual([]);
  });
  it('starts an organisation at the supporter named after the place it sits in', () => {
    expect(entities('走访阿图什市江西省援疆前方指挥部', 'Organization')).toEqual(['江西省援疆前方指挥部']);
  });
  it('stops at 助力 and reads a building after a department of a hospital or school as one project', () => {
    expect(entities('我省援疆医疗队助力鄯善县人民医院创建三甲医院', 'Organization')).toEqual(['鄯善县人民医院']);
    expect(entities('投入4800万元援建的托克逊县人民医院外科大楼投入使用。', 'Project')).toEqual(['托克逊县人民医院外科大楼']);
    // a category noun in apposition still ends the name: 三甲医院|皖南医院
    expect(entities('援疆专家来自三甲医院皖南医院。', 'Organization')).toEqual(['皖南医院']);
  });
  it('places (and generic words) with a bare 项目 are not a project name; a short form may be a name word', () => {
    expect(entities('浙江援建兵团第一师阿拉尔市项目集中开工', 'Project')).toEqual([]);
    expect(entities('山东援建疏勒县项目集中开工', 'Project')).toEqual([]);
    expect(entities('且末县新源项目开工建设。', 'Project')).toEqual(['且末县新源项目']);
    // generic words between count as nothing; a short form with its level (伊犁州) is a place
    expect(entities('福建援疆项目落地见效', 'Project')).toEqual([]);
    expect(entities('伊犁州重点项目集中开工', 'Project')).toEqual([]);
    expect(entities('喀什地区疏附县广州新城项目开工。', 'Project')).toEqual(['喀什地区疏附县广州新城项目']);
  });
  it('keeps a province heading a university jieba reads as one word (上海|交通大学)', () => {
    expect(entities('上海交通大学医学院附属瑞金医院与莎车县人民医院签订帮扶协议。', 'Organization')).toEqual([
      '上海交通大学医学院附属瑞金医院',
      '莎车县人民医院',
    ]);
  });
  it('types a facility being built as a project', () => {
    expect(entities('江西援建的阿克陶县第二小学已竣工。', 'Project')).toEqual(['阿克陶县第二小学']);
    expect(entities('江西省投资5000万元援建乌恰县人民医院住院楼。', 'Project')).toEqual(['乌恰县人民医院住院楼']);
  });
  it('keeps quoted activity names and works in an aid context', () => {
    expect(entities('两地开展“赣克同心”结对活动，援疆干部参与。', 'Project')).toEqual(['“赣克同心”结对活动']);
    expect(entities('援疆文艺工作者创作的话剧《胡杨之歌》在喀什首演。', 'Project')).toEqual(['胡杨之歌']);
    expect(entities('会议学习了《援疆工作条例》。', 'Project')).toEqual([]);
  });
  it('reads 所 followed by a verb as the 所-construction, not an office', () => {
    expect(entities('湖北援疆指挥部立足“博乐所需”，发挥“湖北所长”，对接“群众所盼”。', 'Organization')).toEqual(['湖北援疆指挥部']);
    expect(entities('天津市派出专家赴于田所能覆盖的乡村', 'Organization')).toEqual([]);
    // the office suffix itself still works
    expect(entities('和田地区畜牧兽医研究所与天津农科院签约。', 'Organization')).toContain('和田地区畜牧兽医研究所');
    expect(entities('他来到墨玉县公安局城北派出所调研。', 'Organization').length).toBeGreaterThan(0);
  });
  it('keeps a name followed by a time word (日前, 年底), not by a longer word', () => {
    expect(entities('记者获悉，昆仑绿能光伏股份有限公司日前在当地投资建厂。', 'Organization')).toEqual(['昆仑绿能光伏股份有限公司']);
    expect(entities('据悉，阿合奇红柳湾产业园项目年底前投产。', 'Project')).toEqual(['阿合奇红柳湾产业园项目']);
    expect(entities('他们走访了莎车县人民医院周边的社区。', 'Organization')).toEqual(['莎车县人民医院']);
    // a suffix running into 日/节/月 that is not such a word stays rejected
    expect(entities('社区举办读书会月度分享。', 'Organization')).toEqual([]);
  });
  it('reads a place before a bare 援建项目 / 建设项目 as where projects are, not a name', () => {
    expect(entities('江西援建项目惠及各族群众。', 'Project')).toEqual([]);
    expect(entities('江西援建阿克陶县第一中学建设项目竣工。', 'Project')).toEqual(['阿克陶县第一中学建设项目']);
  });
  it('keeps a word that starts with a function character (有机, 同心, 于田) and jieba\'s time word 现代 in a name', () => {
    expect(entities('在阿克陶县建设的有机牧草种植基地已完成。', 'Project')).toEqual(['有机牧草种植基地']);
    expect(entities('江西同心光伏有限公司与当地签约。', 'Organization')).toEqual(['江西同心光伏有限公司']);
    expect(entities('由江西省援建的克州现代物流园项目开工建设。', 'Project')).toEqual(['克州现代物流园项目']);
    // a lone function character, or one jieba glues to 省/市, still goes: 从省卫生健康委员会
    expect(entities('记者从省卫生健康委员会获悉。', 'Organization')).toEqual(['省卫生健康委员会']);
    // 再添新项目: "new projects", no name
    expect(entities('阿克陶县工业园区再添新项目。', 'Project')).not.toContain('阿克陶县工业园区再添新项目');
  });
  it('reads a department named by two fields joined with 和, not two bodies joined by it', () => {
    expect(entities('克州文化体育广播电视和旅游局举办推介会。', 'Organization')).toEqual(['克州文化体育广播电视和旅游局']);
    expect(entities('阿克陶县发展和改革委员会召开会议。', 'Organization')).toEqual(['阿克陶县发展和改革委员会']);
    expect(entities('阿克陶县教育局和阿克陶县民政局负责人参加。', 'Organization')).toEqual(['阿克陶县教育局', '阿克陶县民政局']);
    expect(entities('来源：江西日报\n省援疆前指和省教育厅负责人表示。', 'Organization')).toContain('江西省教育厅');
  });
  it('rejects generic names', () => {
    expect(entities('开展文化交流活动，建设民心工程，完善服务中心。', 'Project')).toEqual([]);
    expect(entities('两校结成友好学校，两院互为兄弟医院。', 'Organization')).toEqual([]);
    expect(entities('公交公司新开通3条线路，供电公司检修线路。', 'Organization')).toEqual([]);
    expect(entities('阿克陶县供电公司检修线路。', 'Organization')).toEqual(['阿克陶县供电公司']);
    expect(entities('两校结成“友好学校”，开展“民生工程”建设。', 'Project')).toEqual([]);
    expect(entities('北京中日友好医院派出专家。', 'Organization')).toEqual(['北京中日友好医院']);
  });
  it('keeps a firm name whose last character jieba reads as a verb (恒瑞|达|集团), not a verb before 公司', () => {
    expect(entities('8月26日，江苏恒瑞达集团向阿克陶县捐赠助学金。', 'Organization')).toEqual(['江苏恒瑞达集团']);
    expect(entities('他是公司的技术骨干。', 'Organization')).toEqual([]);
  });
});
