// Writing an explorer page for a graph into a temp folder, and where screenshots go.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderExplorerHtml } from '../../src/export/html.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface TempPage {
  dir: string;
  file: string;
  url: string;
  cleanup(): Promise<void>;
}

export async function writeExplorer(graph: object | string, name = 'index.html'): Promise<TempPage> {
  const dir = await mkdtemp(join(tmpdir(), 'yjkg-viz-'));
  const file = join(dir, name);
  await writeFile(file, await renderExplorerHtml(graph));
  return { dir, file, url: pathToFileURL(file).href, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
