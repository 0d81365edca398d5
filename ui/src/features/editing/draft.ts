// What every entity form does with the values it shows: hold them as the
// text in its inputs, and turn that text back into the entity's fields.

import type { IpcProblem } from "../../ipc";

/** A number field as a form holds it: its digits, or nothing. */
export const numberText = (v: number | undefined): string => (v === undefined ? "" : String(v));

/**
 * The number typed in a field: undefined when the field is empty, and also
 * when what was typed is not a number. That cannot be sent, the field being
 * a number, so it is added to `problems` at `path`, the path the core would
 * give it, for the form to show beside the field; so is an empty field when
 * the entity must have the number. Which numbers are allowed (0 to 1,
 * 1 to 5) the core says when the entity is sent.
 */
export function numberAt(
  s: string,
  path: string,
  problems: IpcProblem[],
  required = false,
): number | undefined {
  const t = s.trim();
  if (t === "") {
    if (required) problems.push({ path, message: "missing; enter a number" });
    return undefined;
  }
  const v = Number(t);
  if (Number.isFinite(v)) return v;
  problems.push({ path, message: `must be a number, not “${t}”` });
  return undefined;
}

/** `{ [key]: value }`, or `{}` when there is no value: how an optional
 * field is left out of the entity, to be spread into it. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

/** Text typed in a field, or undefined when it is only blanks. */
export const filled = (s: string): string | undefined => (s.trim() === "" ? undefined : s);

/** The rows of a list field, or undefined when there are none: the format
 * leaves an empty list out. */
export const some = <T>(rows: T[]): T[] | undefined => (rows.length > 0 ? rows : undefined);

/** `{prefix}-new-{n}` for the smallest n that no entity has taken. */
export function freeId(prefix: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${prefix}-new-${n}`)) n += 1;
  return `${prefix}-new-${n}`;
}

/** What every entity has. */
export type Named = { id: string; name: string; description?: string };

/** The fields every entity form shows, its id, name and description, and
 * `rest`: the fields of `E` that the form does not show (neither these nor
 * `Shown`), kept as they were. */
export type Common<E extends Named, Shown extends keyof E = never> = {
  id: string;
  name: string;
  description: string;
  rest: Omit<E, "id" | "name" | "description" | Shown>;
};

/** The id, name and description in the interchange format; an empty
 * description is left out. */
export function named(d: { id: string; name: string; description: string }): Named {
  return { id: d.id, name: d.name, ...optional("description", filled(d.description)) };
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

/**
 * The choices a row of a list field offers: all but those another row has
 * picked already (a persona is a member once, a need is listed once), and
 * always the row's own. `picked` holds every row's choice, "" for none.
 * O(choices + rows).
 */
export function unpicked<C extends { id: string }>(
  choices: readonly C[],
  picked: readonly string[],
  own: string,
): C[] {
  const taken = new Set(picked);
  taken.delete(own);
  return choices.filter((c) => !taken.has(c.id));
}
