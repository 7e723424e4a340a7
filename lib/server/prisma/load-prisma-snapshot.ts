import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { PrismaSnapshot } from '@/lib/domain/prisma';

type Row = Record<string, unknown>;

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows?: Row[] } | Row[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

async function one(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows(db, query);
  return Number(row?.n ?? 0);
}

const DECIDED = sql.raw(`('included','excluded','resolved_included','resolved_excluded')`);

/**
 * Every number of the PRISMA 2020 diagram, each from a count query of its own
 * (never derived from the others), so the arithmetic checks can catch data
 * that does not add up. Records identified count every imported record,
 * duplicates included; a report is assessed once its full-text state is decided.
 */
export async function loadPrismaSnapshot(db: Db, projectId: string): Promise<PrismaSnapshot> {
  const sourceRows = await rows(
    db,
    sql`select s.database_name as name, count(r.id)::int as n
        from sources s left join "references" r on r.source_id = s.id
        where s.project_id = ${projectId} group by s.database_name order by min(s.imported_at)`,
  );
  const duplicatesRemoved = await one(db, sql`select count(*)::int as n from "references" where project_id = ${projectId} and duplicate_of_id is not null`);
  const recordsScreened = await one(db, sql`select count(*)::int as n from screening_states where project_id = ${projectId} and stage = 'title_abstract'`);
  const recordsExcluded = await one(
    db,
    sql`select count(*)::int as n from screening_states where project_id = ${projectId} and stage = 'title_abstract' and state in ('excluded','resolved_excluded')`,
  );
  const reportsSought = await one(db, sql`select count(*)::int as n from screening_states where project_id = ${projectId} and stage = 'full_text'`);
  const reportsNotRetrieved = await one(
    db,
    sql`select count(*)::int as n from screening_states s join full_texts f on f.reference_id = s.reference_id
        where s.project_id = ${projectId} and s.stage = 'full_text' and f.not_retrievable`,
  );
  const reportsAssessed = await one(
    db,
    sql`select count(*)::int as n from screening_states s left join full_texts f on f.reference_id = s.reference_id
        where s.project_id = ${projectId} and s.stage = 'full_text' and s.state in ${DECIDED} and not coalesce(f.not_retrievable, false)`,
  );
  const reasonRows = await rows(
    db,
    sql`select er.label as reason, count(x.reference_id)::int as n
        from exclusion_reasons er
        left join (
          select s.reference_id, coalesce(res.reason_id, (select min(v.reason_id::text)::uuid from votes v
                   where v.reference_id = s.reference_id and v.stage = 'full_text')) as reason_id
          from screening_states s
          left join resolutions res on res.reference_id = s.reference_id and res.stage = 'full_text'
          left join full_texts f on f.reference_id = s.reference_id
          where s.project_id = ${projectId} and s.stage = 'full_text' and s.state in ('excluded','resolved_excluded')
            and not coalesce(f.not_retrievable, false)
        ) x on x.reason_id = er.id
        where er.project_id = ${projectId}
        group by er.id, er.label, er.position order by er.position`,
  );
  const studies = await one(db, sql`select count(*)::int as n from studies where project_id = ${projectId}`);
  return {
    sources: sourceRows.map((r) => ({ kind: 'database' as const, name: String(r.name), recordsIdentified: Number(r.n) })),
    duplicatesRemoved,
    titleAbstract: { recordsScreened, recordsExcluded },
    fullText: {
      reportsSought,
      reportsNotRetrieved,
      reportsAssessed,
      reportsExcluded: reasonRows.filter((r) => Number(r.n) > 0).map((r) => ({ reason: String(r.reason), count: Number(r.n) })),
    },
    included: { studies, reports: studies },
  };
}
