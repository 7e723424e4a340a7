'use client';

import { useMemo, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';
import type { ActionResult, Cell, CodeView, FrameworkView, MappingView } from './types';

const cellKey = (c: Cell) => `${c.domainId}|${c.themeId ?? ''}|${c.levelId}`;

/** The codebook as an indented list, parents before children. */
function indented(codes: CodeView[]): { code: CodeView; depth: number }[] {
  const children = new Map<string | null, CodeView[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: { code: CodeView; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Map a code (and the codes under it) to cells: pick the code, tick the cells
 * (a theme at a level, or a domain as a whole), save.
 */
export function CodeMappingPanel({ framework, codes, mappings, save }: { framework: FrameworkView; codes: CodeView[]; mappings: MappingView[]; save: (input: { codeId: string; cells: Cell[] }) => Promise<ActionResult<{ cells: number }>> }) {
  const tree = useMemo(() => indented(codes), [codes]);
  const [codeId, setCodeId] = useState(tree[0]?.code.id ?? '');
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(mappings.filter((m) => m.codeId === codeId).map(cellKey)));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const choose = (id: string) => {
    setCodeId(id);
    setTicked(new Set(mappings.filter((m) => m.codeId === id).map(cellKey)));
    setMessage({});
  };
  if (!codes.length) return <p className="text-sm text-slate-600">The codebook is empty: codes made on the Coding page appear here to be mapped.</p>;
  const rows = framework.domains.flatMap((d) => [
    ...(d.themes.length ? [] : [{ domainId: d.id, themeId: null as string | null, label: d.label, domain: d.label }]),
    ...d.themes.map((t) => ({ domainId: d.id, themeId: t.id as string | null, label: t.label, domain: d.label })),
  ]);
  const selected = codes.find((c) => c.id === codeId);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const cells = [...ticked].map((k) => {
          const [domainId, themeId, levelId] = k.split('|');
          return { domainId, themeId: themeId || null, levelId };
        });
        startTransition(async () => {
          const result = await save({ codeId, cells });
          setMessage(result.ok ? { success: `"${selected?.name}" now sits in ${result.data.cells} ${result.data.cells === 1 ? 'cell' : 'cells'}.` } : { error: result.error });
        });
      }}
    >
      <div>
        <label className={labelClass} htmlFor="mapping-code">Code</label>
        <select id="mapping-code" className={inputClass} value={codeId} onChange={(e) => choose(e.target.value)}>
          {tree.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {code.name}
              {code.polarity ? ` (${code.polarity})` : ''}
              {mappings.some((m) => m.codeId === code.id) ? ' - mapped' : ''}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-600">Codes under the chosen code count in its cells too; polarity is inherited from the nearest code that has one.</p>
      </div>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Cells for the chosen code</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">Theme</th>
              {framework.levels.map((l) => (
                <th key={l.id} scope="col" className="px-2 py-1 text-center font-medium">{l.key}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.domainId}|${r.themeId}`} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 font-normal">
                  <span className="text-slate-500">{r.domain} / </span>
                  {r.label}
                </th>
                {framework.levels.map((l) => {
                  const key = cellKey({ domainId: r.domainId, themeId: r.themeId, levelId: l.id });
                  return (
                    <td key={l.id} className="px-2 py-1 text-center">
                      <input
                        type="checkbox"
                        aria-label={`${r.label} at ${l.label}`}
                        checked={ticked.has(key)}
                        onChange={(e) => {
                          const next = new Set(ticked);
                          if (e.target.checked) next.add(key);
                          else next.delete(key);
                          setTicked(next);
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage error={message.error} success={message.success} />
      <button type="submit" className={buttonClass} disabled={isPending || !codeId}>
        Save cells for this code
      </button>
    </form>
  );
}
