// The findings the map's filter leaves in view: those about a persona the
// filter keeps. Findings about needs and products (value gaps, gaps) are
// about the whole portfolio and are not narrowed.
import type { Analysis } from "../../ipc";

/** The parts of an analysis the insights panel lists by persona. */
export type Followed = Pick<
  Analysis,
  "golden" | "underserved" | "overlaps" | "buying_units" | "multi_product" | "health"
>;

/** The findings of `a` about at least one persona in `kept`. O(findings). */
export function followFilter(a: Analysis, kept: ReadonlySet<string>): Followed {
  const any = (ids: readonly string[]) => ids.some((id) => kept.has(id));
  return {
    golden: a.golden.filter((g) => any([g.persona, ...g.duplicates])),
    underserved: a.underserved.filter((u) => kept.has(u.persona)),
    overlaps: a.overlaps.filter((o) => any(o.personas)),
    buying_units: a.buying_units.filter((u) => any(u.members)),
    multi_product: a.multi_product.filter((m) => kept.has(m.persona)),
    health: a.health.filter((h) => kept.has(h.persona)),
  };
}

/** How many findings the filter leaves out of the persona-based ones. */
export function hiddenCount(a: Followed, shown: Followed): number {
  const total = (f: Followed) =>
    f.golden.length +
    f.underserved.length +
    f.overlaps.length +
    f.buying_units.length +
    f.multi_product.length +
    f.health.length;
  return total(a) - total(shown);
}
