import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CodingWorkspace } from '@/components/coding/coding-workspace';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getStudyCoding } from '@/lib/server/coding/get-study-coding';
import { isAppError } from '@/lib/server/errors/app-error';
import {
  applyCodingAction,
  createCodeAction,
  deleteCodingAction,
  deleteQuoteAction,
  saveReadingPositionAction,
  setDocumentTextAction,
  updateQuoteAction,
} from '../../actions';

export const metadata: Metadata = { title: 'Coding a study' };
export const dynamic = 'force-dynamic';

export default async function StudyCodingPage({ params }: { params: Promise<{ projectId: string; studyId: string }> }) {
  const { projectId, studyId } = await params;
  const actor = await requireSessionActor();
  const view = await getStudyCoding(actor, projectId, studyId).catch((error: unknown) => {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding`}>
          Coding
        </Link>{' '}
        / this study
      </nav>
      <h1 className="text-2xl font-semibold">{view.study.title}</h1>
      {view.doubleCoding ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm text-slate-700">
          Double-coded by {view.doubleCoding.firstCoder.name} and {view.doubleCoding.secondCoder.name}.{' '}
          {view.isBlinded ? 'You see only your own quotes until a lead compares the two codings.' : view.doubleCoding.isCompared ? 'Compared: both codings are visible.' : 'Not yet compared.'}
        </p>
      ) : null}
      {!view.canCode ? <p className="text-sm text-slate-600">You can read the coding; your role does not code.</p> : null}
      <CodingWorkspace
        key={`${view.document?.id}-${view.document?.version}`}
        view={view}
        actions={{
          apply: applyCodingAction.bind(null, projectId),
          createCode: createCodeAction.bind(null, projectId),
          updateQuote: updateQuoteAction.bind(null, projectId),
          deleteCoding: deleteCodingAction.bind(null, projectId),
          deleteQuote: deleteQuoteAction.bind(null, projectId),
          setText: setDocumentTextAction.bind(null, projectId, studyId),
          savePosition: saveReadingPositionAction.bind(null, projectId, studyId),
        }}
      />
    </div>
  );
}
