import { type RefObject, useEffect, useRef, useState } from "react";
import type { IpcError } from "../../ipc";
import { EditableText } from "./EditableText";
import { messageAt, moveItem, removeItem, unplaced, withText } from "./profile";

/** Saves a whole new list as one patch field; resolves to the core's
 * refusal, or null. */
export type SaveList<T> = (next: T[]) => Promise<IpcError | null>;

/** Which row's which button takes the focus once the list comes back. */
export type PendingFocus = { index: number; button: "up" | "down" | "edit" | "add" };

/**
 * After a move or a removal the rows are drawn again from the new profile,
 * and a closed form gives way to its row; this puts the focus back on the
 * button the user was using (or on its neighbour, when that one is now
 * disabled at an end of the list). It runs when `items` or `mode` change.
 */
export function useListFocus(
  list: RefObject<HTMLElement | null>,
  items: unknown,
  mode: unknown = null,
) {
  const pending = useRef<PendingFocus | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the new items arrive or a form closes
  useEffect(() => {
    const want = pending.current;
    const root = list.current;
    if (want === null || root === null) return;
    pending.current = null;
    const other = want.button === "up" ? "down" : "up";
    const candidates =
      want.button === "add"
        ? [`[data-button="add"]`]
        : [
            `[data-index="${want.index}"] [data-button="${want.button}"]`,
            `[data-index="${want.index}"] [data-button="${other}"]`,
            `[data-index="${want.index}"] .editable`,
          ];
    for (const css of candidates) {
      const button = root.querySelector<HTMLButtonElement>(css);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
    root.querySelector<HTMLButtonElement>(`[data-button="add"]`)?.focus();
  }, [items, mode]);
  return pending;
}

/** Move up, move down and remove for row `i` of `count`. */
export function RowTools({
  noun,
  index,
  count,
  onMove,
  onRemove,
}: {
  noun: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove?: () => void;
}) {
  const n = index + 1;
  return (
    <span className="row-tools">
      <button
        type="button"
        className="icon"
        data-button="up"
        aria-label={`Move ${noun} ${n} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        data-button="down"
        aria-label={`Move ${noun} ${n} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      {onRemove && (
        <button
          type="button"
          className="icon"
          data-button="remove"
          aria-label={`Remove ${noun} ${n}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </span>
  );
}

/**
 * A list of short texts (goals, pain points, channels, teams): each edited
 * in place, added, removed and moved. Every change sends the whole new list
 * as one patch field; the core's problem at `field[i]` shows beside row i.
 */
export function EditableList({
  field,
  noun,
  items,
  empty,
  onSave,
}: {
  /** The patch field, which the core's problems name: "goals". */
  field: string;
  /** One item, in lower case: "goal", "pain point". */
  noun: string;
  items: string[];
  /** What an empty list says: "No goals yet — add one." */
  empty: string;
  onSave: SaveList<string>;
}) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const pending = useListFocus(list, items);

  const saveText = (i: number) => async (text: string) => {
    const refused = await onSave(withText(items, i, text));
    return refused === null ? null : (messageAt(refused, `${field}[${i}]`) ?? refused.message);
  };

  const change = (next: string[], focus: PendingFocus) => {
    setError(null);
    pending.current = focus;
    onSave(next).then((refused) => {
      if (refused !== null) {
        pending.current = null;
        setError(refused);
      }
    });
  };

  return (
    <div className="edit-list" data-field={field} ref={list}>
      {items.length === 0 && !adding && <p className="empty-line">{empty}</p>}
      {items.length > 0 && (
        <ul className="items">
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list; texts may repeat
            <li key={i} className="item" data-index={i}>
              <EditableText
                label={`${noun} ${i + 1}`}
                value={item}
                placeholder=""
                onSave={saveText(i)}
              />
              <RowTools
                noun={noun}
                index={i}
                count={items.length}
                onMove={(to) =>
                  change(moveItem(items, i, to), { index: to, button: to < i ? "up" : "down" })
                }
                onRemove={() => change(removeItem(items, i), { index: i, button: "add" })}
              />
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="item adding">
          <EditableText
            label={`New ${noun}`}
            value=""
            placeholder={`A new ${noun}`}
            startEditing
            onCancel={() => setAdding(false)}
            onSave={async (text) => {
              const problem = await saveText(items.length)(text);
              if (problem === null) {
                pending.current = { index: items.length, button: "add" };
                setAdding(false);
              }
              return problem;
            }}
          />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {unplaced(error, [])}
        </p>
      )}
      {!adding && (
        <button
          type="button"
          className="ghost add"
          data-button="add"
          onClick={() => setAdding(true)}
        >
          + Add {/^[aeiou]/i.test(noun) ? "an" : "a"} {noun}
        </button>
      )}
    </div>
  );
}
