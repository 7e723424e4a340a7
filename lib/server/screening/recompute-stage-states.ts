import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resolutions, screeningStates, votes } from '@/db/schema';
import { deriveRecordState, type ResolutionInput, type Stage, type VoteInput } from '@/lib/domain/screening';
import { loadProjectSettings } from './screening-settings';

const BATCH = 1000;

/**
 * Re-derive every record's state at both stages after a rule changed (e.g. the
 * reviewers required per stage). Locks the project's state rows first, so no
 * vote lands between reading the votes and writing the states, then moves
 * records between stages and keeps studies in step, all in the caller's transaction.
 */
export async function recomputeStageStates(tx: Db, projectId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${screeningStates} where ${screeningStates.projectId} = ${projectId} for update`);
  const settings = await loadProjectSettings(tx, projectId);
  await recomputeStage(tx, projectId, 'title_abstract', settings.reviewersRequired.title_abstract);
  await tx.execute(sql`
    insert into screening_states (reference_id, stage, project_id)
    select reference_id, 'full_text', project_id from screening_states
    where project_id = ${projectId} and stage = 'title_abstract' and state in ('included', 'resolved_included')
    on conflict do nothing`);
  await tx.execute(sql`
    delete from screening_states ft where ft.project_id = ${projectId} and ft.stage = 'full_text'
      and ft.vote_count = 0 and ft.state = 'awaiting'
      and not exists (select 1 from screening_states ta where ta.reference_id = ft.reference_id
        and ta.stage = 'title_abstract' and ta.state in ('included', 'resolved_included'))`);
  await recomputeStage(tx, projectId, 'full_text', settings.reviewersRequired.full_text);
  await tx.execute(sql`
    insert into studies (project_id, reference_id)
    select project_id, reference_id from screening_states
    where project_id = ${projectId} and stage = 'full_text' and state in ('included', 'resolved_included')
    on conflict do nothing`);
  await tx.execute(sql`
    delete from studies s where s.project_id = ${projectId} and not exists (
      select 1 from screening_states ft where ft.reference_id = s.reference_id and ft.stage = 'full_text'
        and ft.state in ('included', 'resolved_included'))`);
}

async function recomputeStage(tx: Db, projectId: string, stage: Stage, requiredVotes: number): Promise<void> {
  const rows = await tx
    .select({ referenceId: screeningStates.referenceId })
    .from(screeningStates)
    .where(and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage)));
  const voteRows = await tx
    .select({ referenceId: votes.referenceId, reviewerId: votes.reviewerId, decision: votes.decision, reasonId: votes.reasonId })
    .from(votes)
    .where(and(eq(votes.projectId, projectId), eq(votes.stage, stage)));
  const resolutionRows = await tx
    .select({ referenceId: resolutions.referenceId, decision: resolutions.decision, reasonId: resolutions.reasonId })
    .from(resolutions)
    .where(and(eq(resolutions.projectId, projectId), eq(resolutions.stage, stage)));
  const votesByRef = new Map<string, VoteInput[]>();
  for (const v of voteRows) {
    const list = votesByRef.get(v.referenceId) ?? [];
    list.push(v);
    votesByRef.set(v.referenceId, list);
  }
  const resolutionByRef = new Map<string, ResolutionInput>(resolutionRows.map((r) => [r.referenceId, r]));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map(({ referenceId }) => {
      const derived = deriveRecordState({
        stage,
        votes: votesByRef.get(referenceId) ?? [],
        resolution: resolutionByRef.get(referenceId) ?? null,
        requiredVotes,
      });
      return { referenceId, state: derived.state, voteCount: derived.voteCount };
    });
    await tx.execute(sql`
      update screening_states s set state = v.state::record_state, vote_count = v.vote_count, updated_at = now()
      from (select unnest(${sql.param(batch.map((b) => b.referenceId))}::uuid[]) as reference_id,
                   unnest(${sql.param(batch.map((b) => b.state))}::text[]) as state,
                   unnest(${sql.param(batch.map((b) => b.voteCount))}::int[]) as vote_count) v
      where s.reference_id = v.reference_id and s.stage = ${stage}
        and (s.state <> v.state::record_state or s.vote_count <> v.vote_count)`);
  }
}
