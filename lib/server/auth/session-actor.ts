import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import type { Actor } from './actor';
import { auth } from './auth';

/** The signed-in user of this request, or null. Cached per request. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? { userId, via: 'session' } : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect('/sign-in');
  return actor;
}
