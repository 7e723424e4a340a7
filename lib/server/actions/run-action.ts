import 'server-only';
import { getSessionActor } from '@/lib/server/auth/session-actor';
import type { Actor } from '@/lib/server/auth/actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { databaseConflict } from '@/lib/server/errors/database-conflict';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';

import type { ActionResult } from '@/lib/validation/action-result';

export type { ActionResult };

/**
 * Run a server action as the signed-in user. Next.js itself refuses actions
 * whose Origin differs from the Host; the use-case checks the role.
 */
export async function runAction<T>(run: (actor: Actor) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  const actor = await getSessionActor();
  if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.', code: 'UNAUTHORIZED' };
  try {
    return { ok: true, data: await run(actor), message };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fields, code: error.code };
    const conflict = databaseConflict(error);
    if (conflict) return { ok: false, error: conflict.message, code: conflict.code };
    if (isDatabaseUnavailable(error)) return { ok: false, error: 'The database is not reachable at the moment. Try again in a few seconds.' };
    console.error('Unexpected action error', error);
    return { ok: false, error: 'Something went wrong on the server. Try again.' };
  }
}

/** FormData as a plain object of strings, for zod. */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string') out[key] = value;
  return out;
}
