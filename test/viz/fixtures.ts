// Small hand-written graphs in graphology's serialization (the out/graph.json contract).
// Invented articles and people; the pairings are public knowledge.

type Attrs = Record<string, unknown>;
const node = (type: string, label: string, extra: Attrs = {}) => ({ key: `${type}:${label}`, attributes: { type, label, aliases: [], ...extra } });
const edge = (type: string, source: string, target: string, sentences: [string, string][], extra: Attrs = {}) => ({
  key: `${source}->${type}->${target}`,
  source,
  target,
  attributes: {
    type,
    evidence: sentences.map(([article, sentence], i) => ({ article, sentence, start: i * 40, end: i * 40 + sentence.length })),
    weight: sentences.length,
    confidence: 0.9,
    rule: 'fixture',
    ...extra,
  },
});

/** A few provinces, prefectures, people and a project; one article in traditional characters. */
export function smallGraph(): object {
  const A = 'demo/a.txt#0';
  const B = 'demo/b.txt#1';
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {},
    nodes: [
      node('Province', '江苏省', { aliases: ['江苏', '苏'], level: 'province', code: '320000' }),
      node('Province', '新疆维吾尔自治区', { aliases: ['新疆'], level: 'province', code: '650000' }),
      node('Prefecture', '伊犁哈萨克自治州', { aliases: ['伊犁州', '伊犁'], level: 'prefecture', code: '654000' }),
      node('Prefecture', '克孜勒苏柯尔克孜自治州', { aliases: ['克州'], level: 'prefecture', code: '653000' }),
      node('County', '霍城县', { aliases: ['霍城'], level: 'county' }),
      node('Person', '张明远', { mentions: 3 }),
      node('Person', '李秀兰', { mentions: 1 }),
      node('Organization', '江苏省援疆前方指挥部', { aliases: ['江苏援疆前指'] }),
      node('Project', '霍城县第二中学教学楼项目'),
      node('Article', A, { title: '江苏援疆十年纪实' }),
      node('Article', B, { title: '伊犁州新建学校' }),
    ],
    edges: [
      edge('SUPPORTS', 'Province:江苏省', 'Prefecture:伊犁哈萨克自治州', [
        [A, '江苏省对口支援伊犁州已经十年。'],
        [B, '江蘇對口支援伊犁哈薩克自治州的工作成效顯著。'],
      ]),
      edge('SUPPORTS', 'Province:江苏省', 'Prefecture:克孜勒苏柯尔克孜自治州', [[A, '江苏同时对口支援克州。']]),
      edge('PART_OF', 'County:霍城县', 'Prefecture:伊犁哈萨克自治州', [[B, '伊犁州霍城县新建一所中学。']]),
      edge('PART_OF', 'Prefecture:伊犁哈萨克自治州', 'Province:新疆维吾尔自治区', [[B, '新疆伊犁州。']]),
      edge('HOLDS_POSITION', 'Person:张明远', 'Organization:江苏省援疆前方指挥部', [[A, '江苏省援疆前方指挥部总指挥张明远介绍。']], { title: '总指挥' }),
      edge('VISITS', 'Person:李秀兰', 'County:霍城县', [[B, '李秀兰来到霍城县调研。']]),
      edge('FUNDS', 'Organization:江苏省援疆前方指挥部', 'Project:霍城县第二中学教学楼项目', [[B, '指挥部投资3000万元建设霍城县第二中学教学楼项目。']], { amount_yuan: 30000000 }),
      edge('LOCATED_IN', 'Project:霍城县第二中学教学楼项目', 'County:霍城县', [[B, '霍城县第二中学教学楼项目位于霍城县。']]),
      edge('MENTIONS', `Article:${A}`, 'Province:江苏省', []),
      edge('MENTIONS', `Article:${B}`, 'County:霍城县', []),
    ],
  };
}

export const XSS_PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', '</script><script>window.__pwned=3</script>', '<!--'];

/** Labels, aliases, titles and evidence made of markup that must show as text. */
export function hostileGraph(): object {
  const [img, script, close, comment] = XSS_PAYLOADS;
  const article = `x.txt#0${img}`;
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {},
    nodes: [
      node('Organization', `恶意机构${img}`, { aliases: [`别名${script}`, close] }),
      node('Person', `王五${script}`, { aliases: [comment] }),
      node('Province', '河北省', { aliases: ['河北'] }),
      node('Article', article, { title: `标题${img}${close}` }),
    ],
    edges: [
      edge('HOLDS_POSITION', `Person:王五${script}`, `Organization:恶意机构${img}`, [[article, `王五${script}在恶意机构${img}任职${close}。`]], { title: `主任${img}` }),
      edge('COOPERATES_WITH', `Organization:恶意机构${img}`, 'Province:河北省', [[article, `河北与恶意机构${img}合作$&$'$\`。`]]),
    ],
  };
}
