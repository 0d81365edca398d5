import type { ProductRelation } from "../../ipc";
import { RELATIONS } from "../../shared/relations";

/** A persona's current relations to `product`, from the persona as the format writes it. */
export function relationsTo(persona: Record<string, unknown>, product: string): ProductRelation[] {
  const links = Array.isArray(persona.products) ? (persona.products as unknown[]) : [];
  const out: ProductRelation[] = [];
  for (const l of links) {
    if (typeof l !== "object" || l === null) continue;
    const { product: p, relation } = l as { product?: unknown; relation?: unknown };
    const known = RELATIONS.find((r) => r === relation);
    if (p === product && known && !out.includes(known)) out.push(known);
  }
  return out;
}

/** How much `need` matters to the persona now, or null when it does not have it. */
export function importanceOf(persona: Record<string, unknown>, need: string): number | null {
  const needs = Array.isArray(persona.needs) ? (persona.needs as unknown[]) : [];
  for (const n of needs) {
    if (typeof n !== "object" || n === null) continue;
    const { need: id, importance } = n as { need?: unknown; importance?: unknown };
    if (id === need && typeof importance === "number") return importance;
  }
  return null;
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
