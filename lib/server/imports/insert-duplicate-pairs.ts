import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { duplicatePairs } from '@/db/schema';

export type NewPair = {
  referenceAId: string;
  referenceBId: string;
  score: number;
  reasons: string[];
  status: 'merged' | 'pending';
  isAutomatic: boolean;
};

const BATCH = 2000;

/**
 * Insert an import's duplicate pairs (a < b) in batches, each one JSON
 * parameter (as for references: far faster than a multi-row VALUES).
 * Merged pairs are stamped as decided now; a pair already recorded is kept.
 */
export async function insertDuplicatePairs(tx: Db, projectId: string, pairs: NewPair[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += BATCH) {
    const json = JSON.stringify(pairs.slice(i, i + BATCH));
    await tx.execute(sql`
      insert into ${duplicatePairs} (project_id, reference_a_id, reference_b_id, score, reasons, status, is_automatic, decided_at)
      select ${projectId}::uuid, x."referenceAId", x."referenceBId", x.score, x.reasons, x.status::duplicate_pair_status, x."isAutomatic",
        case when x.status = 'merged' then now() end
      from json_to_recordset(${json}::json) as x("referenceAId" uuid, "referenceBId" uuid, score real, reasons text[], status text, "isAutomatic" boolean)
      on conflict do nothing`);
  }
}
