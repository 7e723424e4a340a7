/**
 * Helpers of the screening progress page and of the rank job: a recall curve
 * thinned for drawing, and when a stopping estimate is worth recomputing.
 */
import type { RecallPoint } from './metrics';

/**
 * At most `maxPoints` points of a recall curve, evenly spaced in records
 * screened, always with the first and the last. A chart of 10,000 points
 * draws slowly and shows nothing more than one of 400.
 */
export function thinRecallCurve(points: readonly RecallPoint[], maxPoints = 400): RecallPoint[] {
  if (maxPoints < 2) throw new Error('A curve needs at least two points');
  if (points.length <= maxPoints) return points.slice();
  const out: RecallPoint[] = [];
  const step = (points.length - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) out.push(points[Math.round(k * step)]);
  return out;
}

/**
 * Whether to recompute the stopping estimate, which costs about as much as
 * retraining once thousands of records are screened: when there is none yet,
 * or when the settled records grew (or shrank) by at least 1% since, and by
 * at least one record.
 */
export function isEstimateStale(estimatedAt: number | null, screenedNow: number): boolean {
  if (estimatedAt === null) return true;
  return Math.abs(screenedNow - estimatedAt) >= Math.max(1, Math.ceil(screenedNow / 100));
}
