'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionResult, FrameworkView } from './types';

type Edit = Record<string, string> & { op: string };

/** A lead's editor of one framework: add, rename and delete domains, themes and levels; delete the framework. */
export function FrameworkStructureEditor({ framework, edit, remove }: { framework: FrameworkView; edit: (e: Edit) => Promise<ActionResult>; remove: () => Promise<ActionResult> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult>, after?: () => void) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : result.error);
      if (result.ok) after?.();
    });
  return (
    <div className="space-y-4 text-sm">
      <FormMessage error={error} />
      <div>
        <h3 className="font-medium">Levels (columns)</h3>
        <ul className="mt-1 space-y-1">
          {framework.levels.map((l) => (
            <ItemRow key={l.id} label={l.label} isPending={isPending} onRename={(label) => run(() => edit({ op: 'rename-level', levelId: l.id, label }))} onDelete={() => run(() => edit({ op: 'delete-level', levelId: l.id }))} />
          ))}
        </ul>
        <AddInline label="Add a level" isPending={isPending} onAdd={(label, done) => run(() => edit({ op: 'add-level', label }), done)} />
      </div>
      <div>
        <h3 className="font-medium">Domains and their themes (rows)</h3>
        <ul className="mt-1 space-y-3">
          {framework.domains.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 p-2">
              <ItemRow label={d.label} isPending={isPending} onRename={(label) => run(() => edit({ op: 'rename-domain', domainId: d.id, label }))} onDelete={() => run(() => edit({ op: 'delete-domain', domainId: d.id }))} strong />
              <ul className="ml-4 mt-1 space-y-1">
                {d.themes.map((t) => (
                  <ItemRow key={t.id} label={t.label} isPending={isPending} onRename={(label) => run(() => edit({ op: 'rename-theme', themeId: t.id, label }))} onDelete={() => run(() => edit({ op: 'delete-theme', themeId: t.id }))} />
                ))}
              </ul>
              <div className="ml-4">
                <AddInline label={`Add a theme to ${d.label}`} isPending={isPending} onAdd={(label, done) => run(() => edit({ op: 'add-theme', domainId: d.id, label }), done)} />
              </div>
            </li>
          ))}
        </ul>
        <AddInline label="Add a domain" isPending={isPending} onAdd={(label, done) => run(() => edit({ op: 'add-domain', label }), done)} />
      </div>
      <button
        type="button"
        className={dangerButtonClass}
        disabled={isPending}
        onClick={() => {
          if (window.confirm(`Delete "${framework.name}" with its code mappings and statements? Codes and quotes stay.`)) run(remove, () => router.push('?'));
        }}
      >
        Delete this framework
      </button>
    </div>
  );
}

function ItemRow({ label, isPending, onRename, onDelete, strong }: { label: string; isPending: boolean; onRename: (label: string) => void; onDelete: () => void; strong?: boolean }) {
  const [isEditing, setIsEditing] = useState(false);
  const [value, setValue] = useState(label);
  if (isEditing) {
    return (
      <li className="flex gap-2">
        <form
          className="flex flex-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onRename(value);
            setIsEditing(false);
          }}
        >
          <label className="sr-only" htmlFor={`rename-${label}`}>New name for {label}</label>
          <input id={`rename-${label}`} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} />
          <button type="submit" className={secondaryButtonClass} disabled={isPending}>Save</button>
        </form>
      </li>
    );
  }
  return (
    <li className="flex items-center justify-between gap-2">
      <span className={strong ? 'font-medium' : ''}>{label}</span>
      <span className="flex gap-1">
        <button type="button" className={secondaryButtonClass} disabled={isPending} onClick={() => setIsEditing(true)}>
          Rename<span className="sr-only"> {label}</span>
        </button>
        <button type="button" className={dangerButtonClass} disabled={isPending} onClick={onDelete}>
          Delete<span className="sr-only"> {label}</span>
        </button>
      </span>
    </li>
  );
}

function AddInline({ label, isPending, onAdd }: { label: string; isPending: boolean; onAdd: (label: string, done: () => void) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="mt-1 flex gap-2"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(value, () => setValue(''));
      }}
    >
      <input aria-label={label} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} placeholder={label} />
      <button type="submit" className={secondaryButtonClass} disabled={isPending || !value.trim()}>
        Add
      </button>
    </form>
  );
}
