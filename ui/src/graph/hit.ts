import type { Position } from "./layout";

/** A node that something can be dropped on: its centre and how far from it
 * a drop still counts, in map units. */
export type Spot = { id: string; x: number; y: number; radius: number };

/** How far past a node's edge a drop still lands on it, in map units: a
 * persona is small, and a hand is not that steady. */
export const DROP_SLACK = 6;

/**
 * The spot a drop at `at` lands on: the nearest whose radius (and
 * DROP_SLACK) reaches `at`, or null. O(spots), with no allocation, so that
 * it can follow the pointer over 20,000 personas.
 */
export function dropTarget(spots: readonly Spot[], at: Position): string | null {
  let best: string | null = null;
  let nearest = Number.POSITIVE_INFINITY;
  for (const s of spots) {
    const d = (s.x - at.x) ** 2 + (s.y - at.y) ** 2;
    const reach = s.radius + DROP_SLACK;
    if (d <= reach * reach && d < nearest) {
      nearest = d;
      best = s.id;
    }
  }
  return best;
}
