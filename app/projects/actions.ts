'use server';

import { redirect } from 'next/navigation';
import { formFields, runAction } from '@/lib/server/actions/run-action';
import { createProject } from '@/lib/server/projects/create-project';
import type { FormState } from '@/lib/validation/action-result';

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((actor) => createProject(actor, formFields(formData)));
  if (!result.ok) return result;
  redirect(`/projects/${result.data.id}`);
}
