// Deployable source stays small (docs/architecture.md, "Size"): no file over 250 lines, no
// function of 60 lines or more. A function's lines run from its first to its last line, nested
// functions included, as a reader sees them. `--report` prints the largest ones too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

import ts from 'typescript';

export const MAX_FILE_LINES = 250;
export const MAX_FUNCTION_LINES = 59;
/** What Connect deploys: shared's sources and each app's sources. */
export const DEPLOYABLE = [
  'shared/src',
  'order-sync/src',
  'stock-sync/src',
  'fulfillment-sync/src',
  'sync-admin/src',
  'sync-scheduler/src',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function deployableFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });

  return listed
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .filter((f) => DEPLOYABLE.some((dir) => f.startsWith(`${dir}/`)));
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';

  return '(anonymous)';
}

/** Every function of a file with its line count. */
export function measure(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const functions = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
      functions.push({
        name: functionName(node, source),
        line: lineOf(node.getStart(source)) + 1,
        lines,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  return { lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), functions };
}

function main() {
  const report = process.argv.includes('--report');
  const problems = [];
  const files = [];
  const functions = [];
  for (const file of deployableFiles()) {
    const { lines, functions: found } = measure(file, readFileSync(path.join(root, file), 'utf8'));
    files.push({ file, lines });
    if (lines > MAX_FILE_LINES) problems.push(`${file}: ${lines} lines (max ${MAX_FILE_LINES})`);
    for (const fn of found) {
      functions.push({ file, ...fn });
      if (fn.lines > MAX_FUNCTION_LINES) {
        problems.push(
          `${file}:${fn.line} ${fn.name}: ${fn.lines} lines (max ${MAX_FUNCTION_LINES})`,
        );
      }
    }
  }
  if (report) {
    const top = (list, n) => list.sort((a, b) => b.lines - a.lines).slice(0, n);
    console.log(`${files.length} deployable files, ${functions.length} functions`);
    for (const f of top(files, 5)) console.log(`file ${f.lines} ${f.file}`);
    for (const f of top(functions, 5))
      console.log(`function ${f.lines} ${f.file}:${f.line} ${f.name}`);
  }
  if (problems.length > 0) {
    console.error(
      `Deployable source over the size limits:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
}

main();
