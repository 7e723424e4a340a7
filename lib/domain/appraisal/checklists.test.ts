import { describe, expect, it } from 'vitest';
import { agreedAnswers, appraisalDisagreements, isAppraisalComplete, JBI_QUALITATIVE, summariseAppraisal, summariseByQuestion, type AppraisalAnswers } from './checklists';

const q = JBI_QUALITATIVE.questions;
const all = (answer: 'yes' | 'no' | 'unclear' | 'not_applicable'): AppraisalAnswers => Object.fromEntries(q.map((x) => [x.key, { answer }]));

describe('[APPRAISAL] JBI checklist for qualitative research', () => {
  it('has its ten questions verbatim', () => {
    expect(q).toHaveLength(10);
    expect(q[0].text).toBe('Is there congruity between the stated philosophical perspective and the research methodology?');
    expect(q[5].text).toBe('Is there a statement locating the researcher culturally or theoretically?');
    expect(q[6].text).toBe('Is the influence of the researcher on the research, and vice- versa, addressed?');
    expect(q[9].text).toBe('Do the conclusions drawn in the research report flow from the analysis, or interpretation, of the data?');
    expect(new Set(q.map((x) => x.key)).size).toBe(10);
  });

  it('summarises a study: yes over applicable questions', () => {
    const answers: AppraisalAnswers = { ...all('yes'), q6: { answer: 'no' }, q7: { answer: 'unclear' }, q9: { answer: 'not_applicable' } };
    expect(summariseAppraisal(q, answers)).toMatchObject({ yes: 7, no: 1, unclear: 1, notApplicable: 1, unanswered: 0, applicable: 9, label: '7/9 yes' });
    expect(summariseAppraisal(q, {})).toMatchObject({ unanswered: 10, score: null, label: 'no applicable question answered' });
    expect(isAppraisalComplete(q, answers)).toBe(true);
    expect(isAppraisalComplete(q, { q1: { answer: 'yes' } })).toBe(false);
  });

  it('finds where two appraisers differ and what they agree on', () => {
    const a = { ...all('yes'), q6: { answer: 'no' as const } };
    const b = { ...all('yes'), q7: { answer: 'unclear' as const } };
    expect(appraisalDisagreements(q, a, b).map((d) => [d.key, d.a, d.b])).toEqual([
      ['q6', 'no', 'yes'],
      ['q7', 'yes', 'unclear'],
    ]);
    const agreed = agreedAnswers(q, [a, b]);
    expect(Object.keys(agreed)).toHaveLength(8);
    expect(agreed.q6).toBeUndefined();
  });

  it('summarises each question across studies', () => {
    const rows = summariseByQuestion(q, [all('yes'), { ...all('yes'), q6: { answer: 'no' } }, {}]);
    expect(rows[0]).toMatchObject({ yes: 2, no: 0, unanswered: 1 });
    expect(rows[5]).toMatchObject({ yes: 1, no: 1, unanswered: 1 });
  });
});
