/**
 * Finds every example of a setting in docs/configuration.md and connect.yaml, so a test can parse
 * each with the real schema. In the doc an example is (the doc says so under "Examples"):
 * - a line `KEY='value'` in a fenced `sh` block (every line of such a block must be one);
 * - a fenced `json` block right after a `<!-- example: KEY -->` line;
 * - a JSON value (`{"…"}`, `[…]`) in a code span of the table row of `KEY`;
 * - a code span `KEY='value'` anywhere.
 * A JSON-looking code span anywhere else, or an unmarked `json` block, is reported as `stray`.
 */
export interface Example {
  key: string;
  value: string;
  /** Where it was found, for the failure message. */
  where: string;
}

export interface DocExamples {
  examples: Example[];
  /** Examples the test cannot tie to a key: each is a failure. */
  stray: string[];
}

const ENV_LINE = /^([A-Z][A-Z0-9_]*)='(.*)'$/;
const MARKER = /^<!-- example: ([A-Z][A-Z0-9_]*) -->$/;
const TABLE_KEY = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/;
const CODE_SPAN = /`([^`]+)`/g;
const looksLikeJson = (text: string) => /^(\{"|\{\}$|\[["{[\]0-9])/.test(text);

interface Fence {
  lang: string;
  start: number;
  marker: string | undefined;
  lines: string[];
}

function fenceExamples(fence: Fence, file: string, out: DocExamples): void {
  const where = `${file}:${fence.start + 1}`;
  if (fence.lang === 'sh') {
    fence.lines.forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const match = ENV_LINE.exec(line);
      if (match?.[1] !== undefined && match[2] !== undefined) {
        out.examples.push({
          key: match[1],
          value: match[2],
          where: `${file}:${fence.start + i + 2}`,
        });
      } else out.stray.push(`${where}: sh example line is not KEY='value': ${line}`);
    });
  } else if (fence.lang === 'json') {
    if (fence.marker)
      out.examples.push({ key: fence.marker, value: fence.lines.join('\n'), where });
    else out.stray.push(`${where}: json block without a <!-- example: KEY --> line before it`);
  }
}

function lineExamples(line: string, where: string, out: DocExamples): void {
  const key = TABLE_KEY.exec(line)?.[1];
  for (const [, span = ''] of line.matchAll(CODE_SPAN)) {
    const env = ENV_LINE.exec(span);
    if (env?.[1] !== undefined && env[2] !== undefined) {
      out.examples.push({ key: env[1], value: env[2], where });
      continue;
    }
    if (!looksLikeJson(span)) continue;
    if (key) out.examples.push({ key, value: span, where });
    else out.stray.push(`${where}: JSON example outside a key's table row or a marked block`);
  }
}

/** Every example of docs/configuration.md (`file` names it in messages). */
export function docExamples(markdown: string, file: string): DocExamples {
  const out: DocExamples = { examples: [], stray: [] };
  let fence: Fence | undefined;
  let previous = '';
  markdown.split('\n').forEach((line, index) => {
    if (fence) {
      if (line.startsWith('```')) {
        fenceExamples(fence, file, out);
        fence = undefined;
      } else fence.lines.push(line);
    } else if (line.startsWith('```')) {
      const marker = MARKER.exec(previous.trim())?.[1];
      fence = { lang: line.slice(3).trim(), start: index, marker, lines: [] };
    } else lineExamples(line, `${file}:${index + 1}`, out);
    if (line.trim() !== '') previous = line;
  });

  return out;
}

/** The JSON value that starts at `from` (an object or a list), by bracket balance. */
function jsonAt(text: string, from: number): string | undefined {
  if (text[from] !== '{' && text[from] !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(from, i + 1);
    }
  }

  return undefined;
}

export interface YamlSetting {
  key: string;
  description?: string;
  default?: string;
}

/**
 * The examples of connect.yaml: every key's `default`, and for a key described as `JSON…` the
 * value after `e.g.` in its description (such a description without one is `stray`).
 */
export function yamlExamples(settings: YamlSetting[], where: string): DocExamples {
  const out: DocExamples = { examples: [], stray: [] };
  for (const { key, description = '', default: value } of settings) {
    if (value !== undefined) out.examples.push({ key, value, where: `${where} ${key} default` });
    if (!description.startsWith('JSON')) continue;
    const at = description.indexOf('e.g. ');
    const json = at >= 0 ? jsonAt(description, at + 5) : undefined;
    if (json) out.examples.push({ key, value: json, where: `${where} ${key} description` });
    else out.stray.push(`${where} ${key}: a JSON setting's description needs "e.g. <JSON>"`);
  }

  return out;
}
