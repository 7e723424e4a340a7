import 'server-only';

/** Who is acting: resolved by the route or action wrapper, passed to every use-case. */
export type Actor = { userId: string; via: 'session' | 'token' | 'cli' };
