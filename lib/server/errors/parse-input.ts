import 'server-only';
import type { z } from 'zod';
import { AppError } from './app-error';

/** Parse with zod; on failure throw one VALIDATION error carrying every field's messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  throw new AppError('VALIDATION', `Invalid input. ${where}${first?.message ?? ''}`.trim(), fields);
}
