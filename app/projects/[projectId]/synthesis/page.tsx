import type { Metadata } from 'next';
import Link from 'next/link';
import { AddFrameworkForm } from '@/components/synthesis/add-framework-form';
import { CodeMappingPanel } from '@/components/synthesis/code-mapping-panel';
import { FrameworkMatrixView } from '@/components/synthesis/framework-matrix';
import { FrameworkStructureEditor } from '@/components/synthesis/framework-structure-editor';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { FRAMEWORK_PRESETS } from '@/lib/domain/synthesis/presets';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { getFrameworkMatrix } from '@/lib/server/synthesis/get-framework-matrix';
import { listFrameworks } from '@/lib/server/synthesis/list-frameworks';
import { addFrameworkAction, deleteFrameworkAction, editFrameworkAction, loadCellQuotesAction, saveCellStatementAction, setCodeCellsAction } from './actions';

export const metadata: Metadata = { title: 'Synthesis' };

export default async function SynthesisPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ framework?: string }> }) {
  const { projectId } = await params;
  const { framework: wanted } = await searchParams;
  const actor = await requireSessionActor();
  const [project, frameworks] = await Promise.all([getProject(actor, projectId), listFrameworks(actor, projectId)]);
  const canEdit = can(project.role, 'synthesis.edit');
  const current = frameworks.find((f) => f.id === wanted) ?? frameworks[0];
  const view = current ? await getFrameworkMatrix(actor, projectId, current.id) : null;
  const base = `/projects/${projectId}/synthesis`;
  const api = current ? `/api/v1/projects/${projectId}/frameworks/${current.id}/matrix` : '';
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Synthesis</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Codes mapped onto a framework of domains (rows, with their themes) and levels (columns). Each cell counts the distinct included studies
          with a coding whose code, or a code above it, sits in that cell, split into barriers and facilitators by the codes&apos; polarity. Open a
          cell for its quotes and its statement.
        </p>
        <p className="text-sm">
          <Link href={`${base}/fit`} className="text-brand-700 underline">Compare frameworks (framework fit)</Link>
        </p>
      </header>

      {frameworks.length ? (
        <nav aria-label="Frameworks" className="flex flex-wrap gap-2">
          {frameworks.map((f) => (
            <Link key={f.id} href={`${base}?framework=${f.id}`} aria-current={f.id === current?.id ? 'page' : undefined} className={`rounded-md border px-3 py-1.5 text-sm ${f.id === current?.id ? 'border-brand-600 bg-brand-100 font-medium text-brand-900' : 'border-slate-300 bg-white hover:bg-slate-50'}`}>
              {f.name.length > 60 ? `${f.name.slice(0, 57)}…` : f.name}
            </Link>
          ))}
        </nav>
      ) : (
        <p className={cardClass}>No framework yet. {canEdit ? 'Add a preset or a custom framework below.' : 'A lead adds one.'}</p>
      )}

      {current && view ? (
        <>
          <section aria-labelledby="matrix-heading" className={cardClass}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h2 id="matrix-heading" className="text-lg font-semibold">{current.name}</h2>
                {current.source ? <p className="mt-1 max-w-3xl text-xs text-slate-600">Source: {current.source}</p> : null}
                <p className="mt-1 text-sm text-slate-700">
                  {view.matrix.studies} {view.matrix.studies === 1 ? 'study' : 'studies'} in the matrix; {view.codes.length} codes, {new Set(view.mappings.map((m) => m.codeId)).size} mapped here.
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <a className={secondaryButtonClass} href={`${api}?format=xlsx`} download>Download XLSX</a>
                <a className={secondaryButtonClass} href={`${api}?format=docx`} download>Download DOCX</a>
                <a className={secondaryButtonClass} href={`${api}?format=csv`} download>Download CSV</a>
              </div>
            </div>
            <div className="mt-4">
              <FrameworkMatrixView
                matrix={view.matrix}
                statements={view.statements}
                canEdit={canEdit}
                loadQuotes={loadCellQuotesAction.bind(null, projectId, current.id)}
                saveStatement={saveCellStatementAction.bind(null, projectId, current.id)}
              />
            </div>
          </section>

          <section aria-labelledby="mapping-heading" className={cardClass}>
            <h2 id="mapping-heading" className="text-lg font-semibold">Map codes to cells</h2>
            {canEdit ? (
              <div className="mt-3">
                <CodeMappingPanel key={current.id} framework={current} codes={view.codes} mappings={view.mappings} save={setCodeCellsAction.bind(null, projectId, current.id)} />
              </div>
            ) : (
              <MappingList codes={view.codes} mappings={view.mappings} framework={current} />
            )}
          </section>

          {canEdit ? (
            <section aria-labelledby="structure-heading" className={cardClass}>
              <details>
                <summary className="cursor-pointer">
                  <h2 id="structure-heading" className="inline text-lg font-semibold">Edit this framework</h2>
                </summary>
                <div className="mt-3">
                  <FrameworkStructureEditor key={current.id} framework={current} edit={editFrameworkAction.bind(null, projectId, current.id)} remove={deleteFrameworkAction.bind(null, projectId, current.id)} />
                </div>
              </details>
            </section>
          ) : null}
        </>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="add-heading" className={cardClass}>
          <h2 id="add-heading" className="text-lg font-semibold">Add a framework</h2>
          <p className="mt-1 text-sm text-slate-700">A preset is copied into the project and can then be edited. Add several to compare how well each fits the same codes.</p>
          <div className="mt-3">
            <AddFrameworkForm presets={FRAMEWORK_PRESETS.map((p) => ({ key: p.key, name: p.name, source: p.source }))} taken={frameworks.map((f) => f.name)} add={addFrameworkAction.bind(null, projectId)} />
          </div>
        </section>
      ) : null}
    </div>
  );
}

function MappingList({ codes, mappings, framework }: { codes: { id: string; name: string }[]; mappings: { codeId: string; domainId: string; themeId: string | null; levelId: string }[]; framework: { domains: { id: string; label: string; themes: { id: string; label: string }[] }[]; levels: { id: string; label: string }[] } }) {
  const themeLabel = new Map(framework.domains.flatMap((d) => [[d.id, d.label] as const, ...d.themes.map((t) => [t.id, t.label] as const)]));
  const levelLabel = new Map(framework.levels.map((l) => [l.id, l.label]));
  const mapped = codes.filter((c) => mappings.some((m) => m.codeId === c.id));
  if (!mapped.length) return <p className="mt-2 text-sm text-slate-600">No code is mapped to this framework yet.</p>;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {mapped.map((c) => (
        <li key={c.id}>
          <span className="font-medium">{c.name}</span>:{' '}
          {mappings
            .filter((m) => m.codeId === c.id)
            .map((m) => `${themeLabel.get(m.themeId ?? m.domainId)} at ${levelLabel.get(m.levelId)}`)
            .join('; ')}
        </li>
      ))}
    </ul>
  );
}
