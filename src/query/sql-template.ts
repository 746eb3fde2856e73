// Loads SQL statements from the repository's sql/ folder and fills their {{placeholders}} with
// fragments the query builder produced (never with user values: those are `?` parameters).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findSqlRoot(): string {
  // Works from src/ (ts-jest) and from dist/src/ (compiled): walk up to the folder that holds sql/.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'sql');
    if (fs.existsSync(path.join(candidate, 'duckdb', 'macros.sql'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the sql/ folder above ${__dirname}`);
}

export const SQL_ROOT = findSqlRoot();
const cache = new Map<string, string>();

/** The statement text of sql/<relative>, without its leading comment block. */
export function loadSql(relative: string): string {
  let text = cache.get(relative);
  if (text === undefined) {
    const raw = fs.readFileSync(path.join(SQL_ROOT, relative), 'utf8');
    text = raw
      .split('\n')
      .filter((line, i, lines) => !(line.startsWith('--') && lines.slice(0, i).every((l) => l.startsWith('--'))))
      .join('\n')
      .trim();
    cache.set(relative, text);
  }
  return text;
}

/** Replaces every {{name}}; a placeholder without a fragment, or a fragment without a place, is a bug. */
export function fillTemplate(text: string, fragments: Record<string, string>): string {
  const used = new Set<string>();
  const out = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const fragment = fragments[name];
    if (fragment === undefined) throw new Error(`SQL template placeholder {{${name}}} has no fragment`);
    used.add(name);
    return fragment;
  });
  for (const name of Object.keys(fragments)) {
    if (!used.has(name)) throw new Error(`SQL fragment "${name}" has no {{${name}}} placeholder`);
  }
  return out;
}
