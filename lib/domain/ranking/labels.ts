/**
 * Training labels and the screened sequence of a project, from the derived
 * state of each record at title/abstract (lib/domain/screening).
 *
 * A record is labelled only once its screening is settled:
 *   included, resolved_included  -> 1 (a "maybe" counts as include, as in the state rules)
 *   excluded, resolved_excluded  -> 0
 *   awaiting, conflict           -> unlabelled (still ranked)
 * Why the settled state and not each vote as it comes: under dual screening
 * a label taken from the first reviewer's vote would move that record and
 * its look-alikes in the second reviewer's queue (and set the relevance
 * shown beside it), telling the second reviewer how the first voted; blind
 * screening forbids that. It also teaches the model the team's decision
 * rather than one person's. The cost: with two reviewers a record counts
 * only after both have voted (or a lead resolved the conflict).
 */
import type { RecordState } from '../screening/types';
import type { Label } from './types';

/** The training label of a record in `state`, or null while its screening is not settled. */
export function trainingLabel(state: RecordState): Label | null {
  switch (state) {
    case 'included':
    case 'resolved_included':
      return 1;
    case 'excluded':
    case 'resolved_excluded':
      return 0;
    case 'awaiting':
    case 'conflict':
      return null;
  }
}

/** A record's state and when its screening began (its first vote), as the server reads them. */
export type ScreenedRecord = { id: string; state: RecordState; firstVoteAt: Date | string | null };

/** Labels of the settled records, keyed by record id. */
export function trainingLabels(records: readonly Pick<ScreenedRecord, 'id' | 'state'>[]): Map<string, Label> {
  const labels = new Map<string, Label>();
  for (const record of records) {
    const label = trainingLabel(record.state);
    if (label !== null) labels.set(record.id, label);
  }
  return labels;
}

/**
 * The settled records' labels in the order they were screened, which is the
 * order they were drawn from the queue: by first vote, ties by id. (Dating a
 * record by its last vote would reorder it behind records drawn later.) A
 * settled record without votes (resolved without any) goes by its id among
 * those of the same, unknown, time: first.
 */
export function screenedSequence(records: readonly ScreenedRecord[]): Label[] {
  const settled: { label: Label; at: number; id: string }[] = [];
  for (const record of records) {
    const label = trainingLabel(record.state);
    if (label === null) continue;
    const at = record.firstVoteAt === null ? Number.NEGATIVE_INFINITY : new Date(record.firstVoteAt).getTime();
    settled.push({ label, at, id: record.id });
  }
  settled.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return settled.map((s) => s.label);
}
