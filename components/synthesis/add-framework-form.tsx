'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionResult } from './types';

type Preset = { key: string; name: string; source: string };

/**
 * Add a framework: one of the presets (copied into the project, then editable)
 * or a custom one typed as lines: levels one per line; domains as
 * "Domain: theme; theme".
 */
export function AddFrameworkForm({ presets, taken, add }: { presets: Preset[]; taken: string[]; add: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]> | undefined>();
  const [name, setName] = useState('');
  const [levels, setLevels] = useState('');
  const [domains, setDomains] = useState('');
  const [isPending, startTransition] = useTransition();
  const submit = (input: unknown) =>
    startTransition(async () => {
      const result = await add(input);
      setError(result.ok ? null : result.error);
      setFields(result.ok ? undefined : result.fieldErrors);
      if (result.ok) router.push(`?framework=${result.data.id}`);
    });
  return (
    <div className="space-y-4">
      <FormMessage error={error} />
      <ul className="space-y-2">
        {presets.map((p) => (
          <li key={p.key} className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-slate-200 p-3">
            <div className="max-w-2xl text-sm">
              <p className="font-medium">{p.name}</p>
              <p className="text-slate-600">{p.source}</p>
            </div>
            <button type="button" className={secondaryButtonClass} disabled={isPending || taken.includes(p.name)} onClick={() => submit({ presetKey: p.key })}>
              {taken.includes(p.name) ? 'Added' : 'Add preset'}
              <span className="sr-only"> {p.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Custom framework</summary>
        <form
          className="mt-3 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit({
              name,
              levels: levels.split('\n').map((l) => l.trim()).filter(Boolean),
              domains: domains
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
                .map((line) => {
                  const [label, themes = ''] = line.split(/:(.*)/s);
                  return { label: label.trim(), themes: themes.split(';').map((t) => t.trim()).filter(Boolean) };
                }),
            });
          }}
        >
          <div>
            <label className={labelClass} htmlFor="framework-name">Name</label>
            <input id="framework-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(fields?.name)} />
          </div>
          <div>
            <label className={labelClass} htmlFor="framework-levels">Levels (one per line)</label>
            <textarea id="framework-levels" rows={3} className={inputClass} value={levels} onChange={(e) => setLevels(e.target.value)} placeholder={'Individual\nOrganisation\nSystem'} />
          </div>
          <div>
            <label className={labelClass} htmlFor="framework-domains">Domains, one per line, themes after a colon separated by semicolons</label>
            <textarea id="framework-domains" rows={4} className={inputClass} value={domains} onChange={(e) => setDomains(e.target.value)} placeholder={'Access: Cost; Distance\nAcceptability: Trust'} />
          </div>
          <button type="submit" className={buttonClass} disabled={isPending}>
            Add custom framework
          </button>
        </form>
      </details>
    </div>
  );
}
