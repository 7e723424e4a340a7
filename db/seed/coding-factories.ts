/**
 * Coding scene-setters for tests, e2e and the demo: included studies with a
 * text to code, and codes. Codings that matter go through the use-cases.
 */
import type { Db } from '@/db/client';
import { codes, screeningStates, studies } from '@/db/schema';
import { colorForIndex } from '@/lib/domain/coding/palette';
import { seedReferences } from './factories';

/** Included studies (references included at both stages) whose abstract is the given text, titled "<prefix> 1..n". */
export async function seedStudies(
  db: Db,
  projectId: string,
  texts: readonly string[],
  options: { prefix?: string } = {},
): Promise<string[]> {
  if (!texts.length) return [];
  const { referenceIds } = await seedReferences(
    db,
    projectId,
    texts.map((abstract, i) => ({ title: `${options.prefix ?? 'Study'} ${i + 1}`, abstract, authors: ['Doe, Jane'], year: 2021 })),
  );
  await db.insert(screeningStates).values(
    referenceIds.flatMap((referenceId) => [
      { referenceId, projectId, stage: 'title_abstract' as const, state: 'included' as const },
      { referenceId, projectId, stage: 'full_text' as const, state: 'included' as const },
    ]),
  );
  const rows = await db
    .insert(studies)
    .values(referenceIds.map((referenceId) => ({ projectId, referenceId })))
    .returning({ id: studies.id });
  return rows.map((r) => r.id);
}

/** A code (or theme) inserted directly, at the end of the top level unless a parent and position are given. */
export async function seedCode(
  db: Db,
  projectId: string,
  values: { name: string; parentId?: string | null; kind?: 'code' | 'descriptive_theme' | 'analytical_theme'; polarity?: 'barrier' | 'facilitator' | 'neutral' | null; position?: number; color?: string },
): Promise<string> {
  const [row] = await db
    .insert(codes)
    .values({
      projectId,
      name: values.name,
      parentId: values.parentId ?? null,
      kind: values.kind ?? 'code',
      polarity: values.polarity ?? null,
      position: values.position ?? 0,
      color: values.color ?? colorForIndex(values.name.length),
    })
    .returning({ id: codes.id });
  return row.id;
}
