// Round-4 recognition errors found on invented articles, tested on other invented sentences.
import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const entities = (text: string, type: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => e.type === type).map((e) => e.label).sort();
const persons = (text: string) => entities(text, 'Person');
const orgs = (text: string) => entities(text, 'Organization');

describe('a person named by what they are to the story (患者, 种植户)', () => {
  it('takes a dotted name', () => {
    expect(persons('72岁的患者吐尔洪·阿不力孜出院时握着医生的手。')).toEqual(['吐尔洪·阿不力孜']);
    expect(persons('种植户热娜·托合提今年的收入翻了一番。')).toEqual(['热娜·托合提']);
  });
  it('takes a name jieba reads as one, not the verb after a collective noun', () => {
    expect(persons('展演受到当地游客盛赞。')).toEqual([]);
    expect(persons('活动吸引了不少老人围观。')).toEqual([]);
  });
});

describe('a school or hospital name jieba glues to the subject or department after it', () => {
  it('ends at its suffix when a title follows that word', () => {
    expect(orgs('天津市第五十四中学语文教师郑雨桐在座谈会上发言。')).toEqual(['天津市第五十四中学']);
  });
  it('needs a place at its head (加强中学数学教师培训 names no school)', () => {
    expect(orgs('县里将加强中学数学教师培训。')).toEqual([]);
  });
});

describe('dotted names', () => {
  it('run over the transliteration characters 乎, 肉, 来 (托乎提, 肉孜, 阿布来提)', () => {
    expect(persons('副县长依明·托乎提出席会议。')).toEqual(['依明·托乎提']);
    expect(persons('合作社负责人阿不都热依木·肉孜正在装箱。')).toEqual(['阿不都热依木·肉孜']);
    expect(persons('村民阿布来提·吐尔逊说，今年收成好。')).toEqual(['阿布来提·吐尔逊']);
  });
  it('和 between two dotted names joins two persons', () => {
    expect(persons('学生努尔艾力·买买提、热孜万古丽·吐尔逊和迪力夏提·艾合买提都说，实验课最有意思。')).toEqual(['努尔艾力·买买提', '热孜万古丽·吐尔逊', '迪力夏提·艾合买提']);
  });
});

describe('a group noun before a common word (职工公寓)', () => {
  it('reads no name', () => {
    expect(persons('项目配套建设职工公寓、食堂等设施。')).toEqual([]);
    expect(persons('村里新建了村民广场。')).toEqual([]);
  });
});

describe('主刀的某某是某医院某科主任医师', () => {
  it('reads the name after 的 when 是 and a body and title follow', () => {
    expect(persons('主刀的颜松柏是南京市鼓楼区仁爱医院普外科主任医师。')).toEqual(['颜松柏']);
  });
  it('not a plain noun phrase after 的 (最大的变化是…)', () => {
    expect(persons('当地最大的变化是县医院新开了儿科。')).toEqual([]);
  });
});

describe('地区行署 is the prefecture office, not 区 + 行署', () => {
  it('gives no organisation 区行署', () => {
    expect(orgs('地区行署副专员依明·托乎提出席签约仪式。')).toEqual([]);
  });
});

describe('a pairing compound heads a name (援疆 context)', () => {
  it('津于 / 粤疏 stay in the park name', () => {
    const projects = (text: string) => entities(text, 'Project');
    expect(projects('天津市对口支援于田县建设的津于农副产品加工产业园正式投产。')).toEqual(['津于农副产品加工产业园']);
    expect(projects('广东援疆：粤疏轻工产业园新引进企业12家。')).toEqual(['粤疏轻工产业园']);
  });
});

describe('a project name cut at a verb of its own', () => {
  const projects = (text: string) => entities(text, 'Project');
  it('runs on to the place at its head (若羌县米兰镇|安居|供水改造工程)', () => {
    expect(projects('民丰县萨勒吾则克乡安居供水改造工程已完工。')).toEqual(['民丰县萨勒吾则克乡安居供水改造工程']);
  });
  it('not over the verb of a sentence (某县加快…工程)', () => {
    expect(projects('墨玉县加快供水改造工程建设。')).toEqual([]);
  });
  it('a generic kind of works headed by a pairing compound is named (湘吐…工程)', () => {
    expect(projects('湖南援疆：湖南省援建的湘鄯设施农业提质工程已完工。')).toEqual(['湘鄯设施农业提质工程']);
  });
});

describe('surnames of the 百家姓 that were missing (洪, 赖, 阎…)', () => {
  it('read names after a title', () => {
    expect(persons('江苏援疆干部洪一帆介绍，项目进展顺利。')).toEqual(['洪一帆']);
    expect(persons('援疆医生赖晓雯说，病人恢复得很好。')).toEqual(['赖晓雯']);
  });
});

describe('organisation kinds', () => {
  it('援疆医疗队, 气象台, 投资促进中心 and a paper in its dateline (某某报讯)', () => {
    expect(orgs('天津市第十二批援疆医疗队在策勒县开展义诊。')).toEqual(['天津市第十二批援疆医疗队']);
    expect(orgs('据喀什地区气象台消息，明天有浮尘天气。')).toEqual(['喀什地区气象台']);
    expect(orgs('库车经济技术开发区管委会与浙江省国际投资促进中心签署合作协议。')).toEqual(['库车经济技术开发区管委会', '浙江省国际投资促进中心']);
    expect(orgs('伊犁日报讯（记者 王一）近日，观摩团来到霍城县。')).toEqual(['伊犁日报']);
    expect(orgs('兵团日报讯 近日，观摩团来到第五师。')).toEqual(['兵团日报']);
    expect(orgs('喀什经济报讯 近日，观摩团来到疏附县。')).toEqual(['喀什经济报']);
  });
});

describe('generic names', () => {
  const projects = (text: string) => entities(text, 'Project');
  it('a crop before 种植基地 names no base (枸杞种植基地), a named one stays', () => {
    expect(projects('带动周边农户建起葡萄种植基地3处。')).toEqual([]);
    expect(projects('代表团考察了伽师县新梅标准化种植基地。')).toEqual(['伽师县新梅标准化种植基地']);
  });
  it('a water network (供水管网) is no news site (某某网)', () => {
    expect(orgs('用于民丰县尼雅镇供水管网改造。')).toEqual([]);
  });
});

describe('from the blind check', () => {
  it('a numbered appointment line: 1．某某，任…', () => {
    expect(persons('1．林志远，任福建省援疆前方指挥部总指挥，昌吉州党委副书记；')).toEqual(['林志远']);
  });
  it('a quoted remark ending in 基地 is no project', () => {
    expect(entities('董事长表示：“我们有信心把这里打造成集团在西北最大的生产基地。”', 'Project')).toEqual([]);
    expect(entities('董事长表示：“我们有信心把这里打造成集团在西北最大的生产基地”。', 'Project')).toEqual([]);
  });
});

describe('a speech verb after a common word', () => {
  it('用普通话说 names no one; 某某说 still does', () => {
    expect(persons('孩子们已经能用普通话说出完整的句子。')).toEqual([]);
    expect(persons('出院那天，她用不太流利的普通话说：“谢谢你们。”')).toEqual([]);
    expect(persons('援疆教师郑雨桐说，孩子们进步很快。')).toEqual(['郑雨桐']);
  });
});
