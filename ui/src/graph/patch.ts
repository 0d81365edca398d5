import type { Core, ElementDefinition } from "cytoscape";
import { DETAIL_VIEW_CLASSES } from "./lod";

/** Data keys that say where an element sits in the graph, not what it shows. */
const STRUCTURE = new Set(["id", "parent", "source", "target"]);

/** Whether `have` already holds every value of `want` (structure aside). */
function sameData(have: Record<string, unknown>, want: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(want)) {
    if (!STRUCTURE.has(k) && have[k] !== v) return false;
  }
  return true;
}

/** What `patch` changed, for tests and measurements. */
export type PatchCount = { added: number; removed: number; changed: number };

/**
 * Makes `cy` hold exactly the elements `next` describes, touching only what
 * differs: new elements are added at their positions, gone ones removed,
 * and a changed one gets its new data, classes or box. Elements that stay
 * keep where the user put them. Redrawing a 2,000-persona map from scratch
 * after every edit froze the window for seconds; a patch after one edit
 * touches a handful of elements. O(elements).
 */
export function patch(cy: Core, next: ElementDefinition[]): PatchCount {
  const count: PatchCount = { added: 0, removed: 0, changed: 0 };
  const wanted = new Set(next.map((e) => String(e.data.id)));
  cy.batch(() => {
    const fresh: ElementDefinition[] = [];
    const moves: { id: string; parent: string | null }[] = [];
    for (const def of next) {
      const id = String(def.data.id);
      const have = cy.getElementById(id);
      if (have.empty()) {
        fresh.push(def);
        continue;
      }
      if (
        have.isEdge() &&
        (have.data("source") !== def.data.source || have.data("target") !== def.data.target)
      ) {
        have.remove();
        fresh.push(def);
        continue;
      }
      let changed = false;
      if (have.isNode()) {
        const parent = (def.data.parent as string | undefined) ?? null;
        if ((have.data("parent") ?? null) !== parent) moves.push({ id, parent });
      }
      if (!sameData(have.data(), def.data)) {
        const data: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(def.data)) if (!STRUCTURE.has(k)) data[k] = v;
        have.data(data);
        changed = true;
      }
      const classes = Array.isArray(def.classes) ? def.classes.join(" ") : (def.classes ?? "");
      // Classes the view sets (faded, focused, hidden) are kept as they
      // are; only the element's own classes are compared and replaced.
      const now = have.classes();
      const own = now.filter((c) => !VIEW_CLASSES.has(c)).join(" ");
      if (own !== classes) {
        const view = now.filter((c) => VIEW_CLASSES.has(c));
        have.classes([classes, ...view].join(" ").trim());
        changed = true;
      }
      if (changed) count.changed += 1;
    }
    // New boxes first, so that a persona can move into one.
    cy.add(fresh);
    count.added = fresh.length;
    for (const m of moves) {
      cy.getElementById(m.id).move({ parent: m.parent });
      count.changed += 1;
    }
    // Last, so that no child goes with a box it has just left.
    const gone = cy.elements().filter((e) => !wanted.has(e.id()) && !e.hasClass("transient"));
    count.removed = gone.length;
    gone.remove();
  });
  return count;
}

/** Classes the map view sets on its own (what is highlighted, pointed at,
 * dropped on, and how much of each name the zoom shows); a patch leaves
 * them alone. */
export const VIEW_CLASSES = new Set([
  "faded",
  "focused",
  "hidden",
  "hover",
  "drop-target",
  ...DETAIL_VIEW_CLASSES,
]);
