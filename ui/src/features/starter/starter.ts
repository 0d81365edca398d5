// Starter sets: what an empty project is offered to begin with (the core
// holds the sets and adds each as one edit). What is said after adding one,
// and which sets Add All still has to add.

import type { EntityKind, IpcError, StarterSet } from "../../ipc";
import { plural } from "../personas/format";

/** What one entity of each kind is called in a sentence. */
const NOUNS: Record<EntityKind, string> = {
  market_segment: "market segment",
  customer_segment: "customer segment",
  buying_role: "buying role",
  need: "need",
  product: "product",
  competitor: "competitor",
  persona: "persona",
  buying_unit: "buying unit",
  journey: "journey",
};

/** "8 buying roles", "1 need": a count of entities of `kind`. */
export function kindCount(kind: EntityKind, n: number): string {
  return plural(n, NOUNS[kind]);
}

/** What is said once `set` was added and the core added `added` of its
 * items: the rest were in the project already (by name), and left out. */
export function addedMessage(set: StarterSet, added: number): string {
  const said = `Added ${kindCount(set.kind, added)}.`;
  const skipped = set.items.length - added;
  if (skipped <= 0) return said;
  return `${said} ${skipped === 1 ? "The other one was" : `The other ${skipped} were`} in the project already.`;
}

/** A message of the core's as a sentence: capitalised, with a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Why a set was not added, in the core's words: its problems when it
 * names them (the core's headline, "the starter set has 1 problem:", says
 * nothing by itself), else its message.
 */
export function starterFailure(error: IpcError): string {
  if (error.problems.length === 0) return sentence(error.message);
  return error.problems
    .map((p) => sentence(p.path === "" ? p.message : `${p.path}: ${p.message}`))
    .join(" ");
}

/** Where adding a set stands. */
export type SetState =
  | { kind: "adding" }
  | { kind: "added"; message: string }
  | { kind: "failed"; message: string };

/** The sets Add All still adds, in their order: those neither added nor
 * being added (a set that failed is tried again). */
export function remaining(
  sets: readonly StarterSet[],
  states: ReadonlyMap<string, SetState>,
): StarterSet[] {
  return sets.filter((s) => {
    const state = states.get(s.id)?.kind;
    return state !== "added" && state !== "adding";
  });
}
