// Adds translations to l10n/bundle.l10n.fr.json without touching the others:
// `node scripts/mergeFrench.mjs new-strings.json`.
import { readFileSync, writeFileSync } from 'node:fs';
const path = 'l10n/bundle.l10n.fr.json';
const bundle = JSON.parse(readFileSync(path, 'utf8'));
const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
writeFileSync(path, JSON.stringify({ ...bundle, ...additions }, null, 2) + '\n');
console.log(`${Object.keys(additions).length} strings merged`);
