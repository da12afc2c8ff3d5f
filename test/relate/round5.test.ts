// Round-5 relation errors found on invented articles (a blind generalisation check), tested on
// other invented text: the whole pipeline runs, so recognition and relation rules meet as in a build.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline.js';
import { relationsIn } from './fixture.js';

const label = (key: string) => key.slice(key.indexOf(':') + 1);
const funds = (text: string) =>
  relationsIn(text, 'FUNDS')
    .map((r) => `${label(r.source)} -> ${label(r.target)}${r.attrs.amount_yuan === undefined ? '' : ` ${r.attrs.amount_yuan}`}`)
    .filter((x, i, all) => all.indexOf(x) === i)
    .sort();

// A county's project notice: the list's opening names who pays, each numbered line one project.
const NOTICE = [
  '托里县2024年辽宁省援疆项目公示',
  '',
  '2024年，辽宁省安排托里县援疆资金9800万元，计划实施项目17个。现将重点项目公布如下：',
  '',
  '一、托里县库甫乡卫生院改扩建项目。建设地点：库甫乡。新建业务用房1200平方米，安排援疆资金520万元。',
  '',
  '二、托里县牧民定居点供水管网改造项目和托里县第一幼儿园保教楼建设项目。分别安排援疆资金310万元、270万元。',
  '',
  '三、托里县基层兽医能力提升项目。总投资200万元，其中援疆资金150万元，其余由县财政配套。',
  '',
  '四、托里县城区集中供热管网延伸项目。新建管网4.6公里，年内完工。',
  '',
  '以上项目共计安排援疆资金1250万元。',
].join('\n');

describe('FUNDS: the lines of a numbered project list', () => {
  it('a later sentence of a line funds the line’s project, paid by the funder the list’s opening names', () => {
    expect(funds(NOTICE)).toEqual([
      '辽宁省 -> 托里县基层兽医能力提升项目 1500000',
      '辽宁省 -> 托里县库甫乡卫生院改扩建项目 5200000',
      '辽宁省 -> 托里县牧民定居点供水管网改造项目 3100000',
      '辽宁省 -> 托里县第一幼儿园保教楼建设项目 2700000',
    ]);
  });
  it('a park named as where a line’s project is built is not funded (建设地点：某工业园区)', () => {
    const text = '2024年，辽宁省安排托里县援疆资金9800万元。现将重点项目公布如下：\n\n一、托里县牛羊肉精深加工车间项目。建设地点：托里县工业园区。安排援疆资金1300万元。';
    expect(funds(text)).toEqual(['辽宁省 -> 托里县牛羊肉精深加工车间项目 13000000']);
  });
  it('the funding quotes the line that names the project too', () => {
    const edge = relationsIn(NOTICE, 'FUNDS').filter((r) => label(r.target) === '托里县库甫乡卫生院改扩建项目');
    const quoted = edge.map((r) => r.evidence.sentence);
    expect(quoted.some((s) => s.includes('一、托里县库甫乡卫生院改扩建项目'))).toBe(true);
    expect(quoted.some((s) => s.includes('安排援疆资金520万元'))).toBe(true);
  });
  it('a line with no money funds nothing, and the closing total goes to no project', () => {
    const found = funds(NOTICE);
    expect(found.some((x) => x.includes('供热管网延伸项目'))).toBe(false);
    expect(found.some((x) => x.endsWith(' 12500000'))).toBe(false);
  });
  it('with no supporter named anywhere, a line’s aid money names no funder', () => {
    const anonymous = NOTICE.replace('辽宁省援疆项目公示', '援疆项目公示').replace('2024年，辽宁省安排托里县援疆资金9800万元，计划实施项目17个。', '2024年，托里县计划实施援疆项目17个。');
    expect(funds(anonymous)).toEqual([]);
  });
  it('an opening that does not introduce the list (no colon) lends it no funder', () => {
    const unrelated = NOTICE.replace('现将重点项目公布如下：', '各项目进展顺利。');
    const rules = relationsIn(unrelated, 'FUNDS').map((r) => r.rule);
    expect(rules).not.toContain('funds.list');
    expect(relationsIn(NOTICE, 'FUNDS').map((r) => r.rule)).toContain('funds.list');
  });
  it('under a line that holds only the name: a venue field, a detail line, and a later aid amount as the share of the total', () => {
    const notice = [
      '吉林省对口支援阿勒泰地区。现将2025年吉林援疆项目进展公示如下：',
      '',
      '一、布尔津县禾木冰雪运动营地项目',
      '建设地点：布尔津县禾木冰雪产业园',
      '总投资1.4亿元，其中援疆资金6100万元，其余由企业自筹。',
      '进展情况：主体完工。',
      '',
      '二、吉木乃县口岸物流仓储项目',
      '总投资：5800万元',
      '援疆资金：2700万元',
      '',
      '三、哈巴河县白沙湖景区提升项目',
      '该项目由吉林援疆资金全额投资，总投资3900万元。',
    ].join('\n');
    expect(funds(notice)).toEqual([
      '吉林省 -> 吉木乃县口岸物流仓储项目 27000000',
      '吉林省 -> 哈巴河县白沙湖景区提升项目 39000000',
      '吉林省 -> 布尔津县禾木冰雪运动营地项目 61000000',
    ]);
  });
  it('field lines under a numbered line that holds only the name belong to it', () => {
    const fields = [
      '2025年，吉林省安排哈巴河县援疆资金6200万元，现将项目清单公示如下：',
      '',
      '一、哈巴河县萨尔塔木乡冷水鱼养殖加工基地建设项目',
      '建设地点：萨尔塔木乡',
      '援疆资金：680万元',
      '',
      '二、哈巴河县齐巴尔镇卫生院标准化建设项目',
      '建设内容：新建门诊楼一栋',
      '援疆资金：430万元',
    ].join('\n');
    expect(funds(fields)).toEqual([
      '吉林省 -> 哈巴河县萨尔塔木乡冷水鱼养殖加工基地建设项目 6800000',
      '吉林省 -> 哈巴河县齐巴尔镇卫生院标准化建设项目 4300000',
    ]);
  });
});

describe('FUNDS: aid money stated for a project, with no funding verb', () => {
  it('P由某省援疆资金N建设: the supporter whose aid money it is', () => {
    expect(funds('策勒县达玛沟灌区节水改造工程由天津援疆资金6800万元建设，今年5月完工。')).toEqual(['天津市 -> 策勒县达玛沟灌区节水改造工程 68000000']);
  });
  it('该项目使用某省援疆资金N: the project named just before', () => {
    expect(funds('青河县阿魏灌区防渗渠道工程今年4月开工。该项目使用黑龙江援疆资金2300万元，年底完工。')).toEqual(['黑龙江省 -> 青河县阿魏灌区防渗渠道工程 23000000']);
  });
  it('某省援疆资金N建设的P, and a 中心 money is stated for is a project', () => {
    expect(funds('辽宁援疆资金4100万元建设的托里县牧民技能培训中心正式启用。')).toEqual(['辽宁省 -> 托里县牧民技能培训中心 41000000']);
  });
  it('总投资N，全部为某省援疆资金: all of N', () => {
    expect(funds('温宿县天山雪莲文旅小镇项目总投资9600万元，全部为浙江援疆资金，明年投入运营。')).toEqual(['浙江省 -> 温宿县天山雪莲文旅小镇项目 96000000']);
  });
  it('aid money nobody is named for: the supporter paired with the project’s place, when the article names it', () => {
    const text = '吉林省召开对口援疆工作推进会。\n\n会议通报，哈巴河县冷水鱼繁育中心项目安排援疆资金960万元，年内建成。';
    expect(funds(text)).toEqual(['吉林省 -> 哈巴河县冷水鱼繁育中心项目 9600000']);
  });
  it('…and nothing when the named supporter is not paired with the place, or two supporters fit', () => {
    expect(funds('河北省召开对口援疆工作推进会。\n\n会议通报，哈巴河县冷水鱼繁育中心项目安排援疆资金960万元，年内建成。')).toEqual([]);
    expect(funds('上海、山东两地援疆干部座谈会在喀什召开。\n\n喀什地区职业教育实训基地项目安排援疆资金2000万元。')).toEqual([]);
  });
  it('P安排N in a clause set beside one that names the aid money (…援疆资金N；P安排M)', () => {
    const text = '吉林省召开对口援疆工作推进会。\n\n布尔津县禾木游客服务中心项目安排援疆资金2300万元；哈巴河县白桦林栈道项目安排900万元。';
    expect(funds(text)).toEqual(['吉林省 -> 哈巴河县白桦林栈道项目 9000000', '吉林省 -> 布尔津县禾木游客服务中心项目 23000000']);
    expect(funds('吉林省召开对口援疆工作推进会。\n\n哈巴河县白桦林栈道项目安排900万元。')).toEqual([]);
  });
  it('money that is not aid names no funder (总投资N alone)', () => {
    expect(funds('吉林省召开对口援疆工作推进会。\n\n哈巴河县冷水鱼繁育中心项目总投资960万元，年内建成。')).toEqual([]);
  });
});

describe('SUPPORTS: places a sentence gives to another supporter, and agreements', () => {
  const supports = (text: string) => relationsIn(text, 'SUPPORTS').map((r) => `${label(r.source)} -> ${label(r.target)}`).filter((x, i, all) => all.indexOf(x) === i).sort();
  it('A对口支援X，B对口支援Y: no crossed pairs', () => {
    expect(supports('按照安排，苏州市对口支援阿图什市，常州市对口支援乌恰县，两地援疆工作扎实推进。')).toEqual(['常州市 -> 乌恰县', '苏州市 -> 阿图什市']);
  });
  it('A与X、B与Y分别签订协作协议 is cooperation, not the pairing', () => {
    expect(supports('镇江市京口区与阿合奇县、泰州市海陵区与乌恰县分别签订区域协作框架协议。')).toEqual([]);
  });
  it('a supporter province’s city paired explicitly keeps that partner only (其中某市对口支援X)', () => {
    expect(supports('吉林援疆覆盖阿勒泰市、哈巴河县、布尔津县、吉木乃县，其中辽源市对口支援吉木乃县。')).toEqual([
      '吉林省 -> 吉木乃县', '吉林省 -> 哈巴河县', '吉林省 -> 布尔津县', '吉林省 -> 阿勒泰市', '辽源市 -> 吉木乃县',
    ]);
  });
  it('…while a signing that speaks of aid still pairs', () => {
    expect(supports('常州市与乌恰县签订对口援疆合作协议。')).toEqual(['常州市 -> 乌恰县']);
  });
});

describe('HOLDS_POSITION and persons: notes, rosters, appointments, bylines', () => {
  const positions = (text: string) => relationsIn(text, 'HOLDS_POSITION').map((r) => `${label(r.source)} -> ${label(r.target)} {${r.attrs.title}}`).sort();
  const persons = (text: string) => {
    const doc = { file: 'invented.txt', encoding: 'utf-8', bytes: Buffer.byteLength(text), format: 'text' as const, text };
    return extractDocument(doc).flatMap((r) => r.entities).filter((e) => e.type === 'Person').map((e) => e.label).sort();
  };
  it('a note between the office and the name: 副县长（援疆干部）某某', () => {
    expect(positions('托里县委常委、副县长（援疆干部）葛平川介绍了项目进展。')).toEqual(['葛平川 -> 托里县 {县委常委、副县长}']);
    expect(positions('塔城地委委员、行署副专员（挂职）苗一鸣出席仪式。')).toEqual(['苗一鸣 -> 塔城地区 {地委委员、行署副专员}']);
  });
  it('a roster line: the name, a space, then every office of the line', () => {
    const roster = '二、挂职干部名单\n　　邬明远　托里县委常委、副县长\n　　蔡思齐　塔城地区人民医院副院长，托里县人民医院院长';
    expect(positions(roster)).toEqual([
      '蔡思齐 -> 塔城地区人民医院 {副院长}',
      '蔡思齐 -> 托里县人民医院 {院长}',
      '邬明远 -> 托里县 {县委常委、副县长}',
    ]);
  });
  it('a line that opens on a name and a space but holds no office is no roster', () => {
    expect(persons('邬明远　今年五十二岁，来自沈阳。')).toEqual([]);
  });
  it('任命某某为…: the appointed office; a nomination (提名为…人选) is not held yet', () => {
    expect(positions('会议决定，任命邬明远为辽宁省援疆前方指挥部副总指挥，提名为塔城地区行署副专员人选。')).toEqual(['邬明远 -> 辽宁省援疆前方指挥部 {副总指挥}']);
  });
  it('bylines after 文字： / 图片： / 联系人： / 记者/ are persons; 联系人：某女士 is nobody in full', () => {
    expect(persons('援疆工作会议在塔城召开。\n文字：邬明远　图片：蔡思齐')).toEqual(['蔡思齐', '邬明远']);
    expect(persons('塔城日报讯（记者/邬明远 通讯员/蔡思齐）援疆工作会议在塔城召开。')).toEqual(['蔡思齐', '邬明远']);
    expect(persons('咨询电话：0901-6221234；联系人：苗女士')).toEqual([]);
    expect(persons('这段文字：记录了援疆干部的日常。')).toEqual([]);
  });
});

describe('VISITS: a place named as a topic or as a delegation’s is not visited', () => {
  const visits = (text: string) => relationsIn(text, 'VISITS').map((r) => `${label(r.source)} -> ${label(r.target)}`).filter((x, i, all) => all.indexOf(x) === i).sort();
  it('调研某省对口援疆工作 / 考察某市援疆项目 / 带领某市代表团来到X', () => {
    expect(visits('6月2日，辽宁省政协副主席邬明远率队赴塔城地区，调研辽宁对口援疆工作。')).toEqual(['邬明远 -> 塔城地区']);
    expect(visits('5月20日，沈阳市副市长蔡思齐带领沈阳市代表团来到托里县，考察沈阳援疆项目。')).toEqual(['蔡思齐 -> 托里县']);
  });
});
