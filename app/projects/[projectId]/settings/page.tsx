import type { Metadata } from 'next';
import Link from 'next/link';
import { ProjectExportPanel } from '@/components/backup/project-export-panel';
import { MembersPanel } from '@/components/members/members-panel';
import { ExclusionReasonsEditor } from '@/components/settings/exclusion-reasons-editor';
import { ScreeningSettingsForm } from '@/components/settings/screening-settings-form';
import { cardClass } from '@/components/ui/styles';
import { can } from '@/lib/domain/access/permissions';
import { extractorsPerStudyOf } from '@/lib/validation/extraction';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listMembers } from '@/lib/server/members/list-members';
import { getProject } from '@/lib/server/projects/get-project';
import { listExclusionReasons } from '@/lib/server/reasons/list-exclusion-reasons';
import {
  addMemberAction,
  addReasonAction,
  cancelInvitationAction,
  changeRoleAction,
  deleteReasonAction,
  moveReasonAction,
  removeMemberAction,
  updateScreeningSettingsAction,
} from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, { members, invitations }, reasons] = await Promise.all([
    getProject(actor, projectId),
    listMembers(actor, projectId),
    listExclusionReasons(actor, projectId),
  ]);
  const canEdit = can(project.role, 'project.update');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="details-heading" className={cardClass}>
        <h2 id="details-heading" className="text-lg font-semibold">
          Review
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600">Title</dt>
          <dd>{project.title}</dd>
          <dt className="font-medium text-slate-600">Question</dt>
          <dd>{project.question || <span className="text-slate-500">Not set</span>}</dd>
          <dt className="font-medium text-slate-600">Reviewers per record</dt>
          <dd>
            {project.settings.reviewersRequired.title_abstract} at title/abstract, {project.settings.reviewersRequired.full_text} at full text
          </dd>
          <dt className="font-medium text-slate-600">Blind screening</dt>
          <dd>{project.settings.blindScreening ? 'On: reviewers do not see each other’s votes' : 'Off'}</dd>
          <dt className="font-medium text-slate-600">Extractors per study</dt>
          <dd>
            {extractorsPerStudyOf(project.settings) === 2 ? 'Two, independently' : 'One'} (set on the{' '}
            <Link href={`/projects/${projectId}/extraction`} className="text-brand-700 underline">
              Extraction
            </Link>{' '}
            page)
          </dd>
        </dl>
      </section>
      <section aria-labelledby="screening-heading" className={cardClass}>
        <h2 id="screening-heading" className="mb-4 text-lg font-semibold">
          Screening
        </h2>
        <ScreeningSettingsForm
          settings={project.settings}
          criteria={project.criteria}
          canEdit={canEdit}
          action={updateScreeningSettingsAction.bind(null, projectId)}
        />
      </section>
      <section aria-labelledby="reasons-heading" className={cardClass}>
        <h2 id="reasons-heading" className="text-lg font-semibold">
          Full-text exclusion reasons
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">In this order at full text (press the number while screening). PRISMA reports one reason per excluded report.</p>
        <ExclusionReasonsEditor
          reasons={reasons}
          canEdit={canEdit}
          add={addReasonAction.bind(null, projectId)}
          move={moveReasonAction.bind(null, projectId)}
          remove={deleteReasonAction.bind(null, projectId)}
        />
      </section>
      <section aria-labelledby="members-heading" className={cardClass}>
        <h2 id="members-heading" className="mb-4 text-lg font-semibold">
          Members
        </h2>
        <MembersPanel
          members={members}
          invitations={invitations}
          currentUserId={actor.userId}
          canManage={can(project.role, 'members.manage')}
          addMember={addMemberAction.bind(null, projectId)}
          changeRole={changeRoleAction.bind(null, projectId)}
          removeMember={removeMemberAction.bind(null, projectId)}
          cancelInvitation={cancelInvitationAction.bind(null, projectId)}
        />
      </section>
      {can(project.role, 'project.export') && (
        <section aria-labelledby="export-heading" className={cardClass}>
          <h2 id="export-heading" className="mb-2 text-lg font-semibold">
            Export the whole project
          </h2>
          <ProjectExportPanel projectId={projectId} />
        </section>
      )}
    </div>
  );
}
