// The pure parts of the Neo4j side: graph.json -> rows, the query texts, query-file headers,
// parameter binding and the table. No server needed (but they live with the Neo4j suite).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { edgeQuery, nodeQuery, readSchemaStatements } from '../../src/neo4j/load.js';
import { checkGraphExport, planLoad } from '../../src/neo4j/plan.js';
import { bindParams, displayWidth, formatTable, parseQueryFile } from '../../src/neo4j/query.js';
import { FIXTURE, QUERIES, readGraph } from './helpers.js';

describe('planLoad', () => {
  const plan = planLoad(readGraph(FIXTURE));

  it('groups nodes by type and edges by type and endpoint labels', () => {
    expect(plan.nodes).toBe(18);
    expect(plan.relationships).toBe(38);
    expect(plan.problems).toEqual([]);
    expect(plan.nodeGroups.map((g) => `${g.label}:${g.type}`)).toEqual([
      'Entity:Person',
      'Entity:Province',
      'Entity:Prefecture',
      'Entity:County',
      'Entity:Project',
      'Entity:Organization',
      'Article:Article',
    ]);
    expect(plan.edgeGroups.find((g) => g.type === 'MENTIONS')).toMatchObject({ sourceLabel: 'Article', targetLabel: 'Entity' });
  });

  it('flattens evidence into parallel lists and stores counts as integers, confidence as float', () => {
    const supports = plan.edgeGroups.find((g) => g.type === 'SUPPORTS')!.rows.find((r) => r.source === 'Province:江苏省')!;
    expect(supports.props.evidence_articles).toEqual(['fixture/news-a.txt#0', 'fixture/news-a.txt#1']);
    expect((supports.props.evidence_starts as unknown[]).every(isInt)).toBe(true);
    expect(isInt(supports.props.weight)).toBe(true);
    expect(typeof supports.props.confidence).toBe('number');
    expect(supports.props.key).toBe('SUPPORTS|Province:江苏省|Prefecture:克孜勒苏柯尔克孜自治州');
  });

  it('renames label to name and keeps the node key as id', () => {
    const row = plan.nodeGroups.find((g) => g.type === 'Prefecture')!.rows.find((r) => r.id === 'Prefecture:克孜勒苏柯尔克孜自治州')!;
    expect(row.props).toMatchObject({ id: 'Prefecture:克孜勒苏柯尔克孜自治州', name: '克孜勒苏柯尔克孜自治州', aliases: ['克州'], code: '653000' });
    expect(row.props).not.toHaveProperty('label');
  });

  it('refuses a graph without nodes and edges arrays', () => {
    expect(() => checkGraphExport({ nodes: [] }, 'x.json')).toThrow('graph x.json is not a graphology export');
  });

  it('splices only known labels and types into Cypher', () => {
    expect(nodeQuery({ type: 'Person', label: 'Entity' })).toBe('UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:Person');
    expect(() => nodeQuery({ type: 'Person`) DETACH DELETE n //' as 'Person', label: 'Entity' })).toThrow(/refusing/);
    expect(() => edgeQuery({ type: 'SUPPORTS', sourceLabel: 'Entity', targetLabel: 'X' as 'Entity' })).toThrow(/refusing/);
  });

  it('reads the schema statements of cypher/schema.cypher', async () => {
    const statements = await readSchemaStatements();
    expect(statements.length).toBe(4);
    expect(statements.every((s) => /IF NOT EXISTS/.test(s) && !s.includes('//'))).toBe(true);
  });
});

describe('query files', () => {
  const files = readdirSync(QUERIES).filter((f) => f.endsWith('.cypher'));

  it.each(files)('%s says what it answers and declares exactly the parameters it uses', (file) => {
    const query = parseQueryFile(readFileSync(join(QUERIES, file), 'utf8'), file);
    expect(query.description.length).toBeGreaterThan(40);
    const body = query.text
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n');
    const used = [...new Set([...body.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
    expect(query.params.map((p) => p.name).sort()).toEqual(used);
    for (const p of query.params) expect(p.description.length).toBeGreaterThan(5);
  });

  it('binds typed parameters with defaults', () => {
    const query = parseQueryFile('// Test.\n// @param name string  a name\n// @param limit integer = 5  how many\n// @param x string = null  optional\nRETURN 1', 't.cypher');
    const params = bindParams(query, ['name=a=b']);
    expect(params.name).toBe('a=b');
    expect(isInt(params.limit) && (params.limit as { toNumber(): number }).toNumber()).toBe(5);
    expect(params.x).toBeNull();
    expect(() => bindParams(query, [])).toThrow('t.cypher needs --param name=<string> (a name)');
  });
});

describe('formatTable', () => {
  it('aligns wide characters and cuts long cells', () => {
    expect(displayWidth('山西省ab')).toBe(8);
    const table = formatTable({ columns: ['name', 'n'], rows: [{ name: '山西省', n: 1 }, { name: 'abcdefghij', n: null }] }, 6);
    expect(table.split('\n')).toEqual(['name    n', '──────  ─', '山西省  1', 'abcde…', '(2 rows)']);
  });
});
