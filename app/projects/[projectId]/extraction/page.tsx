import type { Metadata } from 'next';
import Link from 'next/link';
import { ExtractorsSetting } from '@/components/extraction/extractors-setting';
import { StudyStatusBadge } from '@/components/extraction/status-badge';
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { STUDY_STATUS_LABELS, type StudyExtractionStatus } from '@/lib/domain/extraction/status';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getExtractionForm } from '@/lib/server/extraction/get-extraction-form';
import { listExtractionStudies } from '@/lib/server/extraction/list-extraction-studies';
import { getProject } from '@/lib/server/projects/get-project';
import { updateExtractionSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Extraction' };

const MY_STATUS = { none: '—', in_progress: 'Draft', complete: 'Complete' } as const;

export default async function ExtractionPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, form, list] = await Promise.all([getProject(actor, projectId), getExtractionForm(actor, projectId), listExtractionStudies(actor, projectId)]);
  const base = `/projects/${projectId}/extraction`;
  const isLead = can(project.role, 'extraction.finalise');
  const canExtract = can(project.role, 'extraction.edit');
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Extraction</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Study characteristics on one shared form.{' '}
          {list.extractorsPerStudy === 2
            ? 'Two reviewers extract each included study independently (neither sees the other’s answers); a lead compares them side by side and finalises.'
            : 'One reviewer extracts each included study; a lead checks and finalises it.'}
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/form`} className={secondaryButtonClass}>
            {isLead ? 'Build the form' : 'The form'}
            {form.current ? ` (version ${form.current.version})` : ''}
          </Link>
          <Link href={`${base}/table`} className={secondaryButtonClass}>
            Characteristics table
          </Link>
        </div>
      </header>
      {!form.current ? (
        <p className={cardClass}>
          No extraction form has been published yet.{' '}
          {isLead ? (
            <Link href={`${base}/form`} className="text-brand-700 underline">
              Start from the template “Qualitative study characteristics”
            </Link>
          ) : (
            'A lead builds it first.'
          )}
        </p>
      ) : null}
      {isLead ? (
        <section aria-labelledby="setting-heading" className={cardClass}>
          <h2 id="setting-heading" className="mb-3 text-lg font-semibold">
            Setting
          </h2>
          <ExtractorsSetting value={list.extractorsPerStudy} save={updateExtractionSettingsAction.bind(null, projectId)} />
        </section>
      ) : null}
      <section aria-labelledby="studies-heading" className={cardClass}>
        <h2 id="studies-heading" className="text-lg font-semibold">
          Included studies
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-700" data-testid="extraction-counts">
          {list.items.length} {list.items.length === 1 ? 'study' : 'studies'}:{' '}
          {(Object.keys(STUDY_STATUS_LABELS) as StudyExtractionStatus[]).map((s) => `${list.counts[s]} ${STUDY_STATUS_LABELS[s].toLowerCase()}`).join(', ')}.
        </p>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-700">No included studies yet: references included at full-text screening become studies.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Study</th>
                  <th scope="col" className="px-3 py-2 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2 font-medium">Extractors</th>
                  <th scope="col" className="px-3 py-2 font-medium">Mine</th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((study) => (
                  <tr key={study.id} className="border-t border-slate-100 align-top" data-testid="extraction-study">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <span className="font-medium">{study.label}</span>
                      <span className="block text-slate-600">{study.title}</span>
                    </th>
                    <td className="px-3 py-2">
                      <StudyStatusBadge status={study.status} />
                    </td>
                    <td className="px-3 py-2">
                      {study.extractors.length
                        ? study.extractors.map((e) => `${e.isMe ? 'You' : e.name} (${e.isComplete ? 'complete' : 'draft'})`).join(', ')
                        : '—'}
                      <span className="block text-xs text-slate-500">
                        {study.extractors.length} of {list.extractorsPerStudy}
                      </span>
                    </td>
                    <td className="px-3 py-2">{MY_STATUS[study.myStatus]}</td>
                    <td className="space-x-2 whitespace-nowrap px-3 py-2 text-right">
                      {form.current && canExtract && study.canExtract ? (
                        <Link href={`${base}/${study.id}`} className={study.myStatus === 'none' ? buttonClass : secondaryButtonClass} aria-label={`${study.myStatus === 'none' ? 'Extract' : 'Continue'} ${study.label}`}>
                          {study.myStatus === 'none' ? 'Extract' : 'Continue'}
                        </Link>
                      ) : (
                        <Link href={`${base}/${study.id}`} className="text-brand-700 underline" aria-label={`View ${study.label}`}>
                          View
                        </Link>
                      )}
                      {isLead && study.status !== 'not_started' ? (
                        <Link href={`${base}/${study.id}/consensus`} className={secondaryButtonClass} aria-label={`Consensus for ${study.label}`}>
                          Consensus
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
