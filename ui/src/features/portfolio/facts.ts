// What the Portfolio view says about each entity, derived from data the app
// already holds (the catalog, the map, the findings) and, for the kinds that
// are few, from the entities themselves.

import type {
  Analysis,
  Catalog,
  Counts,
  EntityKind,
  MapView,
  RelationshipChoice,
  RelationshipKind,
} from "../../ipc";
import { plural } from "../personas/format";

/** What the Portfolio view lists: the kinds of entity but personas, and the
 * relationships between personas, which have no id of their own. */
/** Journeys have a view of their own (issue #9), not a list here. */
export type Listed = Exclude<EntityKind, "persona" | "journey"> | "relationship";

/** The kinds in the order the view lists them. */
export const KINDS: {
  id: Listed;
  label: string;
  /** What one of them is called, in "New need". */
  one: string;
  count: keyof Counts;
  empty: string;
}[] = [
  {
    id: "market_segment",
    label: "Market segments",
    one: "market segment",
    count: "market_segments",
    empty: "No market segments yet. Add one to group personas by industry, size or region.",
  },
  {
    id: "customer_segment",
    label: "Customer segments",
    one: "customer segment",
    count: "customer_segments",
    empty: "No customer segments yet. Add one to tell personas apart by attitude.",
  },
  {
    id: "buying_role",
    label: "Buying roles",
    one: "buying role",
    count: "buying_roles",
    empty: "No buying roles yet. Add the roles people play in a deal to check buying units.",
  },
  {
    id: "need",
    label: "Needs",
    one: "need",
    count: "needs",
    empty: "No needs yet. Add one to see which products meet what personas want.",
  },
  {
    id: "product",
    label: "Products",
    one: "product",
    count: "products",
    empty: "No products yet. Add one to see whom it serves.",
  },
  {
    id: "competitor",
    label: "Competitors",
    one: "competitor",
    count: "competitors",
    empty: "No competitors yet. Add one to compare value gaps.",
  },
  {
    id: "buying_unit",
    label: "Buying units",
    one: "buying unit",
    count: "buying_units",
    empty: "No buying units yet. Add one to see whether a deal can close.",
  },
  {
    id: "relationship",
    label: "Relationships",
    one: "relationship",
    count: "relationships",
    empty: "No relationships yet. Add one to show who sways whom in a deal.",
  },
];

/** The kinds whose facts are read from the entities themselves (one call
 * for the kind); the facts of the others come from the map and the catalog. */
export const DETAILED: ReadonlySet<Listed> = new Set([
  "market_segment",
  "customer_segment",
  "buying_role",
  "competitor",
  "buying_unit",
]);

/** One row of the table. */
export type Row = {
  /** The entity's id; for a relationship, its two personas and kind. */
  key: string;
  name: string;
  /** What the row's buttons call it when the name alone is not unique
   * (two personas may be related in several ways). */
  label: string;
  description: string | null;
  /** Short facts, shown joined by " · ". */
  facts: string[];
  /** The relationship the row shows, for editing and removing it. */
  relationship?: RelationshipChoice;
};

/** What a relationship's kind is called in a list. */
export const RELATIONSHIP_KIND_NAMES: Record<RelationshipKind, string> = {
  influences: "Influences",
  approves: "Approves",
  reports_to: "Reports to",
  recommends: "Recommends",
  blocks: "Blocks",
  collaborates: "Collaborates",
};

/** Entities as the `entities` command lists them, by id. */
export function byId(
  entities: Record<string, unknown>[],
): ReadonlyMap<string, Record<string, unknown>> {
  return new Map(entities.flatMap((e) => (typeof e.id === "string" ? [[e.id, e] as const] : [])));
}

/** How many links of each sort an id has, counted once from the map. O(|V| + |E|). */
export type Tally = {
  /** Personas per need. */
  wantedBy: Map<string, number>;
  /** Products per need. */
  addressedBy: Map<string, number>;
  /** Needs per product. */
  addresses: Map<string, number>;
  /** Personas per product. */
  tiedTo: Map<string, number>;
  /** Personas per market or customer segment. */
  members: Map<string, number>;
};

export function tally(map: MapView): Tally {
  const t: Tally = {
    wantedBy: new Map(),
    addressedBy: new Map(),
    addresses: new Map(),
    tiedTo: new Map(),
    members: new Map(),
  };
  const add = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const e of map.edges) {
    if (e.kind === "needs") add(t.wantedBy, e.target);
    else if (e.kind === "meets") {
      add(t.addressedBy, e.target);
      add(t.addresses, e.source);
    } else if (e.kind === "tied_to") add(t.tiedTo, e.target);
  }
  for (const n of map.nodes) {
    if (n.kind !== "persona") continue;
    if (n.parent !== null) add(t.members, n.parent);
    if (n.customer_segment !== null) add(t.members, n.customer_segment);
  }
  return t;
}

/** What the view knows: `details` holds the entities read so far, by id. */
export type Known = {
  catalog: Catalog;
  analysis: Analysis;
  tally: Tally;
  details: ReadonlyMap<string, Record<string, unknown>>;
  /** A name for any id on the map or in the findings. */
  name: (id: string) => string;
};

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function priority(e: Record<string, unknown> | undefined): string[] {
  const p = num(e?.priority);
  return p === null ? [] : [`Priority ${p}`];
}

function personas(n: number): string {
  return n === 0 ? "No personas" : plural(n, "persona");
}

/** The flags of a buying role as a person reads them: "Required · Decides". */
export function roleFacts(role: Record<string, unknown>): string[] {
  const flags = [
    ...(role.required === true ? ["Required"] : []),
    ...(role.decides === true ? ["Decides"] : []),
  ];
  return flags.length > 0 ? flags : ["Optional"];
}

/** The rows for `kind`, by name (relationships: by who acts). */
export function rows(kind: Listed, k: Known): Row[] {
  const of = (
    choices: { id: string; name: string }[],
    facts: (id: string, e: Record<string, unknown> | undefined) => string[],
  ): Row[] =>
    choices.map((c) => {
      const e = k.details.get(c.id);
      return {
        key: c.id,
        name: c.name,
        label: c.name,
        description: str(e?.description),
        facts: facts(c.id, e),
      };
    });
  const members = (id: string) => personas(k.tally.members.get(id) ?? 0);
  switch (kind) {
    case "market_segment":
      return of(k.catalog.market_segments, (id, e) => {
        const size = num(e?.size);
        return [
          ...priority(e),
          ...(size === null ? [] : [`Size ${size.toLocaleString("en")}`]),
          members(id),
        ];
      });
    case "customer_segment":
      return of(k.catalog.customer_segments, (id, e) => [...priority(e), members(id)]);
    case "buying_role":
      return of(k.catalog.buying_roles, (_, e) => (e === undefined ? [] : roleFacts(e)));
    case "need":
      return of(k.catalog.needs, (id) => {
        const wanted = k.tally.wantedBy.get(id) ?? 0;
        const met = k.tally.addressedBy.get(id) ?? 0;
        return [
          wanted === 0 ? "Wanted by nobody" : `Wanted by ${plural(wanted, "persona")}`,
          met === 0 ? "No product addresses it" : `Addressed by ${plural(met, "product")}`,
        ];
      });
    case "product":
      return of(k.catalog.products, (id) => [
        `Addresses ${plural(k.tally.addresses.get(id) ?? 0, "need")}`,
        `Tied to ${personas(k.tally.tiedTo.get(id) ?? 0).toLowerCase()}`,
      ]);
    case "competitor":
      return of(k.catalog.competitors, (_, e) =>
        e === undefined
          ? []
          : [`Addresses ${plural(Array.isArray(e.addresses) ? e.addresses.length : 0, "need")}`],
      );
    case "buying_unit":
      return k.analysis.buying_units
        .map((u): Row => {
          const e = k.details.get(u.unit);
          const product = str(e?.product);
          return {
            key: u.unit,
            name: k.name(u.unit),
            label: k.name(u.unit),
            description: str(e?.description),
            facts: [
              plural(u.members.length, "member"),
              ...(product === null ? [] : [`For ${k.name(product)}`]),
              u.complete
                ? "Can close"
                : `Cannot close: no ${u.missing_roles.map(k.name).join(", ")}`,
            ],
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    case "relationship":
      // The catalog has them in order: by who acts, on whom, and how.
      return k.catalog.relationships.map((r) => {
        const name = `${k.name(r.from)} → ${k.name(r.to)}`;
        const how = RELATIONSHIP_KIND_NAMES[r.kind];
        return {
          key: `${r.from}>${r.to}>${r.kind}`,
          name,
          label: `${name}, ${how.toLowerCase()}`,
          description: null,
          facts: [how, weightText(r.weight)],
          relationship: r,
        };
      });
  }
}

/** A relationship's weight as a person reads it: two decimals at most
 * ("Weight 0.46", not every digit a generated project stores). */
export function weightText(weight: number): string {
  return `Weight ${Number(weight.toFixed(2))}`;
}
