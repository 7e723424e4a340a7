'use server';

import { revalidatePath } from 'next/cache';
import { formFields, runAction } from '@/lib/server/actions/run-action';
import { createApiToken, type CreatedApiToken } from '@/lib/server/tokens/create-api-token';
import { revokeApiToken } from '@/lib/server/tokens/revoke-api-token';
import type { ActionResult, FormState } from '@/lib/validation/action-result';

export async function createTokenAction(
  _prev: FormState<CreatedApiToken>,
  formData: FormData,
): Promise<FormState<CreatedApiToken>> {
  const result = await runAction((actor) => createApiToken(actor, formFields(formData)));
  if (result.ok) revalidatePath('/account');
  return result;
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const result = await runAction((actor) => revokeApiToken(actor, tokenId));
  if (result.ok) revalidatePath('/account');
  return result.ok ? { ok: true, data: null } : result;
}
