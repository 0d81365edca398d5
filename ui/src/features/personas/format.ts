import type { Counts, PersonaCard, ProductRelation, SegmentGroup, Status } from "../../ipc";

const RELATION_LABELS: Record<ProductRelation, string> = {
  owned_by: "Written by",
  targets: "Targeted by",
  uses: "Uses",
  evaluates: "Evaluating",
};

/** How a persona's tie to a product reads on its card. */
export function relationLabel(relation: ProductRelation): string {
  return RELATION_LABELS[relation];
}

const STATUS_LABELS: Record<Status, string> = {
  proto: "Proto",
  validated: "Validated",
  detailed: "Detailed",
};

/** The label of a persona's status; personas without one are unreviewed. */
export function statusLabel(status: Status | null): string {
  return status === null ? "No status" : STATUS_LABELS[status];
}

/** "1 persona", "3 personas": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** The one-line summary under the project's name. */
export function countsSummary(c: Counts): string {
  return [
    plural(c.personas, "persona"),
    plural(c.market_segments, "market segment"),
    plural(c.buying_roles, "buying role"),
    plural(c.products, "product"),
    plural(c.needs, "need"),
    plural(c.buying_units, "buying unit"),
  ].join(" · ");
}

/** The heading of a group of personas. */
export function groupTitle(group: SegmentGroup): string {
  return group.segment?.name ?? "No market segment";
}

/** A short line under a persona's name: title, then customer segment. */
export function personaSubtitle(p: PersonaCard): string {
  return [p.title, p.customer_segment].filter((s): s is string => Boolean(s)).join(" · ");
}

/** Keeps the personas whose name, title, role or products match `query`. */
export function filterGroups(groups: SegmentGroup[], query: string): SegmentGroup[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return groups;
  const matches = (p: PersonaCard) =>
    [p.name, p.title, p.role, p.customer_segment, ...p.products.map((t) => t.name)].some((s) =>
      s?.toLocaleLowerCase().includes(q),
    );
  return groups
    .map((g) => ({ ...g, personas: g.personas.filter(matches) }))
    .filter((g) => g.personas.length > 0);
}

/** Splits a persona's ties into the teams that wrote it and the rest. */
export function splitTies(p: PersonaCard): { owners: string[]; others: PersonaCard["products"] } {
  return {
    owners: p.products.filter((t) => t.relation === "owned_by").map((t) => t.name),
    others: p.products.filter((t) => t.relation !== "owned_by"),
  };
}
