import type { MapView } from "../ipc";
import { clusterId } from "./elements";
import { NO_SEGMENT } from "./layout";

/**
 * What the map brings forward: the user's focus (a finding, a selection)
 * when there is one, else the personas the search matches; nothing when
 * neither. The focus wins because it is the more recent choice: a new
 * search clears it (see `app/spotlight.ts`).
 */
export function highlighted(focus: readonly string[], matches: readonly string[] | null) {
  return focus.length > 0 ? focus : (matches ?? []);
}

/** How the highlight is drawn: the boxes to open first, or the ids drawn
 * forward. */
export type HighlightPlan = { open: string[]; chosen: string[] };

/**
 * In the overview a persona inside a closed box is stood for by its bubble.
 * What the user chose to look at opens the boxes it is in (the map draws
 * again, and the plan is made anew); what the search matches is shown by
 * its bubbles, so that typing never opens boxes. O(nodes).
 */
export function highlightPlan(
  map: MapView,
  open: ReadonlySet<string> | null,
  focus: readonly string[],
  matches: readonly string[] | null,
): HighlightPlan {
  const boxOf = new Map<string, string>();
  if (open !== null) {
    for (const n of map.nodes) {
      const box = n.parent ?? NO_SEGMENT;
      if (n.kind === "persona" && !open.has(box)) boxOf.set(n.id, box);
    }
  }
  const closed = new Set<string>();
  for (const id of focus) {
    const box = boxOf.get(id);
    if (box !== undefined) closed.add(box);
  }
  if (closed.size > 0) return { open: [...closed], chosen: [] };
  const chosen = new Set<string>();
  for (const id of highlighted(focus, matches)) {
    const box = boxOf.get(id);
    chosen.add(box === undefined ? id : clusterId(box));
  }
  return { open: [], chosen: [...chosen] };
}
