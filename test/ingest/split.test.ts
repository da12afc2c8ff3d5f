// splitArticles: headline/dateline structure, exact offsets, conservative by default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBylineLine, isDatelineLine, isHeadlineLike, opensWithAgencyDateline, splitArticles } from '../../src/ingest.js';
import type { RawArticle, SourceDocument } from '../../src/types.js';

function doc(text: string, file = 'test/doc.txt', format: SourceDocument['format'] = 'text'): SourceDocument {
  return { file, encoding: 'utf-8', bytes: Buffer.byteLength(text), format, text };
}

function fixture(name: string): SourceDocument {
  return doc(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8'), `test/fixtures/ingest/${name}`);
}

function seed(name: string): SourceDocument {
  return doc(readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8'), `seeds/${name}`);
}

/** Articles must partition the document exactly. */
function expectPartition(d: SourceDocument, articles: RawArticle[]): void {
  expect(articles.length).toBeGreaterThan(0);
  let cursor = 0;
  articles.forEach((a, i) => {
    expect(a.index).toBe(i);
    expect(a.id).toBe(`${d.file}#${i}`);
    expect(a.file).toBe(d.file);
    expect(a.format).toBe(d.format);
    expect(a.start).toBe(cursor);
    expect(a.end).toBeGreaterThan(a.start);
    expect(a.text).toBe(d.text.slice(a.start, a.end));
    cursor = a.end;
  });
  expect(cursor).toBe(d.text.length);
}

describe('line classifiers', () => {
  it('recognises datelines in several styles, but not prose that starts with a date', () => {
    for (const line of ['2023年05月03日08:44 | 來源:山西日報', '2017-11-15 21:16:00\u00a0\u00a0来源:中国江苏网', '17.10.2018 \u00a006:24', '2024/3/5', '来源：新华网', '发布时间：2022-08-01 09:00']) {
      expect(isDatelineLine(line), line).toBe(true);
    }
    for (const line of ['2019年6月3日,全省主题教育工作会议召开。', '2024年3月，新疆迎来春耕。', '来源于群众，服务于群众。']) {
      expect(isDatelineLine(line), line).toBe(false);
    }
  });

  it('recognises agency datelines', () => {
    for (const line of ['本报讯 记者张三报道 日前……', '本报乌鲁木齐5月3日电（记者李四）', '新华社北京3月1日电（记者王五）', '中国甘肃网兰州讯 (记者 赵六) 近日']) {
      expect(opensWithAgencyDateline(line), line).toBe(true);
    }
    expect(opensWithAgencyDateline('报讯员说明情况。')).toBe(false);
    expect(opensWithAgencyDateline('据新华社报道，会议召开。')).toBe(false);
  });

  it('recognises bylines on their own line', () => {
    expect(isBylineLine('本报记者 张伟 李娜')).toBe(true);
    expect(isBylineLine('通讯员 王晓东')).toBe(true);
    expect(isBylineLine('本報記者 陳美玲')).toBe(true);
    expect(isBylineLine('记者从自治区教育厅获悉，今年将新建学校。')).toBe(false);
  });

  it('tells headlines from sentences', () => {
    expect(isHeadlineLike('青海省援建项目全部竣工')).toBe(true);
    expect(isHeadlineLike('“患者的认可就是最好的礼物”')).toBe(true);
    expect(isHeadlineLike('会议强调了三点要求。')).toBe(false);
    expect(isHeadlineLike('人民网>>新疆频道>>要闻')).toBe(false);
    expect(isHeadlineLike('返回顶部')).toBe(false);
  });
});

describe('splitArticles', () => {
  it('splits a file with three articles at headline + dateline', () => {
    const d = fixture('three-articles.txt');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles.map((a) => a.title)).toEqual([
      '浙江省援疆指挥部召开年度工作总结会',
      '广东援建喀什职业教育园区正式投入使用',
      '天津医疗队抵达和田开展对口帮扶',
    ]);
    expect(articles[1].text.startsWith('广东援建喀什职业教育园区正式投入使用\n——首批2000名学生入校')).toBe(true);
    expect(articles[2].text).toContain('新华社乌鲁木齐3月15日电');
    expect(articles[0].text).not.toContain('广东');
  });

  it('splits series headlines (栏目丨标题) and keeps a body-only preface as its own article', () => {
    const d = fixture('series.txt');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles.map((a) => a.title)).toEqual([
      undefined,
      '甘肃日报评论员丨以更实举措推动协作走深走实',
      '甘肃日报评论员丨让产业合作成为共同富裕的引擎',
    ]);
  });

  it('keeps a plain article whole and takes its first line as the title', () => {
    const d = fixture('single.txt');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('湖南援疆干部刘建华：在吐鲁番种下希望');
  });

  it('is conservative: subheadings without datelines do not split', () => {
    const text = [
      '宁夏援疆工作纪实',
      '',
      '2023-06-01 来源：宁夏日报',
      '',
      '多年来，宁夏援疆干部扎根边疆，取得显著成效。',
      '',
      '产业援疆结硕果',
      '',
      '一批产业项目相继落地，带动当地群众就业。',
      '',
      '教育援疆育新苗',
      '',
      '援建学校陆续投用，改善了办学条件。',
    ].join('\n');
    const d = doc(text);
    const articles = splitArticles(d);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('宁夏援疆工作纪实');
    expectPartition(d, articles);
  });

  it('splits a headless brief that opens with an agency dateline after body text', () => {
    const text = '本报讯 第一则简讯的内容在这里，涉及吉林省援疆工作。\n本报讯 第二则简讯讲述黑龙江省援建的学校已经开学。\n';
    const d = doc(text);
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles).toHaveLength(2);
    expect(articles[1].text.startsWith('本报讯 第二则')).toBe(true);
  });

  it('treats a repeated headline as a new segment of the page', () => {
    const text = [
      '重庆援建学校开学',
      '本报讯 记者甲报道 近日，学校开学了。这是第一段正文，内容较长以便识别为正文段落。',
      '贵州医疗队到岗',
      '本报讯 记者乙报道 医疗队到岗，开始工作。这里也是一段足够长的正文内容，用来测试。',
      '重庆援建学校开学',
      '这是上一篇的续文，讲述学校的后续安排和建设计划，仍然属于第一篇文章。',
    ].join('\n');
    const d = doc(text);
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles.map((a) => a.title)).toEqual(['重庆援建学校开学', '贵州医疗队到岗', '重庆援建学校开学']);
  });

  it('splits newspaper layouts: kicker + headline + byline', () => {
    const page = [
      '坚持人民至上',
      '江苏援建克州医院投入使用',
      '本报记者 周明 吴倩',
      '近日，江苏省援建的克州人民医院新院区正式投入使用，新增床位800张。',
      '',
      '内蒙古与新疆开展劳务协作',
      '通讯员 赵刚',
      '两地签署劳务协作协议，计划每年组织5000人次赴内蒙古就业。',
    ].join('\n');
    const d = doc(page);
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles.map((a) => a.title)).toEqual(['江苏援建克州医院投入使用', '内蒙古与新疆开展劳务协作']);
  });

  it('splits scraper dumps: 标题： records and separator lines', () => {
    const dump = [
      '标题：云南省援建项目验收',
      '时间：2022-07-01 10:00',
      '来源：云南日报',
      '正文：项目共投入资金3亿元，已全部完工。',
      '标题：贵州省医疗队轮换',
      '时间：2022-07-02',
      '正文：第三批医疗队已抵达，将工作一年。',
    ].join('\n');
    const d1 = doc(dump);
    const a1 = splitArticles(d1);
    expectPartition(d1, a1);
    expect(a1.map((a) => a.title)).toEqual(['云南省援建项目验收', '贵州省医疗队轮换']);

    const separated = '海南援疆工作回顾\n第一篇文章的正文，内容很长也很具体，讲述了援建工作的方方面面。\n==========\n四川援建学校落成\n第二篇文章的正文，讲述四川援建学校的落成仪式。\n----------\n只是一段没有标题的文字，所以不拆分。\n';
    const d2 = doc(separated);
    const a2 = splitArticles(d2);
    expectPartition(d2, a2);
    expect(a2.map((a) => a.title)).toEqual(['海南援疆工作回顾', '四川援建学校落成']);
  });

  it('returns one article for HTML, titled from <h1>', () => {
    const d = doc(readFileSync(new URL('../fixtures/ingest/page.html', import.meta.url), 'utf8'), 'page.html', 'html');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('河南援疆：哈密新建学校开学');
  });

  it('handles an empty-ish document', () => {
    const d = doc('无标题的一句话');
    expect(splitArticles(d)).toHaveLength(1);
  });
});

describe('splitArticles on the seeds', () => {
  it('000 (a newspaper page) splits at each headline + 本报讯/(上接第一版)', () => {
    const d = seed('000_534ec13b271cfeac.txt');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    const titles = articles.map((a) => a.title);
    expect(titles[0]).toMatch(/^我省拟出台《辽宁省法治宣传教育条例》/);
    expect(titles).toContain('外商企业来辽投资 可直接办理注册登记');
    expect(titles).toContain('大连理工大学入选教育部 首批“强基计划”试点高校');
    expect(titles).toContain('初心使命永相续');
    const foreign = articles.find((a) => a.title === '外商企业来辽投资 可直接办理注册登记')!;
    expect(foreign.text.trimStart().startsWith('外商企业来辽投资')).toBe(true);
    // Subheadings inside the long article do not split it.
    expect(titles).not.toContain('心无旁骛 学深悟透见初心');
  });

  it('004 splits at the 丨 series headlines only', () => {
    const d = seed('004_bc355209b628d6c9.txt');
    const articles = splitArticles(d);
    expectPartition(d, articles);
    expect(articles).toHaveLength(4);
    expect(articles[0].title).toBeUndefined();
    expect(articles[1].title).toBe('新疆日報社論丨久久為功做好對口援疆工作');
    expect(articles.slice(2).every((a) => a.title?.startsWith('新疆日報評論員文章丨'))).toBe(true);
  });

  it('001, 002, 003 are single articles with their headline as title', () => {
    const titles = ['001_542cd5fd33490b02.txt', '002_2c688e714d0df1b1.txt', '003_67d82cf7ccd38a15.txt'].map((name) => {
      const d = seed(name);
      const articles = splitArticles(d);
      expectPartition(d, articles);
      expect(articles).toHaveLength(1);
      return articles[0].title;
    });
    expect(titles).toEqual([
      '山西省党政代表团在新疆学习考察',
      '【新時代 新征程 新偉業】奮力書寫高質量精准援疆新篇章',
      '扬州援疆:拓展大交往大交流 促进大融合大团结',
    ]);
  });
});

describe('headlines found in the third generalisation check', () => {
  it('a pinyin-glossed headline is measured and kept without its glosses', () => {
    const text = '湖北援疆：鄂博產(chǎn)業(yè)協(xié)作結(jié)碩果 電(diàn)商助農(nóng)“雲(yún)上”飛(fēi)\n2023年11月21日 09:15　來源：博州零距離\n\n11月14日，湖北省援疆前方指揮部一行到博樂市調研。\n';
    const [a] = splitArticles(doc(text));
    expect(a!.title).toBe('湖北援疆：鄂博產業協作結碩果 電商助農“雲上”飛');
  });
  it('an HTML headline marked by its class (<div class="title">) when there is no <h1>', () => {
    const html = '<html><head><title>首页 - 某某网</title></head><body><div class="nav">首页</div><div class="article-title">鄂博产业协作结硕果</div><p>正文。</p></body></html>';
    expect(splitArticles(doc(html, 'test/a.html', 'html'))[0]!.title).toBe('鄂博产业协作结硕果');
  });
  it('<h1> still comes first, and <title> is the last resort', () => {
    expect(splitArticles(doc('<div class="title">副标题文字</div><h1>鄂博产业协作结硕果</h1>', 'test/a.html', 'html'))[0]!.title).toBe('鄂博产业协作结硕果');
    expect(splitArticles(doc('<title>鄂博产业协作结硕果</title><p>正文。</p>', 'test/a.html', 'html'))[0]!.title).toBe('鄂博产业协作结硕果');
  });
});
