// Files shipped with the project (cypher/, test/neo4j/): found by walking up from this module
// to the folder holding package.json, because this code runs both from src/ (vitest) and from
// dist/src/ (the built CLI), at different depths.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cypher'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('src/neo4j/project-files.ts: cannot find the project folder (package.json next to cypher/)');
    dir = parent;
  }
}

export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
