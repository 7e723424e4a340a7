import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { referenceRelevance } from '@/db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows per statement: 10,000 records is one statement, ~600 KB of parameters. */
const BATCH = 20_000;

/**
 * Store every record's relevance in one upsert per batch. The ids and values
 * travel as two array parameters (PostgreSQL array literals, unnested on the
 * server) rather than one parameter per value: one round trip, and the same
 * on PGlite and postgres.js.
 */
export async function writeRelevance(tx: Db, projectId: string, ids: readonly string[], relevance: readonly (number | null)[]): Promise<void> {
  if (ids.length !== relevance.length) throw new Error('One relevance per record');
  for (let start = 0; start < ids.length; start += BATCH) {
    const idPart = ids.slice(start, start + BATCH);
    const valuePart = relevance.slice(start, start + BATCH);
    for (const id of idPart) if (!UUID.test(id)) throw new Error(`Not a record id: ${id}`);
    const idArray = `{${idPart.join(',')}}`;
    const valueArray = `{${valuePart.map((v) => (v === null || !Number.isFinite(v) ? 'NULL' : v.toPrecision(7))).join(',')}}`;
    await tx.execute(sql`
      insert into ${referenceRelevance} (reference_id, project_id, relevance, ranked_at)
      select u.id, ${projectId}::uuid, u.relevance, now()
      from unnest(${idArray}::uuid[], ${valueArray}::real[]) as u(id, relevance)
      on conflict (reference_id) do update set relevance = excluded.relevance, ranked_at = excluded.ranked_at
      where ${referenceRelevance.projectId} = excluded.project_id`);
  }
}
