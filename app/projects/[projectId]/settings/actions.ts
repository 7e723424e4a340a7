'use server';

import { revalidatePath } from 'next/cache';
import { formFields, runAction } from '@/lib/server/actions/run-action';
import { addMember } from '@/lib/server/members/add-member';
import { cancelInvitation } from '@/lib/server/members/cancel-invitation';
import { changeMemberRole } from '@/lib/server/members/change-member-role';
import { removeMember } from '@/lib/server/members/remove-member';
import { addExclusionReason } from '@/lib/server/reasons/add-exclusion-reason';
import { deleteExclusionReason } from '@/lib/server/reasons/delete-exclusion-reason';
import { moveExclusionReason } from '@/lib/server/reasons/move-exclusion-reason';
import { updateScreeningSettings } from '@/lib/server/screening/update-screening-settings';
import type { ActionResult, FormState } from '@/lib/validation/action-result';

function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}`, 'layout');
}

export async function addMemberAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((actor) => addMember(actor, projectId, formFields(formData)));
  if (!result.ok) return result;
  refresh(projectId);
  const message =
    result.data.kind === 'member'
      ? `${result.data.member.email} was added as ${result.data.member.role}.`
      : `${result.data.invitation.email} has no account yet: they join as ${result.data.invitation.role} when they sign up with that email.`;
  return { ok: true, data: null, message };
}

export async function changeRoleAction(projectId: string, userId: string, role: string): Promise<ActionResult> {
  const result = await runAction((actor) => changeMemberRole(actor, projectId, userId, { role }));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function removeMemberAction(projectId: string, userId: string): Promise<ActionResult> {
  const result = await runAction((actor) => removeMember(actor, projectId, userId));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function cancelInvitationAction(projectId: string, invitationId: string): Promise<ActionResult> {
  const result = await runAction((actor) => cancelInvitation(actor, projectId, invitationId));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function updateScreeningSettingsAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((actor) => updateScreeningSettings(actor, projectId, formFields(formData)));
  if (!result.ok) return result;
  refresh(projectId);
  return { ok: true, data: null, message: 'Screening settings saved.' };
}

export async function addReasonAction(projectId: string, label: string): Promise<ActionResult> {
  const result = await runAction((actor) => addExclusionReason(actor, projectId, { label }));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function moveReasonAction(projectId: string, reasonId: string, direction: 'up' | 'down'): Promise<ActionResult> {
  const result = await runAction((actor) => moveExclusionReason(actor, projectId, reasonId, direction));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function deleteReasonAction(projectId: string, reasonId: string): Promise<ActionResult> {
  const result = await runAction((actor) => deleteExclusionReason(actor, projectId, reasonId));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}
