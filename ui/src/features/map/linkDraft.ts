import type { Persona, ProductRelation } from "../../ipc";

/** A persona's current relations to `product`, each once, in the order written. */
export function relationsTo(persona: Persona, product: string): ProductRelation[] {
  const out: ProductRelation[] = [];
  for (const l of persona.products ?? []) {
    if (l.product === product && !out.includes(l.relation)) out.push(l.relation);
  }
  return out;
}

/** How much `need` matters to the persona now, or null when it does not have it. */
export function importanceOf(persona: Persona, need: string): number | null {
  return persona.needs?.find((n) => n.need === need)?.importance ?? null;
}

/** A typed importance: a number from 0 to 1, or a sentence saying what is wrong. */
export function parseImportance(text: string): number | string {
  const t = text.trim();
  const v = Number(t);
  if (t === "" || !Number.isFinite(v) || v < 0 || v > 1) {
    return "Enter a number from 0 to 1 (1 = it matters most).";
  }
  return v;
}
