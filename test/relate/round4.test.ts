// Round-4 relation errors found on invented articles (a generalisation check), tested on other
// invented sentences: the whole pipeline runs, so recognition and relation rules meet as in a build.
import { describe, expect, it } from 'vitest';
import { relationsIn } from './fixture.js';

const label = (key: string) => key.slice(key.indexOf(':') + 1);
const positions = (text: string) => relationsIn(text, 'HOLDS_POSITION').map((r) => `${label(r.source)} -> ${label(r.target)} {${r.attrs.title}}`).sort();

describe('HOLDS_POSITION: a job at a named organisation', () => {
  it('某中学数学教师某某 / 某医院主治医师某某 hold the job there', () => {
    expect(positions('天津市第五十四中学语文教师郑雨桐在座谈会上发言。')).toEqual(['郑雨桐 -> 天津市第五十四中学 {语文教师}']);
    expect(positions('安徽省立医院骨科主治医师詹一鸣说，手术很成功。')).toEqual(['詹一鸣 -> 安徽省立医院 {骨科主治医师}']);
  });
  it('a job is no office of a region (湖北医生某某 is where the doctor comes from)', () => {
    expect(positions('湖北医生付青山说，当地群众很热情。')).toEqual([]);
    expect(positions('湖北援疆教师付青山说，孩子们很爱学习。')).toEqual([]);
  });
  it('护士长 is an office, 护士 at a hospital a job', () => {
    expect(positions('博州人民医院护士长娜仁·巴特尔介绍了科室情况。')).toEqual(['娜仁·巴特尔 -> 博州人民医院 {护士长}']);
  });
});

describe('HOLDS_POSITION: 是 between the person and the office', () => {
  it('某某是某医院心内科主任医师', () => {
    expect(positions('援疆医生冉若溪是武汉市江岸区仁济医院心内科主任医师。')).toEqual(['冉若溪 -> 武汉市江岸区仁济医院 {心内科主任医师}']);
  });
  it('是 followed by no holder gives nothing', () => {
    expect(positions('援疆医生冉若溪是一名心内科主任医师。')).toEqual([]);
  });
});

describe('HOLDS_POSITION: a later clause posts the person who opens the sentence', () => {
  it('某某从A来到B，挂职某院副院长', () => {
    expect(positions('去年3月，援疆干部葛南星从长春来到阿勒泰，挂职阿勒泰地区人民医院副院长。')).toEqual(['葛南星 -> 阿勒泰地区人民医院 {副院长}']);
  });
  it('not when another person is named before that clause', () => {
    expect(positions('葛南星陪同郝思远来到阿勒泰，挂职阿勒泰地区人民医院副院长。')).toEqual([]);
  });
  it('not when the person is an object (会见了某某)', () => {
    expect(positions('阿勒泰地区召开座谈会，会见了葛南星，挂职阿勒泰地区人民医院副院长的同志介绍了情况。')).toEqual([]);
  });
});

describe('HOLDS_POSITION: 他/她 stands for the one person named just before', () => {
  it('in the next sentence', () => {
    expect(positions('援疆干部葛南星来自吉林。她现任哈巴河县委常委、副县长。')).toEqual(['葛南星 -> 哈巴河县 {县委常委、副县长}']);
    expect(positions('援疆干部葛南星来自吉林。2023年2月，她从长春来到阿勒泰，挂职哈巴河县人民医院副院长。')).toEqual(['葛南星 -> 哈巴河县人民医院 {副院长}']);
  });
  it('in the same sentence, after a comma', () => {
    expect(positions('同批援疆的还有教师郝思远，他现任福海县第二中学副校长。')).toEqual(['郝思远 -> 福海县第二中学 {副校长}']);
  });
  it('not when two persons are named before it', () => {
    expect(positions('援疆干部葛南星、郝思远介绍了当地情况。他现任哈巴河县委常委、副县长。')).toEqual([]);
  });
  it('not inside a word (其他) or for 他们', () => {
    expect(positions('援疆干部葛南星来自吉林。他们现任哈巴河县委常委。')).toEqual([]);
    expect(positions('援疆干部葛南星来自吉林。其他同志现任哈巴河县委常委。')).toEqual([]);
  });
});

describe('HOLDS_POSITION: 来自X的 + a job with its subject or department', () => {
  it('来自某中学的数学教师某某 / 来自某医院的心内科主治医师某某', () => {
    expect(positions('来自长沙市雨花区明德实验中学的英语教师谭晓雯在鄯善县第二中学支教。')).toEqual(['谭晓雯 -> 长沙市雨花区明德实验中学 {英语教师}']);
    expect(positions('来自宜昌市中心人民医院的心内科主治医师符晓航已在精河县人民医院工作半年。')).toEqual(['符晓航 -> 宜昌市中心人民医院 {心内科主治医师}']);
  });
});

describe('COOPERATES_WITH: a signing list of clauses', () => {
  const coop = (text: string) => relationsIn(text, 'COOPERATES_WITH').map((r) => [label(r.source), label(r.target)].sort().join(' <-> ')).sort();
  it('pairs nothing across clauses when a county government signs (read as the county)', () => {
    expect(coop('签约仪式上，精河县人民政府与武汉光谷新材料有限公司签订项目协议，博乐市人民政府与宜昌三峡食品有限公司签订合作协议。')).toEqual([]);
  });
  it('still pairs two firms in one clause', () => {
    expect(coop('签约仪式上，武汉光谷新材料有限公司与宜昌三峡食品有限公司签订合作协议。')).toEqual(['宜昌三峡食品有限公司 <-> 武汉光谷新材料有限公司']);
  });
});

const funds = (text: string) => [...new Set(relationsIn(text, 'FUNDS').map((r) => `${label(r.source)} -> ${label(r.target)} ${r.attrs.amount_yuan ?? '-'}`))].sort();

describe('FUNDS: amounts given respectively (分别)', () => {
  it('the k-th amount is the k-th project’s', () => {
    expect(funds('湖北省今年分别投入援疆资金4200万元和2600万元，用于精河县茫丁乡安居房改造项目和温泉县哈日布呼镇供水改造工程。')).toEqual([
      '湖北省 -> 温泉县哈日布呼镇供水改造工程 26000000',
      '湖北省 -> 精河县茫丁乡安居房改造项目 42000000',
    ]);
  });
  it('after a total (安排N，其中投入A和B，分别用于P和Q)', () => {
    expect(funds('今年黑龙江省安排援疆资金2亿元，其中投入2400万元和1300万元，分别用于福海县乌伦古湖渔业产业园和青河县三道海子景区游客服务中心项目建设。')).toEqual([
      '黑龙江省 -> 福海县乌伦古湖渔业产业园 24000000',
      '黑龙江省 -> 青河县三道海子景区游客服务中心项目 13000000',
    ]);
  });
  it('no amount when the counts differ', () => {
    expect(funds('湖北省今年分别投入援疆资金4200万元、2600万元和900万元，用于精河县茫丁乡安居房改造项目和温泉县哈日布呼镇供水改造工程。')).toEqual([
      '湖北省 -> 温泉县哈日布呼镇供水改造工程 -',
      '湖北省 -> 精河县茫丁乡安居房改造项目 -',
    ]);
  });
});

describe('FUNDS: 3000余万元 is an amount', () => {
  it('余 between the number and its unit', () => {
    expect(funds('天津市投入2000余万元改扩建的策勒县津策实验学校今年秋季将新增学位800个。')).toEqual(['天津市 -> 策勒县津策实验学校 20000000']);
  });
});

describe('FUNDS: 该校 / 产业园由… in the next sentence is the facility named before', () => {
  it('该校 is the school funded in the sentence before', () => {
    expect(funds('观摩团参观了湖北省援建的博乐市楚博职业技术学校。该校由湖北省投入援疆资金8600万元建设，今年9月开学。')).toEqual(['湖北省 -> 博乐市楚博职业技术学校 86000000']);
  });
  it('a bare 产业园 opening the clause before 由', () => {
    expect(funds('黑龙江省援建的北屯市龙江冷链物流园已投产。物流园由黑龙江省投入援疆资金约1,200万元建设配套道路。')).toEqual(['黑龙江省 -> 北屯市龙江冷链物流园 12000000']);
  });
  it('not when the noun does not fit the facility (该校 after a park)', () => {
    expect(funds('观摩团参观了湖北省援建的博乐市鄂博纺织产业园。该校由湖北省投入援疆资金8600万元建设。')).toEqual(['湖北省 -> 博乐市鄂博纺织产业园 -']);
  });
});

describe('FUNDS: the lines of a project list', () => {
  it('each line is funded by the funder of the sentence that opens the list', () => {
    expect(funds('今年天津市安排援疆资金6亿元，重点实施以下项目：\n1. 民丰县萨勒吾则克乡安居供水改造工程……投资1350万元\n2. 于田县职业技术学校实训楼建设项目：投资2200万元')).toEqual([
      '天津市 -> 于田县职业技术学校实训楼建设项目 22000000',
      '天津市 -> 民丰县萨勒吾则克乡安居供水改造工程 13500000',
    ]);
  });
  it('nothing without a funder before the list', () => {
    expect(funds('今年的重点项目如下：\n1. 民丰县萨勒吾则克乡安居供水改造工程……投资1350万元')).toEqual([]);
  });
});

describe('FUNDS: an aggregate or another project’s amount is not the project’s', () => {
  it('实施A、某某学校等13个项目: the sum is for all of them, whatever the second name is read as', () => {
    expect(funds('上海市对口支援喀什地区以来，累计投入援疆资金6100万元，实施莎车县东城产业园、莎车县明德职业技术学校等13个项目。')).toEqual(['上海市 -> 莎车县东城产业园 -', '上海市 -> 莎车县明德职业技术学校 -']);
    // (the second name read as an organisation, not a project: the first is still one of a list)
    expect(funds('上海市对口支援喀什地区以来，累计投入援疆资金6149万元，实施巴楚和谐科技孵化中心工程、巴楚启明职业技术学校等13个项目。')).toEqual(['上海市 -> 巴楚和谐科技孵化中心工程 -']);
  });
  it('某某项目总投资N after a sentence about another project (the name not read) is not that project’s', () => {
    expect(funds('据了解，莎车县东城产业园由上海市援建。指挥部负责人介绍，喀什希望产业园项目总投资7.2亿元。')).toEqual(['上海市 -> 莎车县东城产业园 -']);
  });
  it('…but 物流园项目总投资N after 某某物流园 is', () => {
    expect(funds('据了解，莎车县东城物流园由上海市援建。物流园项目总投资7200万元。')).toEqual(['上海市 -> 莎车县东城物流园 72000000']);
  });
});

describe('SUPPORTS: where a cadre comes from is no pairing', () => {
  const supports = (text: string) => relationsIn(text, 'SUPPORTS').map((r) => `${label(r.source)} -> ${label(r.target)}`).sort();
  it('来自某市的援疆干部某某，现挂职某县… gives no 某市 -> 某县', () => {
    expect(supports('来自河北省保定市的援疆干部樊立诚，现挂职若羌县委常委、副县长，分管招商引资工作。')).toEqual([]);
  });
  it('the same city as the subject of aid still pairs', () => {
    expect(supports('保定市对口支援若羌县，援建了若羌县人民医院门诊楼。')).toEqual(['保定市 -> 若羌县']);
  });
});

describe('organisation names', () => {
  const positionsOf = (text: string) => positions(text);
  it('发展改革委 is the 发展和改革委员会', () => {
    expect(positionsOf('乌鲁木齐市发展改革委副主任阿依努尔·库尔班出席会议。')).toEqual(['阿依努尔·库尔班 -> 乌鲁木齐市发展和改革委员会 {副主任}']);
  });
  it('a body whose whole name starts a longer one is its parent, not a short form of it', () => {
    expect(positionsOf('天津市援疆和田指挥部策勒分指挥部指挥长孔令泽介绍了情况。天津市援疆和田指挥部副指挥长苗青山出席仪式。')).toEqual([
      '孔令泽 -> 天津市援疆和田指挥部策勒分指挥部 {指挥长}',
      '苗青山 -> 天津市援疆和田指挥部 {副指挥长}',
    ]);
  });
});

describe('HOLDS_POSITION: ，现挂职… after the name', () => {
  it('现 before the posting verb', () => {
    expect(positions('来自江苏省无锡市的援疆干部赖文博，现挂职阿合奇县委常委、副县长，分管招商引资工作。')).toEqual(['赖文博 -> 阿合奇县 {县委常委、副县长}']);
  });
});

describe('COOPERATES_WITH: A与B、C分别签订', () => {
  const coop = (text: string) => relationsIn(text, 'COOPERATES_WITH').map((r) => [label(r.source), label(r.target)].sort().join(' <-> ')).sort();
  it('A signs with every organisation of the list', () => {
    expect(coop('会上，库车经济技术开发区管委会与温州瓯越鞋业有限公司、宁波甬达模具股份有限公司分别签订投资协议。')).toEqual([
      '宁波甬达模具股份有限公司 <-> 库车经济技术开发区管委会',
      '库车经济技术开发区管委会 <-> 温州瓯越鞋业有限公司',
    ]);
  });
  it('not a list item that opens a pair of its own (A与B、C与D)', () => {
    expect(coop('会上，温州瓯越鞋业有限公司与库车天山皮革有限公司、宁波甬达模具股份有限公司与库车丝路机械有限公司签订合作协议。')).toEqual([
      '丝路机械有限公司 <-> 宁波甬达模具股份有限公司',
      '天山皮革有限公司 <-> 温州瓯越鞋业有限公司',
    ]);
  });
});

describe('FUNDS: a factory 由某公司投资建设 is a project', () => {
  it('the factory named before 由…投资建设 is what the company funds', () => {
    expect(funds('在阿合奇县，苏阿牦牛乳制品加工厂由无锡鼎盛乳业有限公司投资建设，今年产值突破3000万元。')).toEqual(['无锡鼎盛乳业有限公司 -> 苏阿牦牛乳制品加工厂 -']);
  });
});

describe('VISITS: the clauses after the first visit go on with its visitor', () => {
  const visits = (text: string) => relationsIn(text, 'VISITS').map((r) => `${label(r.source)} -> ${label(r.target)}`).sort();
  it('…走访了X、Y，调研了Z，考察了W', () => {
    // (the later cues are over 30 characters from the name: the visitor is the first clause's)
    expect(visits('上海市援疆前方指挥部指挥长邵明远先后走访了泽普县、叶城县的多个农民专业合作社和种植大户，调研了泽普县金果农业开发有限公司，考察了叶城县核桃产业园。')).toEqual([
      '邵明远 -> 叶城县',
      '邵明远 -> 叶城县核桃产业园',
      '邵明远 -> 泽普县',
      '邵明远 -> 金果农业开发有限公司',
    ]);
  });
  it('a delegation led by one person', () => {
    expect(visits('上海市副市长邵明远率上海市党政代表团赴喀什考察。代表团先后走访了泽普县、叶城县，并调研了叶城县核桃产业园。')).toEqual([
      '邵明远 -> 叶城县',
      '邵明远 -> 叶城县核桃产业园',
      '邵明远 -> 喀什地区',
      '邵明远 -> 泽普县',
    ]);
  });
  it('not past another person named between', () => {
    expect(visits('援疆干部邵明远走访了泽普县，县委书记艾力·买买提考察了叶城县核桃产业园。')).toEqual(['艾力·买买提 -> 叶城县核桃产业园', '邵明远 -> 泽普县']);
  });
});

describe('HOLDS_POSITION: a prefecture paper’s bare titles and the secondment note', () => {
  it('地委副书记 / 地区行署副专员 are the offices of the one 地区 the article names', () => {
    expect(positions('喀什地区召开援疆工作会议。山东省援疆指挥部党委书记、总指挥，地委副书记郑立平，地区行署副专员热依汗·吐尔逊出席会议。')).toEqual([
      '热依汗·吐尔逊 -> 喀什地区 {行署副专员}',
      '郑立平 -> 喀什地区 {地委副书记}',
      '郑立平 -> 山东省援疆指挥部 {党委书记、总指挥}',
    ]);
  });
  it('no holder when the article names two 地区', () => {
    expect(positions('喀什地区和和田地区召开援疆工作会议。地委副书记郑立平出席会议。')).toEqual([]);
  });
  it('副县长（挂职）某某 holds the office', () => {
    expect(positions('叶城县副县长（挂职）郑立平介绍了情况。')).toEqual(['郑立平 -> 叶城县 {副县长}']);
  });
});

describe('VISITS: a month and day take the year of the article’s dateline', () => {
  const dated = (text: string) => relationsIn(text, 'VISITS').map((r) => `${label(r.target)} ${r.attrs.date ?? '-'}`).sort();
  it('the same year, or the year before for a later month', () => {
    expect(dated('2024年1月8日 来源：湖北日报\n11月14日，湖北省副省长郑立平到博乐市调研。\n1月5日，郑立平到精河县调研。')).toEqual(['博乐市 2023-11-14', '精河县 2024-01-05']);
  });
  it('no year without a dateline', () => {
    expect(dated('湖北援疆\n11月14日，湖北省副省长郑立平到博乐市调研。')).toEqual(['博乐市 --11-14']);
  });
});

describe('FUNDS: funders given respectively (A、B分别投资…建设P和Q)', () => {
  it('pairs funders and projects in order', () => {
    expect(funds('温州瓯越鞋业有限公司、宁波甬达模具股份有限公司分别投资1.2亿元、6000万元，建设库车市皮革加工产业园和库车市模具产业园。')).toEqual([
      '宁波甬达模具股份有限公司 -> 库车市模具产业园 60000000',
      '温州瓯越鞋业有限公司 -> 库车市皮革加工产业园 120000000',
    ]);
  });
  it('gives the nearest funder nothing, and no amount to the first project, when the projects are fewer', () => {
    expect(funds('温州瓯越鞋业有限公司、宁波甬达模具股份有限公司分别投资1.2亿元、6000万元，建设库车市皮革加工产业园。')).toEqual([]);
  });
  it('a list line numbered （二） goes on from the sentence that opens the list', () => {
    expect(funds('今年福建省安排援疆资金3亿元，重点实施以下项目：\n（一）玛纳斯县乡村振兴示范村建设工程，投资900万元。\n（二）呼图壁县职业技术学校实训楼建设项目，投资750万元。')).toEqual([
      '福建省 -> 呼图壁县职业技术学校实训楼建设项目 7500000',
      '福建省 -> 玛纳斯县乡村振兴示范村建设工程 9000000',
    ]);
  });
});

describe('VISITS: a dateline’s date is not the visit’s', () => {
  it('本报某地5月17日讯 5月14日至16日，某某到…', () => {
    const dated = (text: string) => relationsIn(text, 'VISITS').map((r) => `${label(r.target)} ${r.attrs.date ?? '-'}`).sort();
    expect(dated('本报伽师5月17日讯 5月14日，广东省副省长郑立平到伽师县调研。')).toEqual(['伽师县 --05-14']);
    expect(dated('本报伽师5月17日讯 广东省副省长郑立平到伽师县调研。')).toEqual(['伽师县 -']);
  });
});

describe('HOLDS_POSITION: a numbered appointment list', () => {
  it('1．某某，任A、B，C；', () => {
    expect(positions('主要岗位安排如下：\n1．林志远，任福建省援疆前方指挥部总指挥、党委书记，昌吉州党委副书记；\n2．郑凯，任玛纳斯县委常委、副县长；')).toEqual([
      '林志远 -> 昌吉回族自治州 {党委副书记}',
      '林志远 -> 福建省援疆前方指挥部 {总指挥、党委书记}',
      '郑凯 -> 玛纳斯县 {县委常委、副县长}',
    ]);
  });
});

describe('HOLDS_POSITION: a further office after the comma', () => {
  it('任A…，B县委副书记。 gives both', () => {
    expect(positions('援疆干部郑凯，任湖北省援疆前方指挥部副总指挥，博乐市委副书记。')).toEqual([
      '郑凯 -> 博乐市 {市委副书记}',
      '郑凯 -> 湖北省援疆前方指挥部 {副总指挥}',
    ]);
  });
  it('not a clause that goes on (，博乐市委常委会研究决定…)', () => {
    expect(positions('援疆干部郑凯，任湖北省援疆前方指挥部副总指挥，博乐市委常委会研究决定由他分管招商。')).toEqual(['郑凯 -> 湖北省援疆前方指挥部 {副总指挥}']);
  });
});
