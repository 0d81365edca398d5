// The overview's bubbles as the user zooms: a bubble zoomed into opens, as
// a click on it would, so that zooming in on a large map shows what is in
// it rather than an ever larger disc.

import { bubbleCount } from "./elements";
import type { Position } from "./layout";
import type { Box } from "./viewport";

/** A closed bubble where it is drawn, in map units. */
export type Bubble = { id: string; x: number; y: number; radius: number };

/** A bubble under the pointer opens once it is this share of the view's
 * shorter side across: large enough that the user is zooming into it, not
 * past it on the way to another. */
export const OPEN_UNDER_POINTER = 0.5;
/** A bubble opens, wherever the pointer is, once it covers this share of
 * the view. */
export const OPEN_FILLING = 0.6;

/** How much of `view` the disc of `b` covers, from 0 to 1, sampled on a
 * grid of `n` × `n` points: close enough to tell "most" from "some". */
export function coverage(b: Bubble, view: Box, n = 12): number {
  const w = view.x2 - view.x1;
  const h = view.y2 - view.y1;
  if (!(w > 0 && h > 0)) return 0;
  let inside = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const x = view.x1 + ((i + 0.5) * w) / n;
      const y = view.y1 + ((j + 0.5) * h) / n;
      if ((x - b.x) ** 2 + (y - b.y) ** 2 <= b.radius ** 2) inside += 1;
    }
  }
  return inside / (n * n);
}

/**
 * The bubble a zoom in at `pointer` opens, seen through `view` (both in map
 * units): the one under the pointer once it is OPEN_UNDER_POINTER of the
 * view across, else the one covering most of the view once that is
 * OPEN_FILLING of it; null when none is. O(bubbles).
 */
export function bubbleToOpen(
  bubbles: readonly Bubble[],
  pointer: Position,
  view: Box,
): string | null {
  const side = Math.min(view.x2 - view.x1, view.y2 - view.y1);
  for (const b of bubbles) {
    const under = (pointer.x - b.x) ** 2 + (pointer.y - b.y) ** 2 <= b.radius ** 2;
    if (under && 2 * b.radius >= OPEN_UNDER_POINTER * side) return b.id;
  }
  let best: string | null = null;
  let most = OPEN_FILLING;
  for (const b of bubbles) {
    const share = coverage(b, view);
    if (share >= most) {
      most = share;
      best = b.id;
    }
  }
  return best;
}

/** What the overview holds: its personas (and how many of them the map's
 * filter keeps, null when nothing is filtered), and its boxes, how many of
 * them closed. */
export type Gathered = { personas: number; kept: number | null; boxes: number; closed: number };

/** The overview's note: what the bubbles stand for, and how to open one. */
export function overviewNote(g: Gathered): string {
  const boxes = `${g.boxes} ${g.boxes === 1 ? "market segment" : "market segments"}`;
  const then =
    g.closed > 0
      ? ": click a bubble, or zoom into it, to show its personas."
      : ", every one shown.";
  return `${bubbleCount(g.personas, g.kept)} in ${boxes}${then}`;
}
