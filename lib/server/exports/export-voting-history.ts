import 'server-only';
import { getDb } from '@/db/client';
import type { ExportTable } from '@/lib/domain/exporters/tables';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { canSeeScreeningOutcomes } from '@/lib/server/screening/can-see-outcomes';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { documentFile, type ExportFile } from './export-file';
import { BLIND_MESSAGE } from './export-references';
import { loadReasonLabels, loadScreeningExport, loadScreeningHistory } from './load-screening-export';

type Entry = { at: Date; event: string; stage: string; referenceId: string; by: string; decision: string; reason: string | null; note: string | null; previous: string };

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The full voting history: every vote cast, changed or withdrawn and every
 * resolution made or changed, who and when, from the audit trail; votes and
 * resolutions that predate it (seeded rows) appear once, as they stand.
 * Leads and viewers only while screening is blind.
 */
export async function exportVotingHistory(actor: Actor, projectId: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'exports.read');
  if (!canSeeScreeningOutcomes(role, (await loadProjectSettings(db, projectId)).blindScreening)) throw new AppError('FORBIDDEN', BLIND_MESSAGE);
  const [data, history, reasons] = await Promise.all([loadScreeningExport(db, projectId), loadScreeningHistory(db, projectId), loadReasonLabels(db, projectId)]);
  const reason = (v: Record<string, unknown> | null) => (str(v?.reasonId) ? (reasons.get(String(v!.reasonId)) ?? 'a deleted reason') : null);
  // Votes keep their id across changes; a withdrawn vote's id is gone, but its audit entry keeps reference and stage.
  const where = new Map<string, { referenceId: string; stage: string }>();
  for (const e of history) {
    const ref = str(e.after?.referenceId) ?? str(e.before?.referenceId);
    const stage = str(e.after?.stage) ?? str(e.before?.stage);
    if (e.entityId && ref && stage) where.set(e.entityId, { referenceId: ref, stage });
  }
  const entries: Entry[] = [];
  const audited = new Set<string>();
  for (const e of history) {
    const at = e.entityId ? where.get(e.entityId) : undefined;
    if (!e.entityId || !at) continue;
    audited.add(e.entityId);
    const state = e.action.endsWith('withdraw') ? e.before : e.after;
    entries.push({
      at: e.at,
      event: e.action,
      stage: at.stage,
      referenceId: at.referenceId,
      by: e.actor ?? 'a former member',
      decision: e.action.endsWith('withdraw') ? 'withdrawn' : (str(state?.decision) ?? ''),
      reason: e.action.endsWith('withdraw') ? null : reason(state),
      note: e.action.endsWith('withdraw') ? null : str(state?.note),
      previous: e.before && !e.action.endsWith('withdraw') ? [str(e.before.decision), reason(e.before)].filter(Boolean).join(', ') : '',
    });
  }
  for (const v of data.votes) if (!audited.has(v.id)) entries.push({ at: v.createdAt, event: 'vote.recorded', stage: v.stage, referenceId: v.referenceId, by: v.reviewer, decision: v.decision, reason: v.reason, note: v.note, previous: '' });
  for (const r of data.resolutions) if (!audited.has(r.id)) entries.push({ at: r.createdAt, event: 'resolution.recorded', stage: r.stage, referenceId: r.referenceId, by: r.by ?? 'a former member', decision: r.decision, reason: r.reason, note: r.note, previous: '' });
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  const title = new Map(data.references.map((r) => [r.id, r.title ?? '']));
  const table: ExportTable = {
    title: 'Voting history',
    columns: [
      { header: 'at', width: 24 }, { header: 'event' }, { header: 'stage' }, { header: 'reference_id' }, { header: 'title', width: 50 },
      { header: 'by', width: 24 }, { header: 'decision' }, { header: 'reason', width: 24 }, { header: 'note', width: 40 }, { header: 'previous', width: 24 },
    ],
    rows: entries.map((e) => [e.at.toISOString(), e.event, e.stage, e.referenceId, title.get(e.referenceId) ?? '', e.by, e.decision, e.reason, e.note, e.previous]),
  };
  return documentFile('voting-history', format, { title: 'Voting history', tables: [table] });
}
