// What every entity form does with the values it shows: read them from the
// interchange format as text, and write them back as typed.

/** A string field as a form holds it; anything else reads as empty. */
export const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** A number field as a form holds it. */
export const numberText = (v: unknown): string => (typeof v === "number" ? String(v) : "");

/**
 * A number as the user typed it: empty is absent (undefined), a number is a
 * number, and anything else is passed on as the words typed, so that the
 * core, not the form, says what is wrong with it.
 */
export function typed(s: string): number | string | undefined {
  const t = s.trim();
  if (t === "") return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : t;
}

/** `{prefix}-new-{n}` for the smallest n that no entity has taken. */
export function freeId(prefix: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${prefix}-new-${n}`)) n += 1;
  return `${prefix}-new-${n}`;
}

/** The fields every entity has: its id, name and description, and the ones a
 * form does not show, kept as they were. */
export type Common = {
  id: string;
  name: string;
  description: string;
  rest: Record<string, unknown>;
};

/** Splits an entity into the common fields, the fields in `shown`, and the
 * rest. */
export function split(
  value: Record<string, unknown>,
  shown: readonly string[],
): { common: Common; fields: Record<string, unknown> } {
  const { id, name, description, ...others } = value;
  const rest: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(others)) {
    if (shown.includes(k)) fields[k] = v;
    else rest[k] = v;
  }
  return {
    common: { id: text(id), name: text(name), description: text(description), rest },
    fields,
  };
}

/** The common fields in the interchange format; an empty description is
 * left out. */
export function commonValue(d: Common): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d.rest, id: d.id, name: d.name };
  if (d.description.trim() !== "") out.description = d.description;
  return out;
}

/**
 * Where row `i` of a list field stands in the value sent, which leaves out
 * the rows `kept` refuses: the index the core's problems name it by. Null
 * for a row that is not sent.
 */
export function sentIndex<R>(
  rows: readonly R[],
  i: number,
  kept: (r: R) => boolean,
): number | null {
  const row = rows[i];
  if (row === undefined || !kept(row)) return null;
  return rows.slice(0, i).filter(kept).length;
}
