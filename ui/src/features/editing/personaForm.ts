import type { ProductRelation, Status } from "../../ipc";
import { text } from "./draft";

/** A persona as the form holds it: strings for every field a user types. */
export type PersonaDraft = {
  id: string;
  name: string;
  title: string;
  market_segment: string;
  customer_segment: string;
  buying_role: string;
  status: Status | "";
  priority: string;
  needs: { need: string; importance: string }[];
  products: { product: string; relation: ProductRelation }[];
  /** Fields the form does not show, kept as they were. */
  rest: Record<string, unknown>;
};

const SHOWN = [
  "id",
  "name",
  "title",
  "market_segment",
  "customer_segment",
  "buying_role",
  "status",
  "priority",
  "needs",
  "products",
];

/** A draft from a persona as the interchange format writes it. */
export function draftFrom(value: Record<string, unknown>): PersonaDraft {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SHOWN.includes(k)) rest[k] = v;
  const list = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  return {
    id: text(value.id),
    name: text(value.name),
    title: text(value.title),
    market_segment: text(value.market_segment),
    customer_segment: text(value.customer_segment),
    buying_role: text(value.buying_role),
    status: (text(value.status) as Status | "") || "",
    priority: typeof value.priority === "number" ? String(value.priority) : "",
    needs: list(value.needs).map((n) => ({
      need: text(n.need),
      importance: typeof n.importance === "number" ? String(n.importance) : "",
    })),
    products: list(value.products).map((p) => ({
      product: text(p.product),
      relation: (text(p.relation) as ProductRelation) || "targets",
    })),
    rest,
  };
}

/** A new, empty persona with an id no other entity has. */
export function emptyDraft(taken: Set<string>): PersonaDraft {
  let n = 1;
  while (taken.has(`p-new-${n}`)) n += 1;
  return draftFrom({ id: `p-new-${n}` });
}

/**
 * The persona the draft describes, in the interchange format. Numbers are
 * passed on as typed (a word stays a word) so that the core's checks, not
 * the form, decide what is valid and say so.
 */
export function personaValue(d: PersonaDraft): Record<string, unknown> {
  const num = (s: string): unknown => {
    const t = s.trim();
    if (t === "") return null;
    const v = Number(t);
    return Number.isFinite(v) ? v : t;
  };
  const out: Record<string, unknown> = { ...d.rest, id: d.id, name: d.name };
  const optional: [string, unknown][] = [
    ["title", d.title.trim() || null],
    ["market_segment", d.market_segment || null],
    ["customer_segment", d.customer_segment || null],
    ["buying_role", d.buying_role || null],
    ["status", d.status || null],
    ["priority", num(d.priority)],
  ];
  for (const [k, v] of optional) if (v !== null) out[k] = v;
  const needs = d.needs
    .filter((n) => n.need !== "")
    .map((n) => ({ need: n.need, importance: num(n.importance) ?? "" }));
  if (needs.length > 0) out.needs = needs;
  const products = d.products.filter((p) => p.product !== "");
  if (products.length > 0) out.products = products;
  return out;
}
