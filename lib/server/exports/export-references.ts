import 'server-only';
import { getDb } from '@/db/client';
import type { ExportTable } from '@/lib/domain/exporters/tables';
import { firstBy, groupBy } from '@/lib/domain/group-by';
import { toRis, type ParsedReference } from '@/lib/domain/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { canSeeScreeningOutcomes } from '@/lib/server/screening/can-see-outcomes';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { documentFile, type ExportFile } from './export-file';
import { loadExportReferences, loadScreeningExport, type ExportReference } from './load-screening-export';

export type ReferenceStateFilter = 'all' | 'included' | 'excluded' | 'conflict' | 'awaiting' | 'studies';
const BLIND_MESSAGE = 'While blind screening is on, exports that show screening outcomes or votes are for leads and viewers only, so that reviewers stay blind.';

type Stage = 'title_abstract' | 'full_text';

const INCLUDED = ['included', 'resolved_included'];
const EXCLUDED = ['excluded', 'resolved_excluded'];

/** The bibliographic records as RIS. */
function risFile(records: readonly ExportReference[], suffix: string): ExportFile {
  const parsed: ParsedReference[] = records.map((r) => ({
    title: r.title, abstract: r.abstract, authors: r.authors, year: r.year, journal: r.journal, volume: r.volume, issue: r.issue, pages: r.pages,
    doi: r.doi, pmid: r.pmid, keywords: r.keywords, url: r.url, type: r.type, language: r.language, raw: {},
  }));
  return { fileName: `references${suffix}.ris`, contentType: 'application/x-research-info-systems; charset=utf-8', body: toRis(parsed) };
}

/**
 * References in any state, as RIS, CSV or XLSX. CSV and XLSX carry each
 * record's state at both stages and every vote (who, decision, reason, note)
 * and resolution; RIS carries the bibliographic record. Outcomes and votes are
 * refused to reviewers while screening is blind (RIS of all records is not).
 */
export async function exportReferences(actor: Actor, projectId: string, format: 'ris' | 'csv' | 'xlsx', filter: ReferenceStateFilter = 'all'): Promise<ExportFile> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'exports.read');
  const revealsOutcomes = format !== 'ris' || filter !== 'all';
  if (revealsOutcomes && !canSeeScreeningOutcomes(role, (await loadProjectSettings(db, projectId)).blindScreening)) throw new AppError('FORBIDDEN', BLIND_MESSAGE);
  // RIS of every record carries no outcome: the references alone.
  if (format === 'ris' && filter === 'all') return risFile(await loadExportReferences(db, projectId), '');
  const data = await loadScreeningExport(db, projectId);
  const ta = (r: ExportReference) => data.stateOf(r.id, 'title_abstract');
  const ft = (r: ExportReference) => data.stateOf(r.id, 'full_text');
  const keep = (r: ExportReference): boolean => {
    if (filter === 'all') return true;
    if (r.duplicateOfId) return false;
    const states = [ta(r), ft(r)];
    if (filter === 'studies') return data.studyReferenceIds.has(r.id);
    if (filter === 'included') return INCLUDED.includes(ta(r) ?? '');
    if (filter === 'excluded') return states.some((s) => EXCLUDED.includes(s ?? ''));
    if (filter === 'conflict') return states.includes('conflict');
    return states.includes('awaiting');
  };
  const records = data.references.filter(keep);
  const suffix = filter === 'all' ? '' : `-${filter}`;
  if (format === 'ris') return risFile(records, suffix);
  // Each reference's votes (oldest first) and resolution per stage, grouped once.
  const key = (id: string, stage: Stage) => `${id}|${stage}`;
  const votesByKey = groupBy(data.votes, (v) => key(v.referenceId, v.stage));
  const resolutionByKey = firstBy(data.resolutions, (r) => key(r.referenceId, r.stage));
  const votesOf = (id: string, stage: Stage) =>
    (votesByKey.get(key(id, stage)) ?? []).map((v) => [`${v.reviewer}: ${v.decision}`, v.reason ? ` (${v.reason})` : '', v.note ? ` - ${v.note}` : ''].join('')).join('; ');
  const resolutionOf = (id: string, stage: Stage) => {
    const r = resolutionByKey.get(key(id, stage));
    return r ? `${r.decision}${r.reason ? ` (${r.reason})` : ''} by ${r.by ?? 'a former member'}` : '';
  };
  const table: ExportTable = {
    title: 'References',
    columns: [
      { header: 'id' }, { header: 'source' }, { header: 'title', width: 50 }, { header: 'authors', width: 30 }, { header: 'year' }, { header: 'journal', width: 24 },
      { header: 'volume' }, { header: 'issue' }, { header: 'pages' }, { header: 'doi', width: 24 }, { header: 'pmid' }, { header: 'abstract', width: 60 },
      { header: 'duplicate_of' }, { header: 'title_abstract_state' }, { header: 'title_abstract_votes', width: 40 }, { header: 'title_abstract_resolution', width: 30 },
      { header: 'full_text_state' }, { header: 'full_text_votes', width: 40 }, { header: 'full_text_resolution', width: 30 }, { header: 'study' },
    ],
    rows: records.map((r) => [
      r.id, r.source, r.title, r.authors.join('; '), r.year, r.journal, r.volume, r.issue, r.pages, r.doi, r.pmid, r.abstract,
      r.duplicateOfId, ta(r), votesOf(r.id, 'title_abstract'), resolutionOf(r.id, 'title_abstract'),
      ft(r), votesOf(r.id, 'full_text'), resolutionOf(r.id, 'full_text'), data.studyReferenceIds.has(r.id) ? 'yes' : 'no',
    ]),
  };
  return documentFile(`references${suffix}`, format, { title: 'References', tables: [table] });
}

export { BLIND_MESSAGE };
