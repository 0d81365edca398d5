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

/** A query as the search compares it: trimmed and lower-cased. */
export function searchKey(query: string): string {
  return query.trim().toLocaleLowerCase();
}

/**
 * The words of a persona that a search looks in (name, title, role,
 * customer segment, products), lower-cased, one field a line: a query holds
 * no line break, so it never matches across two fields.
 */
export function searchText(p: PersonaCard): string {
  return [p.name, p.title, p.role, p.customer_segment, ...p.products.map((t) => t.name)]
    .filter((s): s is string => Boolean(s))
    .join("\n")
    .toLocaleLowerCase();
}

/** Keeps the personas whose name, title, role or products match `query`. */
export function filterGroups(groups: SegmentGroup[], query: string): SegmentGroup[] {
  const q = searchKey(query);
  if (q === "") return groups;
  return keepPersonas(groups, (p) => searchText(p).includes(q));
}

/** The groups with only the personas `kept` keeps; groups left empty go. */
export function keepPersonas(
  groups: SegmentGroup[],
  kept: (p: PersonaCard) => boolean,
): SegmentGroup[] {
  return groups
    .map((g) => ({ ...g, personas: g.personas.filter(kept) }))
    .filter((g) => g.personas.length > 0);
}

/** Splits a persona's ties into the teams that wrote it and the rest. */
export function splitTies(p: PersonaCard): { owners: string[]; others: PersonaCard["products"] } {
  return {
    owners: p.products.filter((t) => t.relation === "owned_by").map((t) => t.name),
    others: p.products.filter((t) => t.relation !== "owned_by"),
  };
}
