import type { Edit, IpcProblem, RelationshipChoice, RelationshipKind } from "../../ipc";

/** The kinds of relationship, as a person reads them: "Dana influences Kwame". */
export const RELATIONSHIP_KINDS: [RelationshipKind, string][] = [
  ["influences", "influences"],
  ["approves", "approves for"],
  ["reports_to", "reports to"],
  ["recommends", "recommends to"],
  ["blocks", "can block"],
  ["collaborates", "collaborates with"],
];

/** A relationship between two personas as the form holds it. */
export type RelationshipDraft = {
  from: string;
  kind: RelationshipKind;
  to: string;
  weight: string;
};

/** A new relationship; a relationship's weight is 1 unless told. */
export function emptyRelationship(from = "", to = ""): RelationshipDraft {
  return { from, kind: "influences", to, weight: "1" };
}

/** An existing relationship as the form holds it, to change its weight. */
export function relationshipDraft(r: RelationshipChoice): RelationshipDraft {
  return { from: r.from, kind: r.kind, to: r.to, weight: String(r.weight) };
}

/**
 * The edit that adds the relationship, or changes its weight when the same
 * two personas already have one of that kind. A weight that is not a
 * number cannot even be sent (the edit's weight is a number), so the form
 * says so itself; whether the number is from 0 to 1, and whether the
 * personas exist, the core says.
 */
export function relationshipEdit(d: RelationshipDraft): Edit | IpcProblem[] {
  const problems: IpcProblem[] = [];
  if (d.from === "") problems.push({ path: "from", message: "choose who acts" });
  if (d.to === "") problems.push({ path: "to", message: "choose on whom" });
  const t = d.weight.trim();
  const weight = t === "" ? 1 : Number(t);
  if (!Number.isFinite(weight)) {
    problems.push({ path: "weight", message: `must be a number from 0 to 1, not “${t}”` });
  }
  if (problems.length > 0) return problems;
  return { op: "relate", from: d.from, to: d.to, kind: d.kind, weight };
}

/** The edit that removes a relationship: the same two personas and kind,
 * with no weight. */
export function unrelate(r: RelationshipChoice): Edit {
  return { op: "relate", from: r.from, to: r.to, kind: r.kind, weight: null };
}
