/**
 * The list of server actions, generated from the source: every exported async
 * function of every file under app/ and lib/ whose first statement is the
 * 'use server' directive, so that a new action cannot escape the tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type DiscoveredAction = { file: string; name: string; key: string; fn: unknown };

const ROOTS = ['app', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** The directive must be the file's first statement (comments and blank lines may precede it). */
export function isServerActionFile(source: string): boolean {
  const body = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
  return /^(['"])use server\1;?/.test(body);
}

export function exportedAsyncFunctions(source: string): string[] {
  return [...source.matchAll(/^export\s+async\s+function\s+(\w+)/gm)].map((m) => m[1]);
}

export async function discoverServerActions(): Promise<DiscoveredAction[]> {
  const out: DiscoveredAction[] = [];
  for (const root of ROOTS) {
    for (const full of sourceFiles(join(process.cwd(), root))) {
      const source = readFileSync(full, 'utf8');
      if (!isServerActionFile(source)) continue;
      const mod = (await import(full)) as Record<string, unknown>;
      const file = relative(process.cwd(), full);
      for (const name of exportedAsyncFunctions(source)) out.push({ file, name, key: `${file}#${name}`, fn: mod[name] });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
