/**
 * Where the shared third-party test and benchmark data lives: `TANDEM_DATA_DIR`,
 * else `../shared/data` beside the project root. Tests, benchmarks and the CLI
 * read it from there; it is never copied into the project.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const sharedDataDir: string = resolve(process.env.TANDEM_DATA_DIR ?? join(process.cwd(), '..', 'shared', 'data'));

export const hasSharedData: boolean = existsSync(sharedDataDir);

/** Absolute path of a file under the shared data folder. */
export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}
