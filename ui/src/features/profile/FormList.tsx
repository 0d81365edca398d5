import { type ReactNode, useRef, useState } from "react";
import type { IpcError } from "../../ipc";
import { DeleteButton } from "../personas/PersonaList";
import { RowTools, type SaveList, useListFocus } from "./EditableList";
import { InlineForm } from "./InlineForm";
import { moveItem, problemAt, removeItem, replaceItem, unplaced } from "./profile";

/**
 * A list whose rows are edited in a small form in place (scenarios,
 * evidence): a row is opened, saved or cancelled, added and removed, and
 * moved when the order means something. Every change sends the whole list
 * as one patch field; the core's problem at `field[i].name` shows beside
 * that field of the form, any other one under it.
 */
export function FormList<T, D extends object>({
  field,
  noun,
  items,
  empty,
  add,
  fields,
  movable = false,
  stacked = false,
  draftOf,
  itemOf,
  row,
  form,
  onSave,
}: {
  /** The patch field, which the core's problems name: "scenarios". */
  field: string;
  /** One item, in lower case: "scenario". */
  noun: string;
  items: T[];
  /** What an empty list says. */
  empty: string;
  /** The text of the add button: "+ Add a scenario". */
  add: string;
  /** The draft's fields, as the core's problems name them. */
  fields: readonly string[];
  /** Rows have move up and down. */
  movable?: boolean;
  /** The row's buttons stand one above the other. */
  stacked?: boolean;
  /** The form of an item, or of a new one. */
  draftOf: (item: T | null) => D;
  /** The item a form describes; `was` is the item it replaces. */
  itemOf: (draft: D, was: T | null) => T;
  /** An item as its row shows it. */
  row: (item: T) => ReactNode;
  /** The fields of the form. */
  form: (
    draft: D,
    set: (patch: Partial<D>) => void,
    problem: (name: string) => string | undefined,
  ) => ReactNode;
  onSave: SaveList<T>;
}) {
  // The row being edited; `items.length` for a new one.
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<D>(() => draftOf(null));
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const pending = useListFocus(list, items, editing);

  const open = (i: number) => {
    setDraft(draftOf(items[i] ?? null));
    setError(null);
    setEditing(i);
  };
  const close = (i: number) => {
    pending.current = { index: i, button: i < items.length ? "edit" : "add" };
    setEditing(null);
    setError(null);
  };
  const change = (next: T[], closing: number | null) => {
    setError(null);
    setBusy(true);
    onSave(next)
      .then((refused) => {
        setError(refused);
        if (refused === null && closing !== null) close(closing);
      })
      .finally(() => setBusy(false));
  };
  const move = (i: number, to: number) => {
    pending.current = { index: to, button: to < i ? "up" : "down" };
    change(moveItem(items, i, to), null);
  };

  const inlineForm = (i: number) => {
    const at = (name: string) => `${field}[${i}].${name}`;
    return (
      <InlineForm
        label={i < items.length ? `Edit ${noun} ${i + 1}` : `New ${noun}`}
        busy={busy}
        error={unplaced(error, fields.map(at))}
        onCancel={() => close(i)}
        onSave={() => change(replaceItem(items, i, itemOf(draft, items[i] ?? null)), i)}
      >
        {form(
          draft,
          (patch) => setDraft({ ...draft, ...patch }),
          (name) => problemAt(error, at(name)),
        )}
      </InlineForm>
    );
  };

  return (
    <div className="edit-list" data-field={field} ref={list}>
      {items.length === 0 && editing === null && <p className="empty-line">{empty}</p>}
      {items.length > 0 && (
        <ul className={`items ${field}`}>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list
            <li key={i} className="item" data-index={i}>
              {editing === i ? (
                inlineForm(i)
              ) : (
                <>
                  {row(item)}
                  <span className={stacked ? "row-tools stacked" : "row-tools"}>
                    <button
                      type="button"
                      className="ghost"
                      data-button="edit"
                      aria-label={`Edit ${noun} ${i + 1}`}
                      onClick={() => open(i)}
                    >
                      Edit
                    </button>
                    {movable && (
                      <RowTools
                        noun={noun}
                        index={i}
                        count={items.length}
                        onMove={(to) => move(i, to)}
                      />
                    )}
                    <DeleteButton
                      what={`${noun} ${i + 1}`}
                      onConfirm={() => {
                        pending.current = { index: i, button: "add" };
                        change(removeItem(items, i), null);
                      }}
                    />
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing === items.length && <div className="item adding">{inlineForm(items.length)}</div>}
      {error && editing === null && (
        <p className="field-error" role="alert">
          {unplaced(error, [])}
        </p>
      )}
      {editing !== items.length && (
        <button
          type="button"
          className="ghost add"
          data-button="add"
          onClick={() => open(items.length)}
        >
          {add}
        </button>
      )}
    </div>
  );
}

/** One labelled field of a form, with the core's problem beneath it. */
export function FormField({
  label,
  problem,
  wide = false,
  children,
}: {
  label: string;
  problem: string | undefined;
  /** Takes the whole width of a two-column form. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as `children`
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      {children}
      {problem && <span className="field-error">{problem}</span>}
    </label>
  );
}
