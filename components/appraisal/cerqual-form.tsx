'use client';

import { useMemo, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';
import {
  CERQUAL_COMPONENTS,
  CERQUAL_CONCERN_LABELS,
  CERQUAL_CONCERNS,
  CERQUAL_LEVEL_LABELS,
  CERQUAL_LEVELS,
  cerqualWarnings,
  suggestedCerqualLevel,
  type CerqualComponents,
  type CerqualLevel,
} from '@/lib/domain/synthesis/cerqual';
import type { ActionResult } from '@/lib/validation/action-result';

export type FindingOption = { kind: 'theme' | 'statement'; id: string; label: string; studyIds: string[] };
export type CerqualInitial = {
  id?: string;
  themeId: string | null;
  cellStatementId: string | null;
  finding: string;
  studyIds: string[];
  components: CerqualComponents;
  overall: CerqualLevel;
  overallExplanation: string;
};

const EMPTY: CerqualComponents = {
  methodological_limitations: { concern: 'no_or_very_minor', explanation: '' },
  coherence: { concern: 'no_or_very_minor', explanation: '' },
  adequacy: { concern: 'no_or_very_minor', explanation: '' },
  relevance: { concern: 'no_or_very_minor', explanation: '' },
};

/** A GRADE-CERQual assessment of one finding: the four components, each concern explained, and the overall confidence. */
export function CerqualForm({ findings, studies, initial, save }: { findings: FindingOption[]; studies: { id: string; label: string }[]; initial?: CerqualInitial; save: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const [link, setLink] = useState(initial?.themeId ? `theme:${initial.themeId}` : initial?.cellStatementId ? `statement:${initial.cellStatementId}` : '');
  const [finding, setFinding] = useState(initial?.finding ?? '');
  const [studyIds, setStudyIds] = useState<string[]>(initial?.studyIds ?? []);
  const [components, setComponents] = useState<CerqualComponents>(initial?.components ?? EMPTY);
  const [overall, setOverall] = useState<CerqualLevel>(initial?.overall ?? 'high');
  const [overallExplanation, setOverallExplanation] = useState(initial?.overallExplanation ?? '');
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const suggested = suggestedCerqualLevel(components);
  const warnings = useMemo(() => cerqualWarnings({ finding, studies: studyIds, components, overall, overallExplanation }), [finding, studyIds, components, overall, overallExplanation]);
  const prefix = initial?.id ?? 'new';
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const [kind, id] = link.split(':');
        startTransition(async () => {
          const result = await save({
            ...(initial?.id ? { id: initial.id } : {}),
            themeId: kind === 'theme' ? id : null,
            cellStatementId: kind === 'statement' ? id : null,
            finding,
            studyIds,
            components,
            overall,
            overallExplanation,
          });
          setMessage(result.ok ? { success: 'Assessment saved.' } : { error: result.error });
        });
      }}
    >
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label className={labelClass} htmlFor={`${prefix}-link`}>The finding is</label>
          <select
            id={`${prefix}-link`}
            className={inputClass}
            value={link}
            onChange={(e) => {
              setLink(e.target.value);
              const chosen = findings.find((f) => `${f.kind}:${f.id}` === e.target.value);
              if (chosen && !finding) setFinding(chosen.label.replace(/ \(n = .*$/, ''));
            }}
          >
            <option value="">A finding written here</option>
            {findings.map((f) => (
              <option key={`${f.kind}:${f.id}`} value={`${f.kind}:${f.id}`}>
                {f.kind === 'theme' ? 'Theme: ' : 'Cell statement: '}
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className={labelClass} htmlFor={`${prefix}-studies`}>Contributing studies (none chosen: the theme&apos;s or cell&apos;s studies)</label>
          <select id={`${prefix}-studies`} multiple size={4} className={inputClass} value={studyIds} onChange={(e) => setStudyIds([...e.target.selectedOptions].map((o) => o.value))}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-finding`}>Summary of the review finding</label>
        <textarea id={`${prefix}-finding`} rows={2} className={inputClass} value={finding} onChange={(e) => setFinding(e.target.value)} />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {CERQUAL_COMPONENTS.map((c) => (
          <fieldset key={c.key} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{c.label}</legend>
            <p className="text-xs text-slate-600">{c.question}</p>
            <label className="mt-2 block text-xs font-medium text-slate-700" htmlFor={`${prefix}-${c.key}-concern`}>Concerns</label>
            <select id={`${prefix}-${c.key}-concern`} className={inputClass} value={components[c.key].concern} onChange={(e) => setComponents({ ...components, [c.key]: { ...components[c.key], concern: e.target.value } })}>
              {CERQUAL_CONCERNS.map((k) => (
                <option key={k} value={k}>{CERQUAL_CONCERN_LABELS[k]}</option>
              ))}
            </select>
            <label className="mt-2 block text-xs font-medium text-slate-700" htmlFor={`${prefix}-${c.key}-explanation`}>Explanation</label>
            <textarea id={`${prefix}-${c.key}-explanation`} rows={2} className={inputClass} value={components[c.key].explanation} onChange={(e) => setComponents({ ...components, [c.key]: { ...components[c.key], explanation: e.target.value } })} />
          </fieldset>
        ))}
      </div>
      <div className="grid gap-3 md:grid-cols-[16rem_1fr]">
        <div>
          <label className={labelClass} htmlFor={`${prefix}-overall`}>Overall confidence</label>
          <select id={`${prefix}-overall`} className={inputClass} value={overall} onChange={(e) => setOverall(e.target.value as CerqualLevel)}>
            {CERQUAL_LEVELS.map((l) => (
              <option key={l} value={l}>{CERQUAL_LEVEL_LABELS[l]}</option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600">A usual starting point from these concerns: {CERQUAL_LEVEL_LABELS[suggested].toLowerCase()}. The judgement is yours.</p>
        </div>
        <div>
          <label className={labelClass} htmlFor={`${prefix}-overall-explanation`}>Explanation of the overall assessment</label>
          <textarea id={`${prefix}-overall-explanation`} rows={2} className={inputClass} value={overallExplanation} onChange={(e) => setOverallExplanation(e.target.value)} />
        </div>
      </div>
      {warnings.length ? (
        <ul className="list-disc space-y-0.5 rounded-md border border-amber-200 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900" aria-label="Before you save">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <FormMessage error={message.error} success={message.success} />
      <button type="submit" className={buttonClass} disabled={isPending}>
        {initial?.id ? 'Save changes' : 'Add assessment'}
      </button>
    </form>
  );
}
