import type { Metadata } from 'next';
import Link from 'next/link';
import { FormBuilder } from '@/components/extraction/form-builder';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { QUALITATIVE_STUDY_TEMPLATE, QUALITATIVE_TEMPLATE_NAME } from '@/lib/domain/extraction/template';
import { FIELD_TYPE_LABELS } from '@/lib/domain/extraction/types';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getExtractionForm } from '@/lib/server/extraction/get-extraction-form';
import { getProject } from '@/lib/server/projects/get-project';
import { publishFormAction } from '../actions';

export const metadata: Metadata = { title: 'Extraction form' };

export default async function ExtractionFormPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, view] = await Promise.all([getProject(actor, projectId), getExtractionForm(actor, projectId)]);
  const canManage = can(project.role, 'extraction.manage-forms');
  const fields = view.current?.fields ?? [];
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${projectId}/extraction`} className="text-brand-700 underline">
          Extraction
        </Link>{' '}
        / Form
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Extraction form</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Each publish makes a new version. Answers keep the version they were given against, so renaming an option or a field never changes what an
          earlier answer meant; extractors move their answers to the new version when they next save.
        </p>
      </header>
      <section aria-labelledby="builder-heading" className={cardClass}>
        <h2 id="builder-heading" className="mb-4 text-lg font-semibold">
          {canManage ? 'Fields' : `${view.form?.name ?? 'Form'}: fields`}
        </h2>
        {canManage ? (
          <FormBuilder
            name={view.form?.name ?? 'Study characteristics'}
            published={fields}
            publishedVersion={view.current?.version ?? null}
            template={QUALITATIVE_STUDY_TEMPLATE}
            templateName={QUALITATIVE_TEMPLATE_NAME}
            publish={publishFormAction.bind(null, projectId)}
          />
        ) : fields.length === 0 ? (
          <p className="text-sm text-slate-700">No form has been published yet; a lead builds it.</p>
        ) : (
          <ol className="list-inside list-decimal space-y-2 text-sm">
            {fields.map((f) => (
              <li key={f.id}>
                <span className="font-medium">{f.label}</span> ({FIELD_TYPE_LABELS[f.type]}
                {f.required ? ', required' : ''}){'options' in f ? `: ${f.options.map((o) => o.label).join(', ')}` : ''}
                {f.helpText ? <span className="block pl-5 text-slate-600">{f.helpText}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {view.versions.length ? (
        <section aria-labelledby="versions-heading" className={cardClass}>
          <h2 id="versions-heading" className="mb-2 text-lg font-semibold">
            Versions
          </h2>
          <table className="w-full max-w-2xl text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 font-medium">Version</th>
                <th scope="col" className="py-1 font-medium">Fields</th>
                <th scope="col" className="py-1 font-medium">Published</th>
                <th scope="col" className="py-1 font-medium">By</th>
              </tr>
            </thead>
            <tbody>
              {[...view.versions].reverse().map((v) => (
                <tr key={v.id} className="border-t border-slate-100">
                  <td className="py-1">{v.version}</td>
                  <td className="py-1">{v.fieldCount}</td>
                  <td className="py-1">{new Date(v.publishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td className="py-1">{v.publishedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
