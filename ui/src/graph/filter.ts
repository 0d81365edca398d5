import type { MapView, Status } from "../ipc";

/** What the map is narrowed to; an empty string means "any". */
export type MapFilter = {
  segment: string;
  role: string;
  product: string;
  status: Status | "";
  /** "low": only the personas whose confidence the core calls low. */
  confidence: "low" | "";
};

export const NO_FILTER: MapFilter = {
  segment: "",
  role: "",
  product: "",
  status: "",
  confidence: "",
};

/** Whether any filter narrows the map. */
export function isFiltered(f: MapFilter): boolean {
  return (
    f.segment !== "" || f.role !== "" || f.product !== "" || f.status !== "" || f.confidence !== ""
  );
}

/** The choices each filter offers, from what the map holds, sorted by name. */
export function filterChoices(map: MapView): {
  segments: { id: string; name: string }[];
  roles: string[];
  products: { id: string; name: string }[];
  statuses: Status[];
} {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const segments = map.nodes
    .filter((n) => n.kind === "market_segment")
    .map((n) => ({ id: n.id, name: n.label }))
    .sort(byName);
  const products = map.nodes
    .filter((n) => n.kind === "product")
    .map((n) => ({ id: n.id, name: n.label }))
    .sort(byName);
  const roles = new Set<string>();
  const statuses = new Set<Status>();
  for (const n of map.nodes) {
    if (n.kind !== "persona") continue;
    if (n.role) roles.add(n.role);
    if (n.status) statuses.add(n.status);
  }
  const order: Status[] = ["proto", "validated", "detailed"];
  return {
    segments,
    roles: [...roles].sort((a, b) => a.localeCompare(b)),
    products,
    statuses: order.filter((s) => statuses.has(s)),
  };
}

/**
 * The personas the filter keeps. Each filter narrows independently (they
 * combine with "and"); the product filter keeps personas tied to the
 * product in any way. O(nodes + edges).
 */
export function keptPersonas(map: MapView, f: MapFilter): Set<string> {
  const tied = new Set<string>();
  if (f.product !== "") {
    for (const e of map.edges) {
      if (e.kind === "tied_to" && e.target === f.product) tied.add(e.source);
    }
  }
  const kept = new Set<string>();
  for (const n of map.nodes) {
    if (n.kind !== "persona") continue;
    if (f.segment !== "" && n.parent !== f.segment) continue;
    if (f.role !== "" && n.role !== f.role) continue;
    if (f.status !== "" && n.status !== f.status) continue;
    if (f.confidence === "low" && !n.low_confidence) continue;
    if (f.product !== "" && !tied.has(n.id)) continue;
    kept.add(n.id);
  }
  return kept;
}
