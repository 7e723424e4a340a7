import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { codes, codings, documents, memberships, projects, quotes, users } from '@/db/schema';
import { buildQdpx } from '@/lib/domain/exporters/qdpx';
import { groupBy } from '@/lib/domain/group-by';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { visibleQuotes } from '@/lib/server/coding/coding-scope';
import { loadStudies } from '@/lib/server/synthesis/load-study-labels';
import { fileSlug, type ExportFile } from './export-file';

/**
 * The project's coding as a REFI-QDA project (.qdpx): users, the codebook with
 * nesting and colours, each study's coded document version as a text source,
 * every quote as a selection with its codings, memos as notes.
 */
export async function exportQdpx(actor: Actor, projectId: string): Promise<ExportFile> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'exports.read');
  const [[project], codeRows, quoteRows, codingRows, studies, docRows, memberRows] = await Promise.all([
    db.select({ title: projects.title, createdAt: projects.createdAt, createdBy: projects.createdBy }).from(projects).where(eq(projects.id, projectId)),
    db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.position), asc(codes.name)),
    // Studies still double-coded blind: the caller's own quotes only, as on the coding pages.
    visibleQuotes(db, projectId, actor.userId, role).then((visible) => db.select().from(quotes).where(and(eq(quotes.projectId, projectId), visible))),
    db.select({ id: codings.id, quoteId: codings.quoteId, codeId: codings.codeId }).from(codings).where(eq(codings.projectId, projectId)),
    loadStudies(db, projectId),
    db.select().from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.studyId), asc(documents.version)),
    db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.projectId, projectId)),
  ]);
  // Sources: every document version that has quotes, plus each study's latest version.
  const latest = new Map<string, string>();
  for (const d of docRows) latest.set(d.studyId, d.id);
  const quoted = new Set(quoteRows.map((q) => q.documentId));
  const sourceDocs = docRows.filter((d) => quoted.has(d.id) || latest.get(d.studyId) === d.id);
  const versions = new Map<string, number>();
  for (const d of docRows) versions.set(d.studyId, (versions.get(d.studyId) ?? 0) + 1);
  const label = new Map(studies.map((s) => [s.id, `${s.label}: ${s.title}`.slice(0, 200)]));
  const userIds = [...new Set([...quoteRows.map((q) => q.coderId), ...(project.createdBy ? [project.createdBy] : [])])];
  const memberIds = memberRows.map((m) => m.userId);
  const allUserIds = [...new Set([...userIds, ...memberIds])];
  const codingsByQuote = groupBy(codingRows, (c) => c.quoteId);
  const userRows = allUserIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, allUserIds)) : [];
  const body = await buildQdpx({
    name: project.title,
    createdAt: project.createdAt,
    creatorId: project.createdBy,
    users: userRows,
    codes: codeRows.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, description: c.description, color: c.color })),
    sources: sourceDocs.map((d) => ({
      id: d.id,
      name: (versions.get(d.studyId) ?? 1) > 1 ? `${label.get(d.studyId) ?? 'Study'} (version ${d.version})` : (label.get(d.studyId) ?? 'Study'),
      text: d.text,
      createdBy: d.createdBy,
      createdAt: d.createdAt,
    })),
    selections: quoteRows.map((q) => ({
      id: q.id,
      sourceId: q.documentId,
      start: q.start,
      end: q.end,
      coderId: q.coderId,
      memo: q.memo,
      createdAt: q.createdAt,
      codings: (codingsByQuote.get(q.id) ?? []).map((c) => ({ id: c.id, codeId: c.codeId })),
    })),
  });
  return { fileName: `${fileSlug(project.title)}.qdpx`, contentType: 'application/zip', body };
}

