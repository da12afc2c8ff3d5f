// Named, parameterised query files (cypher/queries/*.cypher) and how `yjkg query` runs them.
//
// A query file starts with `//` comment lines saying what it answers; parameters are declared
// there, one a line:
//   // @param region string            name or alias of the region, e.g. 昌吉回族自治州
//   // @param limit integer = 25        how many rows
//   // @param supporter string = null   optional: only this supporter
// Declared types turn `--param key=value` strings into the right Cypher values (LIMIT needs
// an integer), and a missing or unknown parameter is a usage error naming the file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { Neo4jProblem } from './connection.js';

export const PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'string[]'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface QueryParam {
  name: string;
  type: ParamType;
  /** Raw default text after '='; undefined: required. 'null' makes the parameter optional. */
  default?: string;
  description: string;
}

export interface QueryFile {
  file: string;
  name: string; // file name without .cypher
  /** The header comment without the @param lines: what the query answers. */
  description: string;
  params: QueryParam[];
  text: string;
}

const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)(?:\s*=\s*(\S+))?\s*(.*)$/;

export function parseQueryFile(text: string, file = 'query.cypher'): QueryFile {
  const description: string[] = [];
  const params: QueryParam[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (description.length > 0 || params.length > 0) break;
      continue;
    }
    if (!line.startsWith('//')) break;
    const comment = line.replace(/^\/\/\s?/, '');
    const match = PARAM_LINE.exec(comment.trim());
    if (match) {
      const [, name, type, def, rest] = match;
      if (!(PARAM_TYPES as readonly string[]).includes(type!)) {
        throw new Neo4jProblem(`${file}: parameter ${name} has unknown type '${type}' (use ${PARAM_TYPES.join(', ')})`, 'input');
      }
      params.push({ name: name!, type: type as ParamType, ...(def !== undefined ? { default: def } : {}), description: rest!.trim() });
    } else {
      description.push(comment);
    }
  }
  return { file, name: basename(file).replace(/\.cypher$/, ''), description: description.join('\n').trim(), params, text };
}

export async function readQueryFile(path: string): Promise<QueryFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Neo4jProblem(`cannot read query ${path}: ${code === 'ENOENT' ? 'no such file (the library is in cypher/queries/)' : (error as Error).message}`, 'input', {
      cause: error,
    });
  }
  const query = parseQueryFile(text, path);
  if (!/\S/.test(text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n'))) {
    throw new Neo4jProblem(`query ${path} has no Cypher in it`, 'input');
  }
  return query;
}

function convert(file: string, param: QueryParam, raw: string): unknown {
  if (raw === 'null') return null;
  const bad = (what: string) => new Neo4jProblem(`${file}: --param ${param.name}=${raw}: ${what}`, 'input');
  switch (param.type) {
    case 'string':
      return raw;
    case 'integer':
      if (!/^-?\d+$/.test(raw)) throw bad('expected a whole number');
      return neo4j.int(raw);
    case 'float': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw bad('expected a number');
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad('expected true or false');
      return raw === 'true';
    case 'string[]':
      return raw === '' ? [] : raw.split(',').map((s) => s.trim());
  }
}

/** Parses `key=value` strings against the file's declared parameters (defaults filled in). */
export function bindParams(query: QueryFile, assignments: string[]): Record<string, unknown> {
  const given = new Map<string, string>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new Neo4jProblem(`--param ${assignment}: expected key=value`, 'input');
    given.set(assignment.slice(0, eq).trim(), assignment.slice(eq + 1));
  }
  const declared = new Map(query.params.map((p) => [p.name, p]));
  for (const name of given.keys()) {
    if (!declared.has(name)) {
      const known = query.params.map((p) => p.name).join(', ') || 'none';
      throw new Neo4jProblem(`${query.file} has no parameter '${name}' (it takes: ${known})`, 'input');
    }
  }
  const params: Record<string, unknown> = {};
  for (const param of query.params) {
    const raw = given.get(param.name) ?? param.default;
    if (raw === undefined) {
      throw new Neo4jProblem(`${query.file} needs --param ${param.name}=<${param.type}> (${param.description || 'no description'})`, 'input');
    }
    params[param.name] = convert(query.file, param, raw);
  }
  return params;
}

export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[]; // plain JSON values (see toPlain)
}

/** Runs a query in a read transaction (retried on transient errors) and returns plain rows. */
export async function runQuery(driver: Driver, text: string, params: Record<string, unknown>, database?: string): Promise<QueryResult> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
  try {
    return await session.executeRead(async (tx) => {
      const running = tx.run(text, params);
      const columns = (await running.keys()).map(String);
      const result = await running;
      const rows = result.records.map((record) => Object.fromEntries(columns.map((c) => [c, toPlain(record.get(c))])));
      return { columns, rows };
    });
  } finally {
    await session.close();
  }
}

/** Driver values to JSON: integers to numbers (strings beyond 2^53), nodes and relationships to their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isNode(value)) return { _labels: [...value.labels].sort(), ...(toPlain(value.properties) as object) };
  if (isRelationship(value)) return { _type: value.type, ...(toPlain(value.properties) as object) };
  if (isPath(value)) {
    const nodes = [toPlain(value.start)];
    const relationships: unknown[] = [];
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship));
      nodes.push(toPlain(segment.end));
    }
    return { nodes, relationships };
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value) || isPoint(value)) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = toPlain((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

// ---------------------------------------------------------------- table output

/** Terminal columns of a string: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

function truncate(text: string, max: number): string {
  if (max <= 0 || displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' | ');
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : JSON.stringify(value);
  }
  return String(value);
}

/** A plain-text table: one header line, a rule, one line per row; cells cut at maxWidth columns (0: never). */
export function formatTable(result: QueryResult, maxWidth = 60): string {
  if (result.columns.length === 0) return '(no columns)';
  const cells = result.rows.map((row) => result.columns.map((c) => truncate(cell(row[c]).replace(/\s*\n\s*/g, ' '), maxWidth)));
  const widths = result.columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i]!))));
  const pad = (text: string, i: number) => text + ' '.repeat(widths[i]! - displayWidth(text));
  const line = (values: string[]) => values.map(pad).join('  ').trimEnd();
  const lines = [line(result.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
  lines.push(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);
  return lines.join('\n');
}
