import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateProjectForm } from '@/components/projects/create-project-form';
import { cardClass } from '@/components/ui/styles';
import { ROLE_LABELS } from '@/lib/domain/access/permissions';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listMyProjects } from '@/lib/server/projects/list-my-projects';
import { createProjectAction } from './actions';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const actor = await requireSessionActor();
  const projects = await listMyProjects(actor);
  return (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[1fr_24rem]">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading" className="text-2xl font-semibold">
          Your reviews
        </h1>
        {projects.length === 0 ? (
          <div className={`${cardClass} mt-4 text-slate-700`}>
            <p className="font-medium">You are not in any review yet.</p>
            <p className="mt-1 text-sm">
              Create one with the form, or ask a review&apos;s owner to add you by your email address.
            </p>
          </div>
        ) : (
          <ul className="mt-4 space-y-3">
            {projects.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.id}`} className={`${cardClass} block hover:border-brand-600`}>
                  <span className="block text-lg font-medium text-brand-900">{p.title}</span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {ROLE_LABELS[p.role]} · {p.memberCount} {p.memberCount === 1 ? 'member' : 'members'} · created{' '}
                    {new Date(p.createdAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-project-heading" className={cardClass}>
        <h2 id="new-project-heading" className="mb-4 text-lg font-semibold">
          Start a new review
        </h2>
        <CreateProjectForm action={createProjectAction} />
      </section>
    </div>
  );
}
