// Entity-only evaluation without relate (usage, after `npx tsc -p tsconfig.json`):
//   node test/recognize/tools/eval-entities.mjs GOLD.json INPUT... [--dump]
// Prints P/R/F1 per entity type plus missed/invented items; --dump prints every mention.
import { readFileSync } from 'node:fs';
import { listInputFiles, loadDocument, splitArticles } from '../../../dist/src/ingest.js';
import { normalizeArticle } from '../../../dist/src/normalize.js';
import { initSegmenter, segmentArticle } from '../../../dist/src/segment.js';
import { recognizeArticle } from '../../../dist/src/recognize.js';
import { resolveDocument } from '../../../dist/src/resolve.js';
import { evaluate, predictionsFromResults } from '../../../dist/src/eval.js';

const args = process.argv.slice(2);
const dump = args.includes('--dump');
const [goldFile, ...inputs] = args.filter((a) => a !== '--dump');
const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
initSegmenter();
const { files } = await listInputFiles(inputs);
const results = [];
for (const file of files) {
  const doc = await loadDocument(file);
  if (!('text' in doc)) { console.log('skip', file, doc.reason); continue; }
  const resolved = resolveDocument(splitArticles(doc).map(normalizeArticle).map(segmentArticle).map(recognizeArticle));
  for (const a of resolved) {
    if (dump) {
      console.log(`== ${a.id} home=${a.home?.label ?? '-'}`);
      for (const m of a.mentions) console.log(`  ${m.kind}\t${m.text}\t${m.rule}\t${m.entity?.label ?? ''}\t${m.attrs ? JSON.stringify(m.attrs) : ''}`);
    }
    results.push({ article: { id: a.id, file: a.file, index: a.index, characters: a.text.length }, entities: a.entities, relations: [], messages: [] });
  }
}
// only the gold documents that were read (the corpus gold is shared with other files)
const read = new Set(files.map((f) => f.split('/').pop()));
gold.documents = gold.documents.filter((d) => read.has(d.doc.split('/').pop()));
const report = evaluate(gold, predictionsFromResults(results));
for (const s of report.entities) console.log(`${s.type.padEnd(13)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)}  gold=${s.gold} pred=${s.predicted}`);
for (const [t, xs] of Object.entries(report.missed)) if (!/[A-Z_]{5,}/.test(t) && xs.length) console.log('MISSED', t, xs.join(' | '));
for (const [t, xs] of Object.entries(report.invented)) if (!/[A-Z_]{5,}/.test(t) && xs.length) console.log('INVENTED', t, xs.join(' | '));
