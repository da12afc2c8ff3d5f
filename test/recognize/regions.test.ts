import { describe, expect, it } from 'vitest';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import { segmented } from './helpers.js';

const labelsOf = (text: string, kind?: string) =>
  resolveDocument([recognizeArticle(segmented(text))])[0]!.entities.filter((e) => !kind || e.type === kind).map((e) => e.label);

describe('regions', () => {
  it('resolves short names to full official names', () => {
    const labels = labelsOf('江西援疆工作队来到克州阿克陶县，又去了阿图什。');
    expect(labels).toContain('江西省');
    expect(labels).toContain('克孜勒苏柯尔克孜自治州');
    expect(labels).toContain('阿克陶县');
  });
  it('resolves XPCC divisions and regiments in every spelling', () => {
    const labels = labelsOf('农七师一三〇团和兵团第七师130团是同一个团场，七师也来人了。');
    expect(labels).toContain('新疆生产建设兵团第七师一三〇团');
    expect(labels).toContain('新疆生产建设兵团第七师');
  });
  it('does not read places inside ordinary words', () => {
    expect(labelsOf('要实现社会稳定和长治久安。', 'Prefecture')).not.toContain('长治市');
    expect(labelsOf('村子位于田野之间。', 'County')).not.toContain('于田县');
  });
  it('does not count a place that only names a university or a newspaper', () => {
    const labels = labelsOf('湖南大学与湖南日报的记者来到吐鲁番市。');
    expect(labels).toContain('吐鲁番市');
    expect(labels).not.toContain('湖南省');
  });
  it('reads pairing compounds through the official pairings', () => {
    const a = recognizeArticle(segmented('鲁喀两地携手，援疆成果丰硕。'));
    const pairs = a.mentions.filter((m) => m.rule === 'pairing-compound');
    expect(pairs.map((m) => [m.text, m.attrs?.label, m.attrs?.role])).toEqual([
      ['鲁', '山东省', 'supporter'],
      ['喀', '喀什地区', 'recipient'],
    ]);
  });
  it('extracts nothing from damaged spans', () => {
    const text = '安徽省援疆干部来到皮山县。';
    const a = recognizeArticle(segmented(text, { damaged: [{ start: 9, end: 12 }] }));
    expect(a.mentions.some((m) => m.text === '皮山县')).toBe(false);
    expect(a.mentions.some((m) => m.text === '安徽省')).toBe(true);
  });
});
