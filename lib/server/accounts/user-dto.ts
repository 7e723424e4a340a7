import 'server-only';

/** What leaves the server about a user: never the password hash. */
export type UserDto = { id: string; email: string; name: string; createdAt: string };
