// The explorer's search ranking and evidence highlighting, as plain functions (no browser).
import Graph from 'graphology';
import { describe, expect, test } from 'vitest';
import { findMarks } from '../../viz/src/highlight.js';
import { SearchIndex } from '../../viz/src/search.js';
import { readViewState, writeViewState } from '../../viz/src/url-state.js';
import { loadGraph } from '../../viz/src/data.js';
import { smallGraph } from './fixtures.js';

const marked = (sentence: string, marks: { names: string[]; className: string }[]) =>
  findMarks(sentence, marks).map(([s, e, c]) => `${c}:${sentence.slice(s, e)}`);

describe('findMarks', () => {
  test('longest name wins; traditional text is matched through t -> cn', () => {
    expect(marked('江蘇對口支援伊犁哈薩克自治州，伊犁州霍城縣', [
      { names: ['伊犁哈萨克自治州', '伊犁州', '伊犁'], className: 'self' },
      { names: ['霍城县', '霍城'], className: 'other' },
    ])).toEqual(['self:伊犁哈薩克自治州', 'self:伊犁州', 'other:霍城縣']);
  });

  test('one-character abbreviations only when no longer name is present', () => {
    const names = [{ names: ['新疆维吾尔自治区', '新疆', '疆', '新'], className: 'self' }];
    expect(marked('新时代新疆工作', names)).toEqual(['self:新疆']);
    expect(marked('援疆干部', names)).toEqual(['self:疆']);
  });
});

describe('SearchIndex', () => {
  const graph = new Graph();
  graph.addNode('Prefecture:昌吉回族自治州', { type: 'Prefecture', label: '昌吉回族自治州', aliases: ['昌吉', '昌吉州'], degree: 9 });
  graph.addNode('County:昌吉市', { type: 'County', label: '昌吉市', aliases: [], degree: 2 });
  graph.addNode('Organization:昌吉艺术剧院', { type: 'Organization', label: '昌吉艺术剧院', aliases: [], degree: 1 });
  graph.addNode('Prefecture:乌鲁木齐市', { type: 'Prefecture', label: '乌鲁木齐市', aliases: ['乌鲁木齐'], degree: 3 });
  graph.addNode('Article:a#0', { type: 'Article', label: '昌吉新闻', degree: 0 });
  const index = new SearchIndex(graph);

  test('an exact alias beats prefixes; articles are not entities', () => {
    expect(index.search('昌吉').map((h) => h.label)).toEqual(['昌吉回族自治州', '昌吉市', '昌吉艺术剧院']);
    expect(index.search('昌吉')[0].matched).toBe('昌吉');
  });

  test('traditional and full-width input', () => {
    expect(index.search('烏魯木齊')[0].label).toBe('乌鲁木齐市');
    expect(index.search(' 昌吉州 ')[0].label).toBe('昌吉回族自治州');
    expect(index.search('')).toEqual([]);
    expect(index.search('喀什')).toEqual([]);
  });

  test('substring matches come last', () => {
    expect(index.search('艺术').map((h) => h.label)).toEqual(['昌吉艺术剧院']);
  });
});

describe('view state in the URL fragment', () => {
  const loaded = loadGraph(smallGraph() as never);

  test('defaults when absent; unknown types and keys are dropped', () => {
    const view = readViewState('#node=Nope:x&hide=Person,Martian&min=99', loaded);
    expect([...view.hiddenNodeTypes]).toEqual(['Person']);
    expect([...view.hiddenEdgeTypes]).toEqual(['MENTIONS']);
    expect(view.minEvidence).toBe(2); // clamped to the largest evidence count
    expect(view.node).toBeNull();
  });

  test('round trip, keeping unrelated parameters', () => {
    const view = readViewState('#node=Province%3A江苏省&hide=&min=2', loaded);
    const hash = writeViewState('#other=1', loaded, view);
    expect(readViewState(hash, loaded)).toEqual(view);
    expect(new URLSearchParams(hash.slice(1)).get('other')).toBe('1');
    expect(writeViewState('', loaded, readViewState('', loaded))).toBe('');
  });
});
