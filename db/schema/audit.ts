import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projects } from './projects';

/** Every change a use-case makes: who, where, what, and the before/after state. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_project_at_idx').on(t.projectId, t.at),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
