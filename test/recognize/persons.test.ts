import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { segmented } from './helpers.js';

const persons = (text: string) =>
  recognizeArticle(segmented(text)).mentions.filter((m) => m.kind === 'Person').map((m) => [m.text, m.rule, m.attrs?.role ?? m.attrs?.title ?? '']);
const names = (text: string) => [...new Set(persons(text).map((p) => p[0]))];

describe('persons', () => {
  it('reads bylines with their role', () => {
    expect(persons('本报讯 记者 欧阳志远 宁静报道 近日')).toEqual([
      ['欧阳志远', 'byline', '记者'],
      ['宁静', 'byline', '记者'],
    ]);
    expect(persons('（通讯员 汪小梅 记者 杜鹏）')).toEqual([
      ['汪小梅', 'byline', '通讯员'],
      ['杜鹏', 'byline', '记者'],
    ]);
    expect(names('责编：龚雪、韩冬')).toEqual(['龚雪', '韩冬']);
  });
  it('does not read running text after 记者 as a name', () => {
    expect(names('记者从自治区教育厅了解到，记者来到现场。')).toEqual([]);
  });
  it('reads a name after a title and decides its length from what follows', () => {
    expect(names('江西省委常委、副省长罗志和说，')).toEqual(['罗志和']);
    expect(names('指挥部总指挥田军说：')).toEqual(['田军']);
    expect(names('援疆干部胡晓燕介绍，项目进展顺利。')).toEqual(['胡晓燕']);
  });
  it("reads a place's short name after a title's surname as the given name, not the place", () => {
    const kinds = (text: string) => recognizeArticle(segmented(text)).mentions.filter((m) => ['Person', 'Province', 'Prefecture', 'County'].includes(m.kind)).map((m) => `${m.kind}:${m.text}`);
    expect(kinds('江苏省援疆干部段嘉兴在新源县调研时表示，要把项目建好。')).toEqual(['Province:江苏省', 'Person:段嘉兴', 'County:新源县']);
    expect(kinds('浙江省副省长于嘉兴出席活动。')).toEqual(['Province:浙江省', 'Person:于嘉兴']);
    // and again wherever that name comes back in the article
    expect(kinds('吉林省援疆干部、县委副书记韩长春带队调研。韩长春说，项目进展顺利。')).toEqual(['Province:吉林省', 'Person:韩长春', 'Person:韩长春']);
    // without a title before it, or with the place's full name, the place stays a place
    expect(kinds('记者从嘉兴获悉，嘉兴市对口支援沙雅县。')).toEqual(['Prefecture:嘉兴', 'Prefecture:嘉兴市', 'County:沙雅县']);
    expect(kinds('援疆干部王新源县调研。')).toContain('County:新源县');
    // a three-character name opening a sentence before a speech verb is as strong a cue
    expect(kinds('会议结束。孟长春指出，要把项目建好。孟长春说，要抓落实。')).toEqual(['Person:孟长春', 'Person:孟长春']);
    expect(kinds('武和田强调，要稳步推进。')).toEqual(['Person:武和田']);
    // but not after a preposition that is also a surname, nor a place's full or two-character name
    expect(kinds('会上，向长春表示感谢。')).toEqual(['Prefecture:长春']);
    expect(kinds('会议结束。苏州表示，将继续支持。')).toEqual(['Prefecture:苏州']);
    expect(kinds('会议结束。石河子市表示，将继续推进。')).toEqual(['County:石河子市']);
  });
  it('reads a name opening a clause that leads a delegation (某某率某某省党政代表团, 某某率团)', () => {
    expect(names('9月3日，王宁率福建省党政代表团赴昌吉州考察。')).toEqual(['王宁']);
    expect(names('会后，叶建春率团考察了产业园。')).toEqual(['叶建春']);
    expect(names('张华率先完成了任务。')).toEqual([]);
  });
  it('reads no name after a title that is the head of a longer word (学生公寓, 干部周转房)', () => {
    expect(names('新建教学楼、实训楼、学生公寓等，建筑面积3万平方米。')).toEqual([]);
    expect(names('学生代表马丽说，新宿舍很温暖。')).toEqual(['马丽']);
    // a word jieba reads across the title's end that does not start with the title: 省长|江… (长江)
    expect(names('副省长江海涛在会上说，要抓好落实。')).toEqual(['江海涛']);
  });
  it('reads a given name ending in 州 (王明州), but not 州 as a one-character given name or inside one', () => {
    expect(names('前方指挥部总指挥王明州在会上表示，要抓好项目。')).toEqual(['王明州']);
    expect(names('县长张伟州作了发言。张伟州说，要抓好落实。')).toEqual(['张伟州']);
    expect(names('杨国州说，今年的任务很重。')).toEqual(['杨国州']);
    // 州 elsewhere is still not part of a name
    expect(names('副州长吴州说，今年的任务很重。')).toEqual([]);
    expect(names('周副州长表示，要抓好落实。')).toEqual([]);
    // and a real place ending in 州 stays a place
    const kinds = (text: string) => recognizeArticle(segmented(text)).mentions.filter((m) => ['Person', 'Prefecture'].includes(m.kind)).map((m) => `${m.kind}:${m.text}`);
    expect(kinds('援疆干部来自常州说，')).toEqual(['Prefecture:常州']);
  });
  it('reads ethnic names with a middle dot and 、-lists after a cue', () => {
    expect(names('州领导买买提·吐尔逊、阿依古丽·艾买提、韩志强出席。')).toEqual(['买买提·吐尔逊', '阿依古丽·艾买提', '韩志强']);
  });
  it('finds a known name again without a cue', () => {
    const found = persons('援疆医生邱明华来到乡卫生院。邱明华说，要把技术留下。');
    expect(found.filter((p) => p[0] === '邱明华').length).toBe(2);
  });
  it('keeps role words and common words out', () => {
    expect(names('领导干部和党员群众参加了活动，干部人才积极参与。')).toEqual([]);
  });
});
