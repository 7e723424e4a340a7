/**
 * Every server action's expected outcome per caller, with valid arguments
 * for the test file's one project. Arguments that a call consumes (a code to
 * delete, a vote to withdraw, a pair to decide) are seeded afresh per call.
 */
import { and, desc, eq } from 'drizzle-orm';
import { duplicatePairs, extractionFormVersions, frameworks, references } from '@/db/schema';
import { seedCode, seedStudies as seedTextStudies } from '@/db/seed/coding-factories';
import { insertExtraction, insertFinalExtraction, seedExtractionForm, seedStudies, TEMPLATE_ANSWERS } from '@/db/seed/extraction-factories';
import { createUser } from '@/db/seed/factories';
import { includeAtTitleAbstract, insertVote, seedScreenableReferences } from '@/db/seed/screening-factories';
import { seedCodeCell, seedFramework, seedJbiChecklist, type SeededFramework } from '@/db/seed/synthesis-factories';
import { memberships } from '@/db/schema';
import { QUALITATIVE_STUDY_TEMPLATE, QUALITATIVE_TEMPLATE_NAME } from '@/lib/domain/extraction/template';
import type { Actor } from '@/lib/server/auth/actor';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { addExclusionReason } from '@/lib/server/reasons/add-exclusion-reason';
import { addMember } from '@/lib/server/members/add-member';
import { createProjectAction } from '@/app/projects/actions';
import { restoreReferenceAction } from '@/app/projects/[projectId]/references/actions';
import { addChecklistAction, saveAppraisalAction, saveCerqualAction } from '@/app/projects/[projectId]/appraisal/actions';
import { finaliseAction, publishFormAction, reopenAction, saveExtractionAction, updateExtractionSettingsAction } from '@/app/projects/[projectId]/extraction/actions';
import { fetchProgressAction, fetchQueueAction, notRetrievableAction, undoVoteAction, uploadFullTextAction, voteAction } from '@/app/projects/[projectId]/screening/actions';
import {
  addMemberAction,
  addReasonAction,
  cancelInvitationAction,
  changeRoleAction,
  deleteReasonAction,
  moveReasonAction,
  removeMemberAction,
  updateScreeningSettingsAction,
} from '@/app/projects/[projectId]/settings/actions';
import {
  addFrameworkAction,
  deleteFrameworkAction,
  editFrameworkAction,
  loadCellQuotesAction,
  saveCellStatementAction,
  setCodeCellsAction,
} from '@/app/projects/[projectId]/synthesis/actions';
import { resolveAction } from '@/app/projects/[projectId]/conflicts/actions';
import { decideDuplicateAction, loadPendingPairsAction, mergeAboveAction } from '@/app/projects/[projectId]/duplicates/actions';
import {
  applyCodingAction,
  assignDoubleCodingAction,
  compareDoubleCodingAction,
  createCodeAction,
  deleteCodeAction,
  deleteCodingAction,
  deleteQuoteAction,
  mergeCodesAction,
  saveReadingPositionAction,
  setDocumentTextAction,
  updateCodeAction,
  updateQuoteAction,
} from '@/app/projects/[projectId]/coding/actions';
import { signUpAction } from '@/app/sign-up/actions';
import { createTokenAction, revokeTokenAction } from '@/app/account/actions';
import { signInAction, signOutAction } from '@/app/sign-in/actions';
import { makePdf } from '../pdf';
import {
  anyAccount,
  entry,
  everyMember,
  leadsOnly,
  ownersOnly,
  publicAction,
  teamOnly,
  unique,
  writer,
  type ActionEntry,
  type Scene,
  type SceneUser,
} from './types';

const as = (user: SceneUser): Actor => ({ userId: user.id, via: 'session' });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

// ---------------------------------------------------------------- fixtures

const TEXT = 'Clinicians feared losing rapport over video. Patients valued flexible times.';

/** Set up once per file: the published extraction form, a framework with a mapped code, the JBI checklist, a study with a coded text. */
export type Fixtures = { framework: SeededFramework; checklistId: string; studyId: string; codeId: string };
let fixtures: Fixtures | null = null;

export async function seedFixtures(s: Scene): Promise<Fixtures> {
  await seedExtractionForm(s.db, s.projectId);
  const framework = await seedFramework(s.db, s.projectId);
  const checklistId = await seedJbiChecklist(s.db, s.projectId);
  const [studyId] = await seedTextStudies(s.db, s.projectId, [TEXT], { prefix: 'Fixture' });
  const codeId = await seedCode(s.db, s.projectId, { name: 'Loss of rapport', polarity: 'barrier' });
  await applyCoding(as(s.users.reviewer), s.projectId, { studyId, codeIds: [codeId], start: 0, end: 44 });
  const t = framework.themes['Relationships'];
  await seedCodeCell(s.db, s.projectId, framework.id, codeId, { domainId: t.domainId, themeId: t.id, levelId: framework.levels.micro });
  fixtures = { framework, checklistId, studyId, codeId };
  return fixtures;
}
const fx = (): Fixtures => {
  if (!fixtures) throw new Error('seedFixtures has not run');
  return fixtures;
};
const relationshipsMicro = () => {
  const { framework } = fx();
  const t = framework.themes['Relationships'];
  return { domainId: t.domainId, themeId: t.id, levelId: framework.levels.micro };
};

/** Another copy of the preset framework: the earlier copies are renamed first, as a project's framework names are unique. */
async function freshFramework(s: Scene): Promise<SeededFramework> {
  const preset = await s.db.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.projectId, s.projectId), eq(frameworks.presetKey, 'cochrane-furst')));
  for (const { id } of preset) await s.db.update(frameworks).set({ name: unique('Earlier copy') }).where(eq(frameworks.id, id));
  return seedFramework(s.db, s.projectId);
}

// Screening
async function oneRecord(s: Scene): Promise<string> {
  const [id] = await seedScreenableReferences(s.db, s.projectId, 1);
  return id;
}
async function fullTextRecord(s: Scene): Promise<string> {
  const id = await oneRecord(s);
  await includeAtTitleAbstract(s.db, s.projectId, id, s.users.lead.id);
  return id;
}
async function votedRecord(s: Scene, voter: SceneUser): Promise<string> {
  const id = await oneRecord(s);
  await insertVote(s.db, { projectId: s.projectId, referenceId: id, stage: 'title_abstract', reviewerId: voter.id, decision: 'include' });
  return id;
}

// Coding
async function studyAndCode(s: Scene): Promise<{ studyId: string; codeId: string }> {
  const [studyId] = await seedTextStudies(s.db, s.projectId, [TEXT]);
  const codeId = await seedCode(s.db, s.projectId, { name: unique('Code'), polarity: 'barrier' });
  return { studyId, codeId };
}
async function quoteBy(s: Scene, coder: SceneUser) {
  const { studyId, codeId } = await studyAndCode(s);
  return applyCoding(as(coder), s.projectId, { studyId, codeIds: [codeId], start: 0, end: 44 });
}

// Extraction
async function currentFormVersion(s: Scene): Promise<{ id: string; version: number }> {
  const [row] = await s.db
    .select({ id: extractionFormVersions.id, version: extractionFormVersions.version })
    .from(extractionFormVersions)
    .where(eq(extractionFormVersions.projectId, s.projectId))
    .orderBy(desc(extractionFormVersions.version))
    .limit(1);
  return row;
}
async function extractedStudy(s: Scene): Promise<{ studyId: string; versionId: string; version: number }> {
  const { id: versionId, version } = await currentFormVersion(s);
  const [studyId] = await seedStudies(s.db, s.projectId, 1);
  await insertExtraction(s.db, { projectId: s.projectId, studyId, extractorId: s.users.otherReviewer.id, formVersionId: versionId, values: TEMPLATE_ANSWERS });
  return { studyId, versionId, version };
}

// Members and reasons
async function freshMember(s: Scene): Promise<string> {
  const user = await createUser(s.db);
  await s.db.insert(memberships).values({ projectId: s.projectId, userId: user.id, role: 'reviewer' });
  return user.id;
}
async function freshReason(s: Scene): Promise<string> {
  return (await addExclusionReason(as(s.users.owner), s.projectId, { label: unique('Reason') })).id;
}

// Duplicates
async function pendingPair(s: Scene): Promise<string> {
  const [a, b] = await seedScreenableReferences(s.db, s.projectId, 2);
  const [row] = await s.db
    .insert(duplicatePairs)
    .values({ projectId: s.projectId, referenceAId: a, referenceBId: b, score: 0.6, reasons: ['title'] })
    .returning({ id: duplicatePairs.id });
  return row.id;
}
async function removedDuplicate(s: Scene): Promise<string> {
  const [kept, removed] = await seedScreenableReferences(s.db, s.projectId, 2);
  await s.db.insert(duplicatePairs).values({ projectId: s.projectId, referenceAId: kept, referenceBId: removed, score: 0.95, status: 'merged' });
  await s.db.update(references).set({ duplicateOfId: kept }).where(and(eq(references.id, removed), eq(references.projectId, s.projectId)));
  return removed;
}

const yes = { answer: 'yes' };

// ---------------------------------------------------------------- the table

export const ACTION_MATRIX: ActionEntry[] = [
  // app/projects/actions.ts: any signed-in person may create a project; success redirects to it.
  entry(createProjectAction)(anyAccount('redirect'), () => [null, form({ title: unique('Matrix review') })]),

  // app/projects/[projectId]/references/actions.ts
  entry(restoreReferenceAction)(leadsOnly(), async (c) => [c.projectId, await removedDuplicate(c)]),

  // app/projects/[projectId]/appraisal/actions.ts
  entry(addChecklistAction)(leadsOnly(), (c) => [c.projectId, { name: unique('CASP'), questions: ['Was there a clear statement of the aims?'] }]),
  entry(saveAppraisalAction)(teamOnly(), async (c) => {
    const [studyId] = await seedStudies(c.db, c.projectId, 1);
    return [c.projectId, studyId, fx().checklistId, 'independent', { answers: { q1: yes, q2: yes } }];
  }, 'independent'),
  entry(saveAppraisalAction)(leadsOnly(), async (c) => {
    const [studyId] = await seedStudies(c.db, c.projectId, 1);
    return [c.projectId, studyId, fx().checklistId, 'consensus', { answers: { q1: yes }, verdict: 'include' }];
  }, 'consensus'),
  entry(saveCerqualAction)(leadsOnly(), async (c) => {
    const framework = await freshFramework(c);
    return [
      c.projectId,
      {
        themeId: framework.themes['Relationships'].id,
        finding: 'Video weakens rapport for some clinicians.',
        components: {
          methodological_limitations: { concern: 'minor', explanation: 'One study lacked reflexivity.' },
          coherence: { concern: 'no_or_very_minor' },
          adequacy: { concern: 'moderate', explanation: 'One study.' },
          relevance: { concern: 'no_or_very_minor' },
        },
        overall: 'moderate',
        overallExplanation: 'Downgraded for adequacy.',
      },
    ];
  }),

  // app/projects/[projectId]/extraction/actions.ts
  entry(publishFormAction)(leadsOnly(), (c) => [c.projectId, { name: QUALITATIVE_TEMPLATE_NAME, fields: QUALITATIVE_STUDY_TEMPLATE }]),
  entry(saveExtractionAction)(teamOnly(), async (c) => {
    const { version } = await currentFormVersion(c);
    const [studyId] = await seedStudies(c.db, c.projectId, 1);
    return [c.projectId, studyId, { formVersion: version, values: TEMPLATE_ANSWERS, complete: true }];
  }),
  entry(finaliseAction)(leadsOnly(), async (c) => {
    const { studyId, version } = await extractedStudy(c);
    return [c.projectId, studyId, { formVersion: version, values: TEMPLATE_ANSWERS }];
  }),
  entry(reopenAction)(leadsOnly(), async (c) => {
    const { studyId, versionId } = await extractedStudy(c);
    await insertFinalExtraction(c.db, { projectId: c.projectId, studyId, formVersionId: versionId, values: TEMPLATE_ANSWERS });
    return [c.projectId, studyId];
  }),
  entry(updateExtractionSettingsAction)(leadsOnly(), (c) => [c.projectId, { extractorsPerStudy: 2 }]),

  // app/projects/[projectId]/screening/actions.ts
  entry(voteAction)(teamOnly(), async (c) => [c.projectId, { referenceId: await oneRecord(c), stage: 'title_abstract', decision: 'include', note: 'fits' }]),
  entry(undoVoteAction)(teamOnly(), async (c) => [c.projectId, { referenceId: await votedRecord(c, writer(c)), stage: 'title_abstract' }]),
  entry(fetchQueueAction)(teamOnly(), async (c) => {
    await oneRecord(c);
    return [c.projectId, 'title_abstract', []];
  }),
  entry(fetchProgressAction)(everyMember(), (c) => [c.projectId, 'title_abstract']),
  entry(uploadFullTextAction)(teamOnly(), async (c) => {
    const data = new FormData();
    data.set('file', new File([new Uint8Array(makePdf('Results: participants valued the app.'))], 'report.pdf', { type: 'application/pdf' }));
    return [c.projectId, await fullTextRecord(c), data];
  }),
  entry(notRetrievableAction)(teamOnly(), async (c) => [c.projectId, await fullTextRecord(c), true]),

  // app/projects/[projectId]/settings/actions.ts
  entry(addMemberAction)(ownersOnly(), (c) => [c.projectId, null, form({ email: `${unique('invitee').replace(' ', '-')}@example.test`, role: 'viewer' })]),
  entry(changeRoleAction)(ownersOnly(), async (c) => [c.projectId, await freshMember(c), 'lead']),
  entry(removeMemberAction)(ownersOnly(), async (c) => [c.projectId, await freshMember(c)]),
  entry(cancelInvitationAction)(ownersOnly(), async (c) => {
    const added = await addMember(as(c.users.owner), c.projectId, { email: `${unique('pending').replace(' ', '-')}@example.test`, role: 'reviewer' });
    if (added.kind !== 'invitation') throw new Error('expected an invitation');
    return [c.projectId, added.invitation.id];
  }),
  entry(updateScreeningSettingsAction)(leadsOnly(), (c) => [
    c.projectId,
    null,
    form({ titleAbstractReviewers: '2', fullTextReviewers: '2', blindScreening: 'on', includeTerms: '', excludeTerms: '', criteria: '' }),
  ]),
  entry(addReasonAction)(leadsOnly(), (c) => [c.projectId, unique('Reason')]),
  entry(moveReasonAction)(leadsOnly(), async (c) => [c.projectId, await freshReason(c), 'up']),
  entry(deleteReasonAction)(leadsOnly(), async (c) => [c.projectId, await freshReason(c)]),

  // app/projects/[projectId]/synthesis/actions.ts
  entry(addFrameworkAction)(leadsOnly(), (c) => [c.projectId, { name: unique('Framework'), levels: ['Micro'], domains: [{ label: 'People', themes: ['Trust'] }] }]),
  entry(editFrameworkAction)(leadsOnly(), (c) => [c.projectId, fx().framework.id, { op: 'add-theme', domainId: fx().framework.domains.professional, label: unique('Stigma') }]),
  entry(deleteFrameworkAction)(leadsOnly(), async (c) => [c.projectId, (await freshFramework(c)).id]),
  entry(setCodeCellsAction)(leadsOnly(), async (c) => [c.projectId, fx().framework.id, { codeId: (await studyAndCode(c)).codeId, cells: [relationshipsMicro()] }]),
  entry(saveCellStatementAction)(leadsOnly(), (c) => [
    c.projectId,
    fx().framework.id,
    { ...relationshipsMicro(), summary: 'Rapport is harder online.', recommendation: 'Train clinicians in video rapport.' },
  ]),
  entry(loadCellQuotesAction)(everyMember(), (c) => [c.projectId, fx().framework.id, relationshipsMicro()]),

  // app/projects/[projectId]/conflicts/actions.ts
  entry(resolveAction)(leadsOnly(), async (c) => [
    c.projectId,
    { referenceId: await fullTextRecord(c), stage: 'full_text', decision: 'exclude', reason: 'Wrong population', note: 'agreed' },
  ]),

  // app/projects/[projectId]/duplicates/actions.ts
  entry(decideDuplicateAction)(leadsOnly(), async (c) => [c.projectId, await pendingPair(c), 'not_duplicate']),
  entry(mergeAboveAction)(leadsOnly(), (c) => [c.projectId, 0.99]),
  entry(loadPendingPairsAction)(everyMember(), (c) => [c.projectId, []]),

  // app/projects/[projectId]/coding/actions.ts
  entry(createCodeAction)(teamOnly(), (c) => [c.projectId, { name: unique('Cost'), polarity: 'barrier' }]),
  entry(updateCodeAction)(leadsOnly(), async (c) => [c.projectId, (await studyAndCode(c)).codeId, { name: unique('Renamed'), color: '#009e73' }]),
  entry(deleteCodeAction)(leadsOnly(), async (c) => [c.projectId, await seedCode(c.db, c.projectId, { name: unique('Unused') })]),
  entry(mergeCodesAction)(leadsOnly(), async (c) => [
    c.projectId,
    { sourceId: await seedCode(c.db, c.projectId, { name: unique('Source') }), targetId: await seedCode(c.db, c.projectId, { name: unique('Target') }) },
  ]),
  entry(applyCodingAction)(teamOnly(), async (c) => {
    const { studyId, codeId } = await studyAndCode(c);
    return [c.projectId, { studyId, codeIds: [codeId], start: 45, end: 76, memo: 'Flexibility helped.' }];
  }),
  // A quote may be changed by its coder only: each team caller edits their own.
  entry(updateQuoteAction)(teamOnly(), async (c) => [c.projectId, (await quoteBy(c, writer(c))).id, { memo: 'Clearer memo.' }]),
  // The reviewer's coding: the reviewer removes it as its coder, owner and lead as leads.
  entry(deleteCodingAction)(teamOnly(), async (c) => [c.projectId, (await quoteBy(c, c.users.reviewer)).codings[0].id]),
  entry(deleteQuoteAction)(teamOnly(), async (c) => [c.projectId, (await quoteBy(c, c.users.reviewer)).id]),
  entry(setDocumentTextAction)(teamOnly(), async (c) => [c.projectId, (await studyAndCode(c)).studyId, { source: 'paste', text: 'A pasted full text.\nSecond line.' }]),
  entry(saveReadingPositionAction)(everyMember(), (c) => [c.projectId, fx().studyId, 3]),
  entry(assignDoubleCodingAction)(leadsOnly(), async (c) => [
    c.projectId,
    { mode: 'studies', studyIds: [(await studyAndCode(c)).studyId], firstCoderId: c.users.reviewer.id, secondCoderId: c.users.otherReviewer.id },
  ]),
  entry(compareDoubleCodingAction)(leadsOnly(), async (c) => {
    const { studyId } = await studyAndCode(c);
    await assignDoubleCoding(as(c.users.owner), c.projectId, { mode: 'studies', studyIds: [studyId], firstCoderId: c.users.reviewer.id, secondCoderId: c.users.otherReviewer.id });
    return [c.projectId, studyId];
  }),

  // app/account/actions.ts: the caller's own API tokens, no project involved.
  entry(createTokenAction)(anyAccount(), () => [null, form({ name: unique('cli') })]),
  // Each caller revokes a token of their own (the anonymous call names the reviewer's).
  entry(revokeTokenAction)(anyAccount(), async (c) => [(await createApiToken(as(c.me ?? c.users.reviewer), { name: unique('old') })).id]),

  // Someone else's token (the owner's) is not found for anyone but the owner.
  entry(revokeTokenAction)(
    { owner: 'ok', lead: 'NOT_FOUND', reviewer: 'NOT_FOUND', viewer: 'NOT_FOUND', 'non-member': 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
    async (c) => [(await createApiToken(as(c.users.owner), { name: unique('owned') })).id],
    "the owner's token",
  ),

  // Public: they run before anyone is signed in, and never call getSessionActor.
  publicAction(signInAction, 'Signing in is for people without a session; rate limiting is covered by tests/integration/accounts.test.ts.'),
  publicAction(signUpAction, 'Creating an account is open to anyone (see tests/integration/accounts.test.ts).'),
  publicAction(signOutAction, 'Signing out acts on the caller\'s own cookie only; without a session it does nothing.'),
];
