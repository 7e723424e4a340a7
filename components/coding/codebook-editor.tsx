'use client';

import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useMemo, useRef, useState, useTransition } from 'react';
import { childrenOf, flattenTree, keyboardTarget, type KeyboardMove } from '@/lib/domain/coding/code-tree';
import { CODE_KIND_LABELS, POLARITY_LABELS } from '@/lib/domain/coding/palette';
import type { CodeDto } from '@/lib/domain/coding/views';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { CodeSwatch } from './code-chip';
import { CodeDetails, NewCodeForm } from './code-forms';

type Codebook = { codes: CodeDto[] };
export type CodebookActions = {
  create: (input: unknown) => Promise<ActionResult<Codebook & { code: CodeDto }>>;
  update: (codeId: string, input: unknown) => Promise<ActionResult<Codebook>>;
  remove: (codeId: string) => Promise<ActionResult<Codebook>>;
  merge: (input: unknown) => Promise<ActionResult<Codebook & { moved: number; deduplicated: number }>>;
};

const KEY_MOVES: Record<string, KeyboardMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

/**
 * The codebook tree. Leads reshape it by dragging a code onto another (it
 * becomes a sub-code) or onto the gap above one (it moves there), or from the
 * keyboard: Alt+Up/Down reorder, Alt+Right indents under the code above,
 * Alt+Left outdents. Anyone who codes may add codes; leads edit and merge.
 */
export function CodebookEditor({ projectId, initial, canCreate, canManage, actions }: { projectId: string; initial: CodeDto[]; canCreate: boolean; canManage: boolean; actions: CodebookActions }) {
  const [codes, setCodes] = useState(initial);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const rows = useMemo(() => flattenTree(codes), [codes]);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  function run<T extends Codebook>(call: () => Promise<ActionResult<T>>, success: (data: T) => string, focusId?: string) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setMessage({ error: result.error });
        return;
      }
      setCodes(result.data.codes);
      setMessage({ success: success(result.data) });
      if (focusId) requestAnimationFrame(() => rowRefs.current.get(focusId)?.focus());
    });
  }

  function move(id: string, parentId: string | null, index: number) {
    const name = codes.find((c) => c.id === id)?.name ?? 'Code';
    const parent = parentId ? codes.find((c) => c.id === parentId)?.name : null;
    run(() => actions.update(id, { parentId, position: index }), () => `Moved "${name}" ${parent ? `under "${parent}"` : 'to the top level'}.`, id);
  }

  function onKeyDown(event: React.KeyboardEvent, code: CodeDto & { depth: number }, i: number) {
    if (event.altKey && KEY_MOVES[event.key] && canManage) {
      event.preventDefault();
      const target = keyboardTarget(codes, code.id, KEY_MOVES[event.key]);
      if (target) move(code.id, target.parentId, target.index);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = rows[i + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) rowRefs.current.get(next.id)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelectedId(code.id);
    }
  }

  function onDragEnd(event: DragEndEvent) {
    const id = String(event.active.id);
    const over = event.over?.id ? String(event.over.id) : null;
    if (!over) return;
    const [kind, targetId] = over.split(':');
    if (kind === 'root') {
      move(id, null, childrenOf(codes, null).length);
      return;
    }
    if (targetId === id) return;
    const target = codes.find((c) => c.id === targetId);
    if (!target) return;
    if (kind === 'into') {
      move(id, target.id, childrenOf(codes, target.id).filter((c) => c.id !== id).length);
    } else {
      const siblings = childrenOf(codes, target.parentId).filter((c) => c.id !== id);
      move(id, target.parentId, siblings.findIndex((c) => c.id === target.id));
    }
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-3">
        <FormMessage error={message.error} success={message.success} />
        {canManage ? (
          <p className="text-xs text-slate-600">
            Drag a code onto another to make it a sub-code, or onto the line above a code to move it there. From the keyboard: focus a code, then Alt+↑/↓ to reorder, Alt+→ to put it under the code above, Alt+← to move it out.
          </p>
        ) : null}
        {rows.length === 0 ? <p className="text-sm text-slate-600">No codes yet. Add the first one below, or create codes while you code.</p> : null}
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <ul role="tree" aria-label="Codebook" aria-busy={isPending} className="space-y-0.5">
            {rows.map((code, i) => (
              <TreeRow
                key={code.id}
                code={code}
                hasChildren={codes.some((c) => c.parentId === code.id)}
                isSelected={code.id === selectedId}
                canDrag={canManage}
                rowRef={(el) => {
                  if (el) rowRefs.current.set(code.id, el);
                  else rowRefs.current.delete(code.id);
                }}
                onSelect={() => setSelectedId(code.id)}
                onKeyDown={(e) => onKeyDown(e, code, i)}
              />
            ))}
          </ul>
          {canManage && rows.length ? <RootDrop /> : null}
        </DndContext>
        {canCreate ? <NewCodeForm rows={rows} disabled={isPending} onCreate={(input) => run(() => actions.create(input), (d) => `Added "${d.code.name}".`)} /> : null}
      </div>
      <section aria-label="Selected code" className="rounded-md border border-slate-200 bg-slate-50 p-3">
        {selected ? (
          <CodeDetails
            key={selected.id + selected.name + selected.parentId + selected.color}
            projectId={projectId}
            code={selected}
            codes={codes}
            rows={rows}
            canManage={canManage}
            disabled={isPending}
            onSave={(input) => run(() => actions.update(selected.id, input), () => `Saved "${selected.name}".`)}
            onDelete={() => {
              run(() => actions.remove(selected.id), () => `Deleted "${selected.name}".`);
              setSelectedId(null);
            }}
            onMerge={(targetId) => {
              const target = codes.find((c) => c.id === targetId);
              run(() => actions.merge({ sourceId: selected.id, targetId }), (d) => `Merged "${selected.name}" into "${target?.name}": ${d.moved} quote${d.moved === 1 ? '' : 's'} moved${d.deduplicated ? `, ${d.deduplicated} already there` : ''}.`);
              setSelectedId(targetId);
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">Select a code to see its details{canManage ? ', edit, move or merge it' : ''}.</p>
        )}
      </section>
    </div>
  );
}

function TreeRow({ code, hasChildren, isSelected, canDrag, rowRef, onSelect, onKeyDown }: {
  code: CodeDto & { depth: number };
  hasChildren: boolean;
  isSelected: boolean;
  canDrag: boolean;
  rowRef: (el: HTMLLIElement | null) => void;
  onSelect: () => void;
  onKeyDown: (e: React.KeyboardEvent) => void;
}) {
  const { setNodeRef: setDragRef, listeners, attributes, isDragging } = useDraggable({ id: code.id, disabled: !canDrag });
  const { setNodeRef: setIntoRef, isOver: isOverInto } = useDroppable({ id: `into:${code.id}`, disabled: !canDrag });
  const { setNodeRef: setBeforeRef, isOver: isOverBefore } = useDroppable({ id: `before:${code.id}`, disabled: !canDrag });
  const isTheme = code.kind !== 'code';
  return (
    <li
      ref={rowRef}
      role="treeitem"
      aria-level={code.depth + 1}
      aria-selected={isSelected}
      aria-expanded={hasChildren ? true : undefined}
      tabIndex={0}
      data-testid="code-row"
      data-code-name={code.name}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      className="outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      style={{ paddingLeft: `${code.depth * 1.25}rem`, opacity: isDragging ? 0.5 : 1 }}
    >
      <div ref={setBeforeRef} aria-hidden className={`h-1 rounded ${isOverBefore ? 'bg-brand-600' : ''}`} />
      <div
        ref={setIntoRef}
        className={`flex items-center gap-2 rounded px-2 py-1 text-sm ${isSelected ? 'bg-brand-100' : 'hover:bg-slate-100'} ${isOverInto ? 'ring-2 ring-brand-600' : ''}`}
      >
        {canDrag ? (
          <span ref={setDragRef} {...listeners} {...attributes} tabIndex={-1} role="presentation" aria-hidden className="cursor-grab select-none text-slate-400" title="Drag to move">
            ⠿
          </span>
        ) : null}
        <CodeSwatch color={code.color} />
        <span className={isTheme ? 'font-semibold' : ''}>{code.name}</span>
        {isTheme ? <span className="rounded bg-slate-200 px-1.5 text-xs text-slate-700">{CODE_KIND_LABELS[code.kind]}</span> : null}
        {code.polarity ? <span className="text-xs text-slate-600">{POLARITY_LABELS[code.polarity]}</span> : null}
        <span className="ml-auto text-xs tabular-nums text-slate-500" aria-label={`${code.quoteCount} quotes`}>
          {code.quoteCount}
        </span>
      </div>
    </li>
  );
}

function RootDrop() {
  const { setNodeRef, isOver } = useDroppable({ id: 'root:' });
  return (
    <div ref={setNodeRef} className={`rounded border border-dashed px-2 py-1 text-xs text-slate-500 ${isOver ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}>
      Drop here to move a code to the top level
    </div>
  );
}
