import 'server-only';
import { can, type Role } from '@/lib/domain/access/permissions';

/**
 * Whether a member may see screening outcomes (how many records are included,
 * excluded or in conflict). While blind screening is on, a reviewer may not:
 * any such count, read before and after their own vote, tells them how their
 * co-reviewer voted. Leads resolve and viewers do not vote, so they may.
 */
export function canSeeScreeningOutcomes(role: Role, isBlind: boolean): boolean {
  return !isBlind || can(role, 'screening.read-all-votes') || !can(role, 'screening.vote');
}
