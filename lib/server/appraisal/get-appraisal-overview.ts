import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appraisalChecklists, appraisals, users } from '@/db/schema';
import { can, type Role } from '@/lib/domain/access/permissions';
import {
  appraisalDisagreements,
  summariseAppraisal,
  summariseByQuestion,
  type AppraisalAnswers,
  type AppraisalSummary,
  type AppraisalVerdict,
  type ChecklistQuestion,
  type QuestionSummary,
} from '@/lib/domain/appraisal/checklists';
import { groupBy } from '@/lib/domain/group-by';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadStudies } from '@/lib/server/synthesis/load-study-labels';
import { ZAppraisalQuery } from '@/lib/validation/synthesis';

export type AppraisalDto = {
  appraiserId: string;
  appraiserName: string;
  answers: AppraisalAnswers;
  verdict: AppraisalVerdict | null;
  comment: string;
  isComplete: boolean;
  summary: AppraisalSummary;
  updatedAt: string;
};

export type StudyAppraisalDto = {
  studyId: string;
  label: string;
  title: string;
  mine: AppraisalDto | null;
  /** Every independent appraisal: shown to leads and viewers; a reviewer sees only how many there are. */
  independent: AppraisalDto[] | null;
  independentCount: number;
  consensus: AppraisalDto | null;
  disagreements: { key: string; text: string; a: string | null; b: string | null }[] | null;
  /** A lead who has started but not completed their own appraisal of the study: no co-appraiser's answers, no consensus, until they do. */
  finishOwnFirst: boolean;
};

export type AppraisalOverview = {
  checklists: { id: string; name: string; source: string; presetKey: string | null; questions: ChecklistQuestion[] }[];
  checklistId: string | null;
  studies: StudyAppraisalDto[];
  /** Across studies with a consensus: each question's answers (the summary chart). */
  byQuestion: QuestionSummary[];
  role: Role;
  canAppraise: boolean;
  canFinalise: boolean;
  canManageChecklists: boolean;
};

/**
 * Appraisal of every included study on one checklist. Appraisals are
 * independent: a reviewer sees their own answers and the consensus, never a
 * co-appraiser's answers (leads and viewers see all, except that a lead who
 * has started their own appraisal of a study sees the others' only once it is
 * complete).
 */
export async function getAppraisalOverview(actor: Actor, projectId: string, query: unknown = {}): Promise<AppraisalOverview> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const { checklistId: wanted } = parseInput(ZAppraisalQuery, query);
  const checklists = await db
    .select({ id: appraisalChecklists.id, name: appraisalChecklists.name, source: appraisalChecklists.source, presetKey: appraisalChecklists.presetKey, questions: appraisalChecklists.questions })
    .from(appraisalChecklists)
    .where(eq(appraisalChecklists.projectId, projectId))
    .orderBy(asc(appraisalChecklists.createdAt));
  if (wanted && !checklists.some((c) => c.id === wanted)) throw new AppError('NOT_FOUND', 'Checklist not found.');
  const checklist = checklists.find((c) => c.id === wanted) ?? checklists[0] ?? null;
  const isLead = can(role, 'appraisal.finalise');
  const seesAll = isLead || !can(role, 'appraisal.edit');
  const base = { checklists, role, canAppraise: can(role, 'appraisal.edit'), canFinalise: can(role, 'appraisal.finalise'), canManageChecklists: can(role, 'appraisal.manage-checklists') };
  const studyRows = await loadStudies(db, projectId);
  if (!checklist) {
    return { ...base, checklistId: null, byQuestion: [], studies: studyRows.map((s) => ({ studyId: s.id, label: s.label, title: s.title, mine: null, independent: seesAll ? [] : null, independentCount: 0, consensus: null, disagreements: null, finishOwnFirst: false })) };
  }
  const rows = await db
    .select({ a: appraisals, appraiserName: users.name })
    .from(appraisals)
    .innerJoin(users, eq(users.id, appraisals.appraiserId))
    .where(and(eq(appraisals.projectId, projectId), eq(appraisals.checklistId, checklist.id)));
  const dto = (r: (typeof rows)[number]): AppraisalDto => ({
    appraiserId: r.a.appraiserId,
    appraiserName: r.appraiserName,
    answers: r.a.answers,
    verdict: r.a.verdict,
    comment: r.a.comment,
    isComplete: r.a.isComplete,
    summary: summariseAppraisal(checklist.questions, r.a.answers),
    updatedAt: r.a.updatedAt.toISOString(),
  });
  const byStudy = groupBy(rows, (r) => r.a.studyId);
  const studiesOut: StudyAppraisalDto[] = studyRows.map((s) => {
    const forStudy = byStudy.get(s.id) ?? [];
    const independent = forStudy.filter((r) => r.a.kind === 'independent').sort((x, y) => x.appraiserName.localeCompare(y.appraiserName));
    const consensus = forStudy.find((r) => r.a.kind === 'consensus');
    const mine = independent.find((r) => r.a.appraiserId === actor.userId);
    const [a, b] = independent;
    const finishOwnFirst = isLead && mine !== undefined && !mine.a.isComplete;
    const seesOthers = seesAll && !finishOwnFirst;
    return {
      studyId: s.id,
      label: s.label,
      title: s.title,
      mine: mine ? dto(mine) : null,
      independent: seesOthers ? independent.map(dto) : null,
      independentCount: independent.length,
      consensus: consensus ? dto(consensus) : null,
      disagreements: seesOthers && a && b ? appraisalDisagreements(checklist.questions, a.a.answers, b.a.answers) : null,
      finishOwnFirst,
    };
  });
  const consensusAnswers = studiesOut.flatMap((s) => (s.consensus ? [s.consensus.answers] : []));
  return { ...base, checklistId: checklist.id, studies: studiesOut, byQuestion: summariseByQuestion(checklist.questions, consensusAnswers) };
}
