import type { IpcProblem, Persona, PersonaNeed, PersonaProduct, Status } from "../../ipc";
import { filled, freeId, numberAt, numberText, optional, some } from "./draft";

/** The fields of a persona the form shows. */
type Shown =
  | "id"
  | "name"
  | "title"
  | "market_segment"
  | "customer_segment"
  | "buying_role"
  | "status"
  | "priority"
  | "needs"
  | "products";

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
  products: PersonaProduct[];
  /** Fields the form does not show, kept as they were. */
  rest: Omit<Persona, Shown>;
};

/** A draft from a persona as the interchange format writes it. */
export function draftFrom({
  id,
  name,
  title,
  market_segment,
  customer_segment,
  buying_role,
  status,
  priority,
  needs,
  products,
  ...rest
}: Persona): PersonaDraft {
  return {
    id,
    name,
    title: title ?? "",
    market_segment: market_segment ?? "",
    customer_segment: customer_segment ?? "",
    buying_role: buying_role ?? "",
    status: status ?? "",
    priority: numberText(priority),
    needs: (needs ?? []).map((n) => ({ need: n.need, importance: String(n.importance) })),
    products: products ?? [],
    rest,
  };
}

/** A new, empty persona with an id no other entity has. */
export function emptyDraft(taken: Set<string>): PersonaDraft {
  return draftFrom({ id: freeId("p", taken), name: "" });
}

/**
 * The persona the draft describes, in the interchange format, or what keeps
 * the numbers typed from being numbers. Rows with no need or product chosen
 * are left out. Whether the numbers are allowed the core says, as it checks
 * everything else.
 */
export function personaValue(d: PersonaDraft): Persona | IpcProblem[] {
  const problems: IpcProblem[] = [];
  const priority = numberAt(d.priority, "priority", problems);
  const needs: PersonaNeed[] = [];
  d.needs
    .filter((n) => n.need !== "")
    .forEach((n, k) => {
      const importance = numberAt(n.importance, `needs[${k}].importance`, problems, true);
      if (importance !== undefined) needs.push({ need: n.need, importance });
    });
  if (problems.length > 0) return problems;
  return {
    ...d.rest,
    id: d.id,
    name: d.name,
    ...optional("title", filled(d.title)?.trim()),
    ...optional("market_segment", filled(d.market_segment)),
    ...optional("customer_segment", filled(d.customer_segment)),
    ...optional("buying_role", filled(d.buying_role)),
    ...optional("status", d.status || undefined),
    ...optional("priority", priority),
    ...optional("needs", some(needs)),
    ...optional("products", some(d.products.filter((p) => p.product !== ""))),
  };
}
