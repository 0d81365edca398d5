import type { UnitFinding } from "../ipc";

/**
 * What the user chose to look at on the map: the ids a finding or a click
 * brought forward (everything else fades), and the buying unit whose card
 * is shown. The search's matches are not part of it: they follow the
 * search box, and are shown whenever nothing is chosen.
 */
export type Spotlight = { focus: string[]; unit: UnitFinding | null };

export const NOTHING_CHOSEN: Spotlight = { focus: [], unit: null };

/** What changes the spotlight. */
export type SpotlightEvent =
  /** A click on a persona or product on the map; null: on the background. */
  | { kind: "select"; id: string | null }
  /** A finding was chosen in the insights; a buying unit's shows its card. */
  | { kind: "finding"; ids: string[]; unit?: UnitFinding }
  /** Escape on the map. */
  | { kind: "escape" }
  /** The search box's text changed: the new search replaces the focus. */
  | { kind: "searched" }
  /** A map filter changed: what was chosen may be hidden now. */
  | { kind: "filtered" }
  /** Fit: the whole map is asked for, not what was chosen. */
  | { kind: "fitted" }
  /** What was chosen was deleted, or another project was opened. */
  | { kind: "gone" };

/**
 * The spotlight after `event`. Only a choice sets it; everything that asks
 * for another view of the map (Escape, a search, a filter, Fit) clears it,
 * so that no dimming outlives the choice that made it.
 */
export function spotlight(state: Spotlight, event: SpotlightEvent): Spotlight {
  switch (event.kind) {
    case "select":
      return { focus: event.id === null ? [] : [event.id], unit: null };
    case "finding":
      return { focus: event.ids, unit: event.unit ?? null };
    case "escape":
    case "searched":
    case "filtered":
    case "fitted":
    case "gone":
      return state.focus.length === 0 && state.unit === null ? state : NOTHING_CHOSEN;
  }
}
