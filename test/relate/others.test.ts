// HOLDS_POSITION, FUNDS, LOCATED_IN, VISITS, COOPERATES_WITH, PART_OF on invented sentences,
// plus the record contract (evidence, determinism).
import { describe, expect, it } from 'vitest';
import { relateArticle } from '../../src/relate.js';
import { edges, makeArticle, relate, relationsIn } from './fixture.js';

const titlesOf = (records: ReturnType<typeof relate>) =>
  records.filter((r) => r.type === 'HOLDS_POSITION').map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]} {${r.attrs.title}}`).sort();

describe('HOLDS_POSITION', () => {
  it('two offices of one region merge into one title; a title without holder joins the holder before it', () => {
    expect(titlesOf(relate('浙江省委常委、副省长王明华出席会议。', [['Province', '浙江省'], ['Person', '王明华']]))).toEqual([
      '王明华 -> 浙江省 {省委常委、副省长}',
    ]);
  });

  it('bare 省委 means the home province', () => {
    expect(titlesOf(relate('省委书记周强国率代表团出访。', [['Pronoun', '省'], ['Person', '周强国']], { home: '湖南省' }))).toEqual([
      '周强国 -> 湖南省 {省委书记}',
    ]);
  });

  it('an aid office and a county office of one person give two edges', () => {
    expect(
      titlesOf(relate('安徽省援疆指挥部总指挥、皮山县委副书记赵卫东说。', [
        ['Organization', '安徽省援疆指挥部'],
        ['County', '皮山县'],
        ['Person', '赵卫东'],
      ])),
    ).toEqual(['赵卫东 -> 安徽省援疆指挥部 {总指挥}', '赵卫东 -> 皮山县 {县委副书记}']);
  });

  it("a region's party organ is the region's office; organisations keep their own titles", () => {
    expect(
      titlesOf(relate('和田地区党委宣传部部长马红与新疆大学校长李晓东座谈。', [
        ['Organization', '和田地区党委宣传部'],
        ['Person', '马红'],
        ['Organization', '新疆大学'],
        ['Person', '李晓东'],
      ])),
    ).toEqual(['李晓东 -> 新疆大学 {校长}', '马红 -> 和田地区 {党委宣传部部长}']);
  });

  it('a deputy listed after the head of the same office holds it at the same place; another title does not', () => {
    expect(
      titlesOf(relate('江西省援疆前方指挥部总指挥刘振州、副总指挥陈建平陪同考察。', [
        ['Organization', '江西省援疆前方指挥部'],
        ['Person', '刘振州'],
        ['Person', '陈建平'],
      ])),
    ).toEqual(['刘振州 -> 江西省援疆前方指挥部 {总指挥}', '陈建平 -> 江西省援疆前方指挥部 {副总指挥}']);
    expect(titlesOf(relate('墨玉县委书记王卫东、副书记赵明出席。', [['County', '墨玉县'], ['Person', '王卫东'], ['Person', '赵明']]))).toEqual([
      '王卫东 -> 墨玉县 {县委书记}',
      '赵明 -> 墨玉县 {副书记}',
    ]);
    // 副省长 of which province is not said: 新疆大学 does not have one
    expect(titlesOf(relate('新疆大学校长张建国、副省长李明华出席。', [['Organization', '新疆大学'], ['Person', '张建国'], ['Person', '李明华']]))).toEqual([
      '张建国 -> 新疆大学 {校长}',
    ]);
  });

  it('an office after ，现任; a bare 州长 / 县委书记 is the home prefecture\'s or county\'s', () => {
    expect(titlesOf(relate('援疆干部郑志明，现任呼图壁县委副书记。', [['Person', '郑志明'], ['County', '呼图壁县']]))).toEqual([
      '郑志明 -> 呼图壁县 {县委副书记}',
    ]);
    expect(titlesOf(relate('州委副书记、州长张国强出席会议。', [['Person', '张国强']], { home: '昌吉回族自治州' }))).toEqual([
      '张国强 -> 昌吉回族自治州 {州委副书记、州长}',
    ]);
    // a province is not a 州's home
    expect(titlesOf(relate('州委副书记、州长张国强出席会议。', [['Person', '张国强']], { home: '福建省' }))).toEqual([]);
  });

  it('a national body written into the title is the holder (全国人大常委会副委员长)', () => {
    expect(titlesOf(relate('全国人大常委会副委员长周立新出席。', [['Person', '周立新']]))).toEqual(['周立新 -> 全国人大常委会 {副委员长}']);
  });

  it('roles that are not offices give nothing', () => {
    expect(titlesOf(relate('河南援疆干部刘晓燕和记者陈思一同前往。', [['Province', '河南'], ['Person', '刘晓燕'], ['Person', '陈思']]))).toEqual([]);
  });
});

describe('FUNDS and LOCATED_IN', () => {
  it('organisation 投资建设的 project; project named after its county', () => {
    const records = relate('新华能源集团投资建设的叶城光伏电站项目并网发电。', [['Organization', '新华能源集团'], ['Project', '叶城光伏电站项目']]);
    expect(edges(records, 'FUNDS')).toEqual(['FUNDS 新华能源集团 -> 叶城光伏电站项目']);
    expect(edges(records, 'LOCATED_IN')).toEqual(['LOCATED_IN 叶城光伏电站项目 -> 叶城县']);
  });

  it('a company funds the project named after it, a public body with a generic suffix does not', () => {
    const records = relate('天山矿业集团年产5万吨选矿厂项目开工，阿克苏市第二医院建设项目同时启动。', [
      ['Project', '天山矿业集团年产5万吨选矿厂项目'],
      ['Organization', '天山矿业集团'],
      ['Project', '阿克苏市第二医院建设项目'],
      ['Organization', '阿克苏市第二医院'],
    ]);
    expect(edges(records, 'FUNDS')).toEqual(['FUNDS 天山矿业集团 -> 天山矿业集团年产5万吨选矿厂项目']);
  });

  it('投入资金M，用于建设P gives P the amount', () => {
    const records = relate('我市投入援疆资金800万元，用于建设于田县农贸市场。', [['Pronoun', '我市'], ['Money', '800万元', '8000000'], ['Project', '于田县农贸市场']], { home: '天津市' });
    expect(records.filter((r) => r.type === 'FUNDS').map((r) => [r.source, r.attrs.amount_yuan])).toEqual([['Province:天津市', 8000000]]);
  });

  it('an amount for a project named as an example of several (实施A等项目28个) is not its own', () => {
    const records = relate('今年以来，福建省安排资金1.8亿元，实施玛纳斯县职业技术学校实训楼等项目28个。', [
      ['Province', '福建省'],
      ['Money', '1.8亿元', '180000000'],
      ['Project', '玛纳斯县职业技术学校实训楼'],
    ]);
    expect(records.filter((r) => r.type === 'FUNDS').map((r) => r.attrs.amount_yuan)).toEqual([undefined]);
  });

  it('one amount for several projects is not given to any of them', () => {
    const records = relate('我省投入援疆资金3亿元，支持了阿图什工业园、乌恰物流园等项目。', [
      ['Pronoun', '我省'],
      ['Money', '3亿元', '300000000'],
      ['Project', '阿图什工业园'],
      ['Project', '乌恰物流园'],
    ], { home: '江苏省' });
    expect(edges(records, 'FUNDS')).toEqual(['FUNDS 江苏省 -> 乌恰物流园', 'FUNDS 江苏省 -> 阿图什工业园']);
    expect(records.filter((r) => r.type === 'FUNDS').every((r) => r.attrs.amount_yuan === undefined)).toBe(true);
    expect(edges(records, 'LOCATED_IN')).toEqual(['LOCATED_IN 乌恰物流园 -> 乌恰县', 'LOCATED_IN 阿图什工业园 -> 阿图什市']);
  });

  it('the funder of the previous sentence carries over; 项目总投资 and 该项目 amounts', () => {
    const records = relate(
      '我省安排资金1.2亿元，新建学校3所。全额投资5000万元建成的墨玉县第二小学已投入使用。莎车县第三中学是我市对口援建重点项目，项目总投资3000万元。',
      [
        ['Pronoun', '我省'],
        ['Money', '1.2亿元', '120000000'],
        ['Money', '5000万元', '50000000'],
        ['Project', '墨玉县第二小学'],
        ['Project', '莎车县第三中学'],
        ['Pronoun', '我市'],
        ['Money', '3000万元', '30000000'],
      ],
      { home: '上海市' },
    );
    const funds = records.filter((r) => r.type === 'FUNDS').map((r) => `${r.target.split(':')[1]} ${r.attrs.amount_yuan}`).sort();
    expect(funds).toEqual(['墨玉县第二小学 50000000', '莎车县第三中学 30000000']);
  });

  it('该项目总投资 a few sentences after the funding goes to the project named last; a name not read as a project does not reach back', () => {
    const amounts = (text: string, specs: Parameters<typeof relate>[1]) =>
      relate(text, specs).filter((r) => r.type === 'FUNDS').map((r) => `${r.target.split(':')[1]} ${r.attrs.amount_yuan}`);
    const text = '由天津市援建的标准化厂房项目竣工交付。前方指挥部总指挥出席交付仪式。据介绍，该项目总投资3200万元，由援疆资金全额投入。';
    const specs: Parameters<typeof relate>[1] = [
      ['Province', '天津市'],
      ['Project', '标准化厂房项目'],
      ['Money', '3200万元', '32000000'],
    ];
    // one relation, quoting the sentence that names the project and the one that gives the amount
    expect(amounts(text, specs)).toEqual(['标准化厂房项目 32000000', '标准化厂房项目 32000000']);
    expect(relate(text, specs).filter((r) => r.type === 'FUNDS').map((r) => r.evidence.sentence)).toEqual([
      '由天津市援建的标准化厂房项目竣工交付。',
      '据介绍，该项目总投资3200万元，由援疆资金全额投入。',
    ]);
    // a clause opening on another word with 项目 in it (项目库) is not about the project
    expect(
      amounts('由天津市援建的标准化厂房项目竣工交付。项目库中共有120个项目，总投资30亿元。', [
        ['Province', '天津市'],
        ['Project', '标准化厂房项目'],
        ['Money', '30亿元', '3000000000'],
      ]),
    ).toEqual(['标准化厂房项目 undefined']);
    // 某某物流园项目总投资…: the sentence is about a project the recognizer did not read, not the headline's
    expect(
      amounts('由天津市援建的标准化厂房项目竣工交付。前方指挥部总指挥出席交付仪式。总指挥介绍，振兴物流园项目总投资4.1亿元。', [
        ['Province', '天津市'],
        ['Project', '标准化厂房项目'],
        ['Money', '4.1亿元', '410000000'],
      ]),
    ).toEqual(['标准化厂房项目 undefined']);
  });

  it('company named in the project; the amount in the next sentence; 落户 the most specific place', () => {
    const records = relate('华星科技年产10万吨有机肥生产线项目落户哈密市伊州区。该项目总投资1.5亿元，分两期建设。', [
      ['Project', '华星科技年产10万吨有机肥生产线项目'],
      ['Organization', '华星科技'],
      ['Prefecture', '哈密市'],
      ['County', '伊州区'],
      ['Money', '1.5亿元', '150000000'],
    ]);
    const funds = records.filter((r) => r.type === 'FUNDS');
    // (two records of one relation: the naming sentence, and the next one quoted for its amount)
    expect(funds.map((r) => [r.source, r.attrs.amount_yuan, r.evidence.sentence])).toEqual([
      ['Organization:华星科技', 150000000, '华星科技年产10万吨有机肥生产线项目落户哈密市伊州区。'],
      ['Organization:华星科技', 150000000, '该项目总投资1.5亿元，分两期建设。'],
    ]);
    expect(edges(records, 'LOCATED_IN')).toEqual(['LOCATED_IN 华星科技年产10万吨有机肥生产线项目 -> 伊州区']);
  });

  it('位于 after the name\'s own 项目 or a comma; 该项目位于 and ，项目位于 refer to the project just named', () => {
    expect(edges(relate('智慧农业示范园项目位于于田县。', [['Project', '智慧农业示范园'], ['County', '于田县']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 智慧农业示范园 -> 于田县',
    ]);
    expect(edges(relate('投资建设的冷链物流中心，位于阿图什市。', [['Project', '冷链物流中心'], ['County', '阿图什市']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 冷链物流中心 -> 阿图什市',
    ]);
    // the project of the previous sentence; a clause inside the sentence takes the last project before it
    expect(edges(relate('玫瑰精深加工产业园开工建设。据悉，该项目位于策勒县固拉哈玛镇。', [['Project', '玫瑰精深加工产业园'], ['County', '策勒县']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 玫瑰精深加工产业园 -> 策勒县',
    ]);
    expect(edges(relate('援建职业技术学校二期工程，项目位于喀什市。', [['Project', '职业技术学校'], ['County', '喀什市']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 职业技术学校 -> 喀什市',
    ]);
    // two projects before: which one is meant is unknown; an organisation last named is not a project
    expect(edges(relate('光伏电站和污水处理厂同时开工。该项目位于鄯善县。', [['Project', '光伏电站'], ['Project', '污水处理厂'], ['County', '鄯善县']]), 'LOCATED_IN')).toEqual([]);
    expect(edges(relate('建材公司承建，项目位于鄯善县。', [['Organization', '建材公司'], ['County', '鄯善县']]), 'LOCATED_IN')).toEqual([]);
    // a non-stative verb does not carry its subject across a comma
    expect(edges(relate('冷链物流中心开工，落户阿图什市的企业达20家。', [['Project', '冷链物流中心'], ['County', '阿图什市']]), 'LOCATED_IN')).toEqual([]);
  });

  it('在X举办/设立 P; exhibitions named after a place are not located there by name', () => {
    const records = relate('在库尔勒市文化中心举办天山风光摄影展，在精河县第一中学设立爱心书屋。', [
      ['Organization', '库尔勒市文化中心'],
      ['Project', '天山风光摄影展'],
      ['Organization', '精河县第一中学'],
      ['Project', '爱心书屋'],
    ]);
    expect(edges(records, 'LOCATED_IN')).toEqual(['LOCATED_IN 天山风光摄影展 -> 库尔勒市', 'LOCATED_IN 爱心书屋 -> 精河县']);
    expect(edges(relate('伊犁风光摄影展开幕。', [['Project', '伊犁风光摄影展']]), 'LOCATED_IN')).toEqual([]);
  });

  it('a park named after its Xinjiang place and then its supporter is in the place; supporter + partner names neither', () => {
    expect(edges(relate('和田市北京工业园区标准化厂房项目完成主体施工。', [['Project', '和田市北京工业园区标准化厂房项目']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 和田市北京工业园区标准化厂房项目 -> 和田市',
    ]);
    expect(edges(relate('广东喀什产业园完成主体施工。', [['Project', '广东喀什产业园']]), 'LOCATED_IN')).toEqual([]);
  });

  it('a place written right before an organisation', () => {
    expect(edges(relate('库尔勒市天山纺织集团扩大生产。', [['County', '库尔勒市'], ['Organization', '天山纺织集团']]), 'LOCATED_IN')).toEqual([
      'LOCATED_IN 天山纺织集团 -> 库尔勒市',
    ]);
  });
});

describe('VISITS', () => {
  it('先后到 a list: one edge per item, the most specific name, with the date', () => {
    const records = relate('2024年5月10日，王明华先后到博乐市、精河县、昌吉州玛纳斯县考察。', [
      ['Date', '2024年5月10日', '20240510'],
      ['Person', '王明华'],
      ['County', '博乐市'],
      ['County', '精河县'],
      ['Prefecture', '昌吉州'],
      ['County', '玛纳斯县'],
    ]);
    expect(edges(records, 'VISITS')).toEqual(['VISITS 王明华 -> 博乐市', 'VISITS 王明华 -> 玛纳斯县', 'VISITS 王明华 -> 精河县']);
    expect(records.find((r) => r.type === 'VISITS')!.attrs.date).toBe('2024-05-10');
  });

  it('people visited are not places; 在X，P了解 is a visit', () => {
    expect(edges(relate('王明华看望慰问我省援疆干部。', [['Person', '王明华'], ['Pronoun', '我省']], { home: '浙江省' }), 'VISITS')).toEqual([]);
    expect(
      edges(relate('在叶城县第二中学，张华了解教学情况。', [['Project', '叶城县第二中学'], ['Person', '张华']]), 'VISITS'),
    ).toEqual(['VISITS 张华 -> 叶城县第二中学']);
  });
});

describe('COOPERATES_WITH', () => {
  it('A与B; respectively-lists zip; a list of companies with 我省 is not an organisation pair', () => {
    expect(edges(relate('新疆大学与武汉大学签署合作协议。', [['Organization', '新疆大学'], ['Organization', '武汉大学']]), 'COOPERATES_WITH')).toEqual([
      'COOPERATES_WITH 新疆大学 -> 武汉大学',
    ]);
    expect(
      edges(relate('协和医院、同济医院分别与博州人民医院、精河县人民医院结对。', [
        ['Organization', '协和医院'],
        ['Organization', '同济医院'],
        ['Organization', '博州人民医院'],
        ['Organization', '精河县人民医院'],
      ]), 'COOPERATES_WITH'),
    ).toEqual(['COOPERATES_WITH 协和医院 -> 博州人民医院', 'COOPERATES_WITH 同济医院 -> 精河县人民医院']);
    expect(
      edges(relate('华为、腾讯和阿里巴巴等企业与我省开展合作。', [
        ['Organization', '华为'],
        ['Organization', '腾讯'],
        ['Organization', '阿里巴巴'],
        ['Pronoun', '我省'],
      ], { home: '浙江省' }), 'COOPERATES_WITH'),
    ).toEqual([]);
  });

  it('联合 B: the organisation before is the partner', () => {
    expect(
      edges(relate('援疆工作队联合天山志愿者协会开展捐书活动。', [['Organization', '援疆工作队'], ['Organization', '天山志愿者协会']]), 'COOPERATES_WITH'),
    ).toEqual(['COOPERATES_WITH 天山志愿者协会 -> 援疆工作队']);
  });
});

describe('PART_OF and the record contract', () => {
  it('adjacent and listed children of a region', () => {
    expect(
      edges(relate('和田地区皮山、墨玉两县受灾。', [['Prefecture', '和田地区'], ['County', '皮山'], ['County', '墨玉']]), 'PART_OF'),
    ).toEqual(['PART_OF 墨玉县 -> 和田地区', 'PART_OF 皮山县 -> 和田地区']);
  });

  it('evidence is the original sentence with file offsets; output is deterministic', () => {
    const text = '第一句话。\n湖南省与吐鲁番市共建产业园区。';
    const article = makeArticle(text, [['Province', '湖南省'], ['Prefecture', '吐鲁番市']]);
    const records = relateArticle(article);
    const r = records.find((x) => x.type === 'SUPPORTS')!;
    expect(r.evidence.sentence).toBe('湖南省与吐鲁番市共建产业园区。');
    expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(JSON.stringify(relateArticle(article))).toBe(JSON.stringify(records));
  });
});

describe('lists read with the lexicon', () => {
  it('children the recognizer left out are read inside a stated list (天津 …和田地区民丰、策勒、于田三县)', () => {
    const records = relate('我市对口支援和田地区民丰、策勒、于田三县。', [['Pronoun', '我市'], ['Prefecture', '和田地区'], ['County', '策勒']], { home: '天津市' });
    expect(edges(records, 'SUPPORTS')).toEqual([
      'SUPPORTS 天津市 -> 于田县',
      'SUPPORTS 天津市 -> 和田地区',
      'SUPPORTS 天津市 -> 民丰县',
      'SUPPORTS 天津市 -> 策勒县',
    ]);
    expect(edges(records, 'PART_OF')).toEqual(['PART_OF 于田县 -> 和田地区', 'PART_OF 民丰县 -> 和田地区', 'PART_OF 策勒县 -> 和田地区']);
  });

  it('新疆和田: 和 starts a name here, and the prefecture is the direct child', () => {
    expect(edges(relate('会议在新疆和田召开。', [['Province', '新疆']]), 'PART_OF')).toEqual(['PART_OF 和田地区 -> 新疆维吾尔自治区']);
  });
});

describe('second-round cases', () => {
  it('a delegation touring regions is a visit, not a statement of support; 抵达 is a visit', () => {
    const records = relate('赵卫东抵达哈密市。代表团一行先后来到伊州区、巴里坤县，察看河南援建的伊州区第二中学。', [
      ['Person', '赵卫东'],
      ['Prefecture', '哈密市'],
      ['County', '伊州区'],
      ['County', '巴里坤县', '巴里坤哈萨克自治县'],
      ['Province', '河南'],
      ['Project', '伊州区第二中学'],
    ]);
    expect(edges(records, 'SUPPORTS')).toEqual(['SUPPORTS 河南省 -> 伊州区']);
    expect(edges(records, 'VISITS')).toEqual(['VISITS 赵卫东 -> 哈密市']);
  });

  it('a province written before its city only qualifies it (福建省龙岩市援建)', () => {
    expect(
      edges(relate('由福建省龙岩市援建的木垒县人民医院新院区投入使用。', [
        ['Province', '福建省'],
        ['Prefecture', '龙岩市'],
        ['Project', '木垒县人民医院新院区'],
      ]), 'SUPPORTS'),
    ).toEqual(['SUPPORTS 龙岩市 -> 木垒哈萨克自治县']);
  });

  it('A与B and a 分别 list in one sentence both count; 在X，P与… is a visit', () => {
    const coop = relate('福州大学与昌吉学院签订协议，厦门市第一医院、泉州市第一医院分别与玛纳斯县人民医院、呼图壁县人民医院结对。', [
      ['Organization', '福州大学'],
      ['Organization', '昌吉学院'],
      ['Organization', '厦门市第一医院'],
      ['Organization', '泉州市第一医院'],
      ['Organization', '玛纳斯县人民医院'],
      ['Organization', '呼图壁县人民医院'],
    ]);
    expect(edges(coop, 'COOPERATES_WITH')).toEqual([
      'COOPERATES_WITH 厦门市第一医院 -> 玛纳斯县人民医院',
      'COOPERATES_WITH 呼图壁县人民医院 -> 泉州市第一医院',
      'COOPERATES_WITH 昌吉学院 -> 福州大学',
    ]);
    expect(
      edges(relate('在昌吉州人民医院，林晓东与援疆医生亲切交谈。', [['Organization', '昌吉州人民医院'], ['Person', '林晓东']]), 'VISITS'),
    ).toEqual(['VISITS 林晓东 -> 昌吉州人民医院']);
  });
});

describe('VISITS through the whole pipeline', () => {
  it("a byline's reporter is not who went where the story's subject went", () => {
    const text = '义诊进村\n\n（记者 陈思远）6月12日，江西省援疆医疗队走进阿克陶县巴仁乡，为村民开展义诊。\n\n援疆干部王建军走进阿克陶县巴仁乡。\n';
    const visits = relationsIn(text, 'VISITS').map((r) => `${r.source} -> ${r.target}`);
    expect(visits).toEqual(['Person:王建军 -> County:阿克陶县']);
  });
});

describe('HOLDS_POSITION for posted cadres (the whole pipeline on a list of my own)', () => {
  it('reads 挂职/拟任 after a name, a gender note between, and the same holder\'s further titles', () => {
    const text = '援疆干部挂职名单\n\n江西省第十一批援疆干部拟挂职情况如下：\n何建新，挂职克孜勒苏柯尔克孜自治州党委副秘书长；\n邓丽萍（女），挂职阿克陶县委常委、副县长；\n彭涛，拟任阿克陶县人民医院副院长。\n';
    const titles = titlesOf(relationsIn(text, 'HOLDS_POSITION'));
    expect(titles).toEqual([
      '何建新 -> 克孜勒苏柯尔克孜自治州 {党委副秘书长}',
      '彭涛 -> 阿克陶县人民医院 {副院长}',
      '邓丽萍 -> 阿克陶县 {县委常委、副县长}',
    ]);
  });
});

describe('VISITS by a delegation', () => {
  const visitsIn = (text: string) => {
    return relationsIn(text, 'VISITS').map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]}`).sort();
  };
  it('代表团先后深入X、Y: the visits are the leader\'s, named where the article says who led it', () => {
    expect(visitsIn('江西代表团考察克州\n\n江西省委副书记、省长叶建春率江西省党政代表团赴克孜勒苏柯尔克孜自治州考察。代表团先后深入阿克陶县、阿图什市，实地察看援疆项目。\n')).toEqual([
      '叶建春 -> 克孜勒苏柯尔克孜自治州',
      '叶建春 -> 阿克陶县',
      '叶建春 -> 阿图什市',
    ]);
  });
  it('no one, or two leaders: no visitor; 深入 before a verb is no visit', () => {
    expect(visitsIn('代表团考察\n\n江西省党政代表团先后深入阿克陶县、阿图什市。\n')).toEqual([]);
    const two = visitsIn('两省代表团\n\n叶建春率江西省代表团赴阿克陶县考察。王宁率福建省代表团赴昌吉回族自治州考察。代表团先后深入阿图什市。\n');
    expect(two).toContain('叶建春 -> 阿克陶县');
    expect(two.filter((v) => v.endsWith('阿图什市'))).toEqual([]);
    expect(visitsIn('工作推进\n\n援疆干部李明深入推进阿克陶县教育帮扶工作。\n')).toEqual([]);
  });
});

describe('COOPERATES_WITH: an organisation helping another', () => {
  it('A派出…，对口帮扶B / A托管B: A opens the sentence', () => {
    const coop = (text: string) => {
      return relationsIn(text, 'COOPERATES_WITH').map((r) => `${r.source.split(':')[1]} - ${r.target.split(':')[1]}`);
    };
    expect(coop('医疗援疆\n\n南昌大学第一附属医院派出12名专家组成的医疗队，对口帮扶阿克陶县人民医院。\n')).toEqual(['南昌大学第一附属医院 - 阿克陶县人民医院']);
    // not when the helper is no organisation opening the sentence
    expect(coop('医疗援疆\n\n江西省派出医疗队，对口帮扶阿克陶县人民医院。\n')).toEqual([]);
  });
});

describe('FUNDS by the company heading a project name', () => {
  it('某某科技年产…项目落户X: the company funds it', () => {
    const text = '产业援疆\n\n今年5月，江西赣隆科技年产5万吨有机肥生产线项目落户阿克陶县，总投资1.2亿元。\n';
    const funds = relationsIn(text, 'FUNDS').map((r) => `${r.source} -> ${r.target} ${r.attrs.amount_yuan ?? '-'}`);
    expect([...new Set(funds)]).toEqual(['Organization:江西赣隆科技 -> Project:江西赣隆科技年产5万吨有机肥生产线项目 120000000']);
  });
});

describe('HOLDS_POSITION: a bare title after another holder\'s', () => {
  it('某市委副书记、市长某某 in a supporter city\'s article is that city\'s mayor, not the home city\'s', () => {
    const text = '天津援疆\n\n天津市援建的项目投入使用。昆玉市委副书记、市长刘振华表示，将用好援疆资金。\n';
    const titles = titlesOf(relationsIn(text, 'HOLDS_POSITION'));
    expect(titles).toEqual(['刘振华 -> 昆玉市 {市委副书记、市长}']);
  });
  it('a comma closes an earlier complete group of titles (某师党委副书记、师长，某市委书记某某)', () => {
    const titlesIn = (text: string) => titlesOf(relationsIn(text, 'HOLDS_POSITION'));
    expect(titlesIn('会议召开\n\n克州党委副书记、州长，阿图什市委书记王建平出席会议。\n')).toEqual([
      '王建平 -> 克孜勒苏柯尔克孜自治州 {党委副书记、州长}',
      '王建平 -> 阿图什市 {市委书记}',
    ]);
    // a clause before the comma that is no group of titles stays out
    expect(titlesIn('会议召开\n\n记者从阿图什市教育局获悉，副局长王建平介绍了情况。\n')).toEqual([]);
  });
});

describe('LOCATED_IN: more ways of saying where a project is', () => {
  const locatedIn = (text: string) => {
    return [...new Set(relationsIn(text, 'LOCATED_IN').map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]}`))].sort();
  };
  it('P在X开工建设, 该项目选址在X某开发区, 位于X的P', () => {
    expect(locatedIn('项目开工\n\n由江西省援建的智慧物流园项目在阿图什市开工建设。\n')).toEqual(['智慧物流园 -> 阿图什市']);
    expect(locatedIn('项目开工\n\n江西省援建的智慧物流园项目开工。该项目选址在阿图什市经济技术开发区，总投资4亿元。\n')).toEqual(['智慧物流园 -> 阿图什市']);
    expect(locatedIn('项目开工\n\n位于乌恰县的江西援疆牦牛养殖基地二期工程正式开工。\n')).toEqual(['江西援疆牦牛养殖基地 -> 乌恰县']);
    // a place after 在 that is not where the project is being built
    expect(locatedIn('项目开工\n\n智慧物流园项目在阿图什市召开推进会。\n')).toEqual([]);
  });
});

describe('the city a title names, and a factory being built', () => {
  it('阿克苏|市委副书记 (one jieba word) is 阿克苏市\'s office, not the prefecture\'s', () => {
    const titles = titlesOf(relationsIn('会议\n\n阿克苏市委副书记李振华介绍了情况。\n', 'HOLDS_POSITION'));
    expect(titles).toEqual(['李振华 -> 阿克苏市 {市委副书记}']);
  });
  it('援疆资金N用于建设的某某加工厂 is a funded project', () => {
    const funds = relationsIn('产业援疆\n\n江西援疆资金800万元用于建设的阿克陶县农产品加工厂正式投产。\n', 'FUNDS').map((r) => `${r.source} -> ${r.target} ${r.attrs.amount_yuan ?? '-'}`);
    expect(funds).toEqual(['Province:江西省 -> Project:阿克陶县农产品加工厂 8000000']);
  });
});

describe('COOPERATES_WITH: a list closed by 等 and its class before 分别', () => {
  it('A、B等名校分别与X、Y结对: zipped pairs', () => {
    const pairs = relationsIn('教育援疆\n\n南昌二中、南昌十中等名校分别与阿克陶县第一中学、乌恰县第一中学结成对口帮扶关系。\n', 'COOPERATES_WITH')
      .map((r) => [r.source.split(':')[1], r.target.split(':')[1]].sort().join(' - ')).sort();
    expect(pairs).toEqual(['乌恰县第一中学 - 南昌十中', '南昌二中 - 阿克陶县第一中学']);
  });
});

describe('FUNDS: 其中 after a funding sentence', () => {
  it('其中，P投资N is one of the previous sentence\'s funder\'s projects, with its amount', () => {
    const funds = relationsIn('援疆工作\n\n今年以来，江西省共投入援疆资金2.1亿元，在阿克陶县实施项目26个。其中，阿克陶县标准化厂房项目投资6000万元，已有8家企业入驻。\n', 'FUNDS')
      .map((r) => `${r.source.split(':')[1]} -> ${r.target.split(':')[1]} ${r.attrs.amount_yuan ?? '-'}`);
    expect(funds).toEqual(['江西省 -> 阿克陶县标准化厂房项目 60000000']);
  });
});
