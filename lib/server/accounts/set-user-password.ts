import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { ZEmail, ZPassword } from '@/lib/validation/accounts';
import { hashPassword } from '@/lib/server/auth/password';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';

const ZSetPassword = z.object({ email: ZEmail, password: ZPassword });

/**
 * An administrator's command (the command line, not the web): set an
 * account's password, e.g. for a person whose account a project import
 * created without one.
 */
export async function setUserPassword(raw: unknown): Promise<{ id: string; email: string }> {
  const input = parseInput(ZSetPassword, raw);
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(sql`lower(${users.email})`, input.email))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new AppError('NOT_FOUND', `No account has the email ${input.email}.`);
    await recordAuditEvent(tx, { actorId: null, action: 'user.set-password', entityType: 'user', entityId: user.id });
    return user;
  });
}
