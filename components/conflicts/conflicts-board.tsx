'use client';

import { useState } from 'react';
import type { Stage } from '@/lib/domain/screening';
import type { ActionResult } from '@/lib/validation/action-result';
import type { TConflictList } from '@/lib/validation/screening-api';
import { ConflictCard } from './conflict-card';

type Props = {
  stage: Stage;
  initial: TConflictList;
  reasons: { id: string; label: string }[];
  resolve: (input: unknown) => Promise<ActionResult<{ state: string }>>;
};

/** The conflict queue of a stage; a resolved record leaves the list and the count drops at once. */
export function ConflictsBoard({ stage, initial, reasons, resolve }: Props) {
  const [items, setItems] = useState(initial.items);
  const [total, setTotal] = useState(initial.total);
  const [resolvedCount, setResolvedCount] = useState(0);
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-slate-700">
        <span data-testid="conflict-count" className="font-semibold tabular-nums">
          {total}
        </span>{' '}
        {total === 1 ? 'conflict' : 'conflicts'} to resolve{resolvedCount > 0 ? `; ${resolvedCount} resolved just now` : ''}.
      </p>
      {items.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-8 text-center text-slate-700 shadow-sm">
          No conflicts at this stage. Records on which reviewers disagree appear here.
        </div>
      ) : (
        items.map((item) => (
          <ConflictCard
            key={item.record.id}
            item={item}
            stage={stage}
            reasons={reasons}
            resolve={resolve}
            onResolved={(id) => {
              setItems((list) => list.filter((i) => i.record.id !== id));
              setTotal((t) => t - 1);
              setResolvedCount((n) => n + 1);
            }}
          />
        ))
      )}
    </div>
  );
}
