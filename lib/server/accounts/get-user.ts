import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/server/errors/app-error';
import type { UserDto } from './user-dto';

export async function getUser(userId: string): Promise<UserDto> {
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHORIZED', 'Your account no longer exists. Sign in again.');
  return { ...user, createdAt: user.createdAt.toISOString() };
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  const [user] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user?.id ?? null;
}
