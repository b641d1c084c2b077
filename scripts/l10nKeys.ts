// Finds every runtime string of the extension: the first argument of each
// `l10n.t('…')` / `vscode.l10n.t('…')` call in src/. Used by the l10n test and by
// `npx tsx scripts/l10nKeys.ts --missing` to list what the French bundle lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

export function extractL10nKeys(root: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of listSourceFiles(join(root, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(source);
        const [first] = node.arguments;
        if ((callee === 'l10n.t' || callee === 'vscode.l10n.t') && first) {
          if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) {
            keys.set(first.text, `${file}:${source.getLineAndCharacterOfPosition(first.getStart()).line + 1}`);
          } else {
            keys.set(`<non-literal l10n.t argument>`, `${file}:${source.getLineAndCharacterOfPosition(first.getStart()).line + 1}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

if (process.argv.includes('--missing')) {
  const root = process.cwd();
  const fr = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
  const missing: Record<string, string> = {};
  for (const key of extractL10nKeys(root).keys()) if (!(key in fr)) missing[key] = '';
  console.log(JSON.stringify(missing, null, 2));
}
