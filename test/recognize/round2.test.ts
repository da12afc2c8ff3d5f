// Round-2 error classes seen on unseen articles, on invented sentences (other people, places, projects).
import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const names = (text: string) => [...new Set(recognizeArticle(segmented(text)).mentions.filter((m) => m.kind === 'Person').map((m) => m.text))];
const entities = (text: string, type: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => e.type === type).map((e) => e.label).sort();

describe('person names stop before verbs and function words', () => {
  it('a dotted name ends before the verb phrase that follows it', () => {
    expect(names('阿克苏市人民医院副院长努尔艾力·买买提进行了工作汇报。')).toEqual(['努尔艾力·买买提']);
    expect(names('副县长吐尔洪·艾买提在会上讲话。')).toEqual(['吐尔洪·艾买提']);
    expect(names('乡长阿布来提·吐尔逊对此表示肯定。')).toEqual(['阿布来提·吐尔逊']);
    expect(names('书记古丽巴哈尔·阿不都带领村民种植红枣。')).toEqual(['古丽巴哈尔·阿不都']);
  });
  it("a cue that begins with the name's last character gives way to the cue after it", () => {
    expect(names('州委副书记艾山江·买买提出席开园仪式。')).toEqual(['艾山江·买买提']);
    expect(names('县长阿迪力·艾买提提出三点要求。')).toEqual(['阿迪力·艾买提']);
  });
  it('keeps 阿不都-style given names whole and stops at 都 before a verb', () => {
    expect(names('村民帕提古丽·阿不都热依木说，日子越过越好。')).toEqual(['帕提古丽·阿不都热依木']);
    expect(names('村民帕提古丽·阿不都都说好。')).toEqual(['帕提古丽·阿不都']);
  });
  it('Han names after a title stop at 进行 / 带领 / 主持', () => {
    expect(names('副县长韩明进行了部署。')).toEqual(['韩明']);
    expect(names('县委书记魏建国带领干部走访农户。')).toEqual(['魏建国']);
    expect(names('院长孔祥林主持会议。')).toEqual(['孔祥林']);
  });
  it('a name at a clause start followed by its office', () => {
    expect(names('2020年起，欧阳春任洛浦县委书记。')).toEqual(['欧阳春']);
    expect(names('会议由覃立峰主持。覃立峰，墨玉县委副书记。')).toContain('覃立峰');
    expect(names('2022年，艾尔肯·阿布都拉任于田县副县长。')).toEqual(['艾尔肯·阿布都拉']);
  });
});

describe('project names run over trailing project words', () => {
  it('the longest span ending in a project suffix', () => {
    expect(entities('吉林省投入资金1200万元实施青河县第二中学改扩建项目。', 'Project')).toEqual(['青河县第二中学改扩建项目']);
    expect(entities('江西省援建的阿合奇县职业技术学校实训楼正式投用。', 'Project')).toEqual(['阿合奇县职业技术学校实训楼']);
    expect(entities('天津市投资600万元实施民丰县牧民定居点建设项目。', 'Project')).toEqual(['民丰县牧民定居点建设项目']);
    expect(entities('辽宁省援疆资金300万元用于托里县棚圈改造工程。', 'Project')).toEqual(['托里县棚圈改造工程']);
    expect(entities('河北省出资500万元实施且末县医疗设备购置项目。', 'Project')).toEqual(['且末县医疗设备购置项目']);
    expect(entities('湖北省投资2000万元建设温泉县民族风情街区。', 'Project')).toEqual(['温泉县民族风情街区']);
  });
  it('a project suffix after a facility name includes it', () => {
    expect(entities('浙江省投入3000万元实施乌什县人民医院门诊楼项目。', 'Project')).toEqual(['乌什县人民医院门诊楼项目']);
  });
  it('a company name before a generic 项目 makes it specific; bare generic words stay out', () => {
    expect(entities('在沙雅县落户的金穗纺织集团棉纺项目已投产。', 'Project')).toEqual(['金穗纺织集团棉纺项目']);
    expect(entities('要建好农贸市场和定居点。', 'Project')).toEqual([]);
  });
  it('和 between single characters inside an organisation name', () => {
    expect(entities('来自天津华和医院的专家开展义诊。', 'Organization')).toEqual(['天津华和医院']);
  });
  it('a firm named for its line of business (建设, 投资) and glued to a preposition', () => {
    expect(entities('该项目由广州市恒达建设集团承建。', 'Organization')).toEqual(['广州市恒达建设集团']);
    expect(entities('项目由恒达投资集团承建。', 'Organization')).toEqual(['恒达投资集团']);
    expect(entities('该项目由恒达建设有限公司承建。', 'Organization')).toEqual(['恒达建设有限公司']);
    // (the verb before a company word is still no name: 加快建设集团总部)
    expect(entities('加快建设集团总部。', 'Organization')).toEqual([]);
  });
});

describe('home city per article', () => {
  const doc = (...texts: string[]) => resolveDocument(texts.map((t, index) => recognizeArticle(segmented(t, { index }))));
  it('每篇 source line decides: 我市 is that article\'s city', () => {
    const [a, b] = doc(
      '来源：常州日报\n本报讯 市委书记钱伟率我市党政代表团赴伊宁县考察。',
      '来源：无锡日报\n本报讯 我市援疆干部在特克斯县开展义诊。',
    );
    expect(a!.home?.label).toBe('常州市');
    expect(b!.home?.label).toBe('无锡市');
    expect(b!.mentions.find((m) => m.text === '我市')?.entity?.label).toBe('无锡市');
  });
  it('a supporter city paper (特区报) gives the city, not its province', () => {
    const [a] = doc('来源：深圳特区报\n本报讯 我市投入援疆资金5000万元。');
    expect(a!.home?.label).toBe('深圳市');
  });
});
