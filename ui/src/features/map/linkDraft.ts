import type { Persona, ProductRelation, RelationshipChoice, RelationshipKind } from "../../ipc";
import { RELATIONSHIP_KINDS } from "../editing/relationshipForm";

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

/** A typed number from 0 to 1, or a sentence saying what is wrong, which
 * ends by saying what 1 means (`one`). */
function parseShare(text: string, one: string): number | string {
  const t = text.trim();
  const v = Number(t);
  if (t === "" || !Number.isFinite(v) || v < 0 || v > 1) {
    return `Enter a number from 0 to 1 (1 = ${one}).`;
  }
  return v;
}

/** A typed importance: a number from 0 to 1, or a sentence saying what is wrong. */
export function parseImportance(text: string): number | string {
  return parseShare(text, "it matters most");
}

/** A typed weight of a relationship: a number from 0 to 1, or a sentence
 * saying what is wrong. */
export function parseWeight(text: string): number | string {
  return parseShare(text, "as strong as it gets");
}

/** The relationships between personas `a` and `b`, either way round, in
 * the order given. */
export function relationshipsBetween(
  all: readonly RelationshipChoice[],
  a: string,
  b: string,
): RelationshipChoice[] {
  return all.filter((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a));
}

/** What the form for a relationship of `from` to `to` starts with: the
 * first way `from` already acts on `to` (among `known`), at its weight, or
 * else "influences" at full weight. */
export function relationshipStart(
  known: readonly RelationshipChoice[],
  from: string,
  to: string,
): { kind: RelationshipKind; weight: string } {
  const had = known.find((r) => r.from === from && r.to === to);
  return had ? { kind: had.kind, weight: String(had.weight) } : { kind: "influences", weight: "1" };
}

/** How a relationship reads: "Dana influences Kwame". */
export function relationshipSentence(
  r: Pick<RelationshipChoice, "from" | "to" | "kind">,
  name: (id: string) => string,
): string {
  const verb = RELATIONSHIP_KINDS.find(([k]) => k === r.kind)?.[1] ?? r.kind;
  return `${name(r.from)} ${verb} ${name(r.to)}`;
}
