/**
 * Critical appraisal: checklists, answers, and summaries per study and overall.
 */
export type ChecklistQuestion = { key: string; text: string };
export type AppraisalChecklistPreset = { key: string; name: string; source: string; questions: ChecklistQuestion[] };

/**
 * The JBI Critical Appraisal Checklist for Qualitative Research, its ten
 * questions verbatim.
 */
export const JBI_QUALITATIVE: AppraisalChecklistPreset = {
  key: 'jbi-qualitative',
  name: 'JBI Critical Appraisal Checklist for Qualitative Research',
  source:
    'Lockwood C, Munn Z, Porritt K. Qualitative research synthesis: methodological guidance for systematic reviewers utilizing meta-aggregation. Int J Evid Based Healthc. 2015;13(3):179-187. JBI Critical Appraisal Checklist for Qualitative Research (JBI, 2017/2020).',
  questions: [
    { key: 'q1', text: 'Is there congruity between the stated philosophical perspective and the research methodology?' },
    { key: 'q2', text: 'Is there congruity between the research methodology and the research question or objectives?' },
    { key: 'q3', text: 'Is there congruity between the research methodology and the methods used to collect data?' },
    { key: 'q4', text: 'Is there congruity between the research methodology and the representation and analysis of data?' },
    { key: 'q5', text: 'Is there congruity between the research methodology and the interpretation of results?' },
    { key: 'q6', text: 'Is there a statement locating the researcher culturally or theoretically?' },
    { key: 'q7', text: 'Is the influence of the researcher on the research, and vice- versa, addressed?' },
    { key: 'q8', text: 'Are participants, and their voices, adequately represented?' },
    {
      key: 'q9',
      text: 'Is the research ethical according to current criteria or, for recent studies, and is there evidence of ethical approval by an appropriate body?',
    },
    { key: 'q10', text: 'Do the conclusions drawn in the research report flow from the analysis, or interpretation, of the data?' },
  ],
};

export const APPRAISAL_PRESETS: readonly AppraisalChecklistPreset[] = [JBI_QUALITATIVE];

export const APPRAISAL_ANSWERS = ['yes', 'no', 'unclear', 'not_applicable'] as const;
export type AppraisalAnswer = (typeof APPRAISAL_ANSWERS)[number];
export const APPRAISAL_ANSWER_LABELS: Record<AppraisalAnswer, string> = { yes: 'Yes', no: 'No', unclear: 'Unclear', not_applicable: 'Not applicable' };

export const APPRAISAL_VERDICTS = ['include', 'exclude', 'seek_further_info'] as const;
export type AppraisalVerdict = (typeof APPRAISAL_VERDICTS)[number];
export const APPRAISAL_VERDICT_LABELS: Record<AppraisalVerdict, string> = {
  include: 'Include',
  exclude: 'Exclude',
  seek_further_info: 'Seek further info',
};

export type AppraisalAnswers = Record<string, { answer: AppraisalAnswer; comment?: string }>;

export type AppraisalSummary = {
  yes: number;
  no: number;
  unclear: number;
  notApplicable: number;
  unanswered: number;
  /** Questions that apply (answered, and not "not applicable"). */
  applicable: number;
  /** yes / applicable, or null when nothing applies. */
  score: number | null;
  /** "7/9 yes": the way JBI reviews usually report a study. */
  label: string;
};

/** Counts of each answer for one appraisal of one study. */
export function summariseAppraisal(questions: readonly ChecklistQuestion[], answers: AppraisalAnswers): AppraisalSummary {
  const counts = { yes: 0, no: 0, unclear: 0, notApplicable: 0, unanswered: 0 };
  for (const q of questions) {
    const a = answers[q.key]?.answer;
    if (a === 'yes') counts.yes++;
    else if (a === 'no') counts.no++;
    else if (a === 'unclear') counts.unclear++;
    else if (a === 'not_applicable') counts.notApplicable++;
    else counts.unanswered++;
  }
  const applicable = counts.yes + counts.no + counts.unclear;
  return {
    ...counts,
    applicable,
    score: applicable ? counts.yes / applicable : null,
    label: applicable ? `${counts.yes}/${applicable} yes` : 'no applicable question answered',
  };
}

export function isAppraisalComplete(questions: readonly ChecklistQuestion[], answers: AppraisalAnswers): boolean {
  return questions.every((q) => answers[q.key]?.answer !== undefined);
}

/** Where two independent appraisals of one study differ: the questions the consensus must settle. */
export function appraisalDisagreements(
  questions: readonly ChecklistQuestion[],
  a: AppraisalAnswers,
  b: AppraisalAnswers,
): { key: string; text: string; a: AppraisalAnswer | null; b: AppraisalAnswer | null }[] {
  return questions
    .map((q) => ({ key: q.key, text: q.text, a: a[q.key]?.answer ?? null, b: b[q.key]?.answer ?? null }))
    .filter((d) => d.a !== d.b);
}

/** Answers both appraisers gave alike, as a starting point for the consensus. */
export function agreedAnswers(questions: readonly ChecklistQuestion[], appraisals: readonly AppraisalAnswers[]): AppraisalAnswers {
  const out: AppraisalAnswers = {};
  if (appraisals.length === 0) return out;
  for (const q of questions) {
    const values = appraisals.map((a) => a[q.key]?.answer);
    if (values[0] !== undefined && values.every((v) => v === values[0])) out[q.key] = { answer: values[0] };
  }
  return out;
}

export type QuestionSummary = { key: string; text: string } & Record<AppraisalAnswer, number> & { unanswered: number };

/** Across studies: how many studies answered each question yes, no, unclear or not applicable (the review's summary chart). */
export function summariseByQuestion(questions: readonly ChecklistQuestion[], perStudy: readonly AppraisalAnswers[]): QuestionSummary[] {
  return questions.map((q) => {
    const row: QuestionSummary = { key: q.key, text: q.text, yes: 0, no: 0, unclear: 0, not_applicable: 0, unanswered: 0 };
    for (const answers of perStudy) {
      const a = answers[q.key]?.answer;
      if (a) row[a]++;
      else row.unanswered++;
    }
    return row;
  });
}
