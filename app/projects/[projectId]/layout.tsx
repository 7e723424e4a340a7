import { notFound } from 'next/navigation';
import { ProjectNav } from '@/components/projects/project-nav';
import { ROLE_LABELS } from '@/lib/domain/access/permissions';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { isAppError } from '@/lib/server/errors/app-error';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const project = await getProject(actor, projectId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <div className="mx-auto grid max-w-7xl gap-6 px-4 py-6 md:grid-cols-[15rem_1fr]">
      <aside>
        <p className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Review</p>
        <p className="mb-1 px-3 font-semibold text-brand-900">{project.title}</p>
        <p className="mb-4 px-3 text-xs text-slate-600">You are {ROLE_LABELS[project.role].toLowerCase()}</p>
        <ProjectNav projectId={project.id} projectTitle={project.title} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
