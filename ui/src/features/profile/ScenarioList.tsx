import { useRef, useState } from "react";
import type { IpcError, Scenario } from "../../ipc";
import { DeleteButton } from "../personas/PersonaList";
import { RowTools, type SaveList, useListFocus } from "./EditableList";
import { InlineForm } from "./InlineForm";
import { moveItem, problemAt, removeItem, replaceItem, scenarioValue, unplaced } from "./profile";

type Draft = { title: string; text: string };

/**
 * The persona's scenarios, each a title and a story: edited in a small form
 * in place, added, removed and moved. Every change sends the whole list.
 */
export function ScenarioList({ items, onSave }: { items: Scenario[]; onSave: SaveList<Scenario> }) {
  // The row being edited; `items.length` for a new one.
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft>({ title: "", text: "" });
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const pending = useListFocus(list, items, editing);

  const open = (i: number) => {
    const s = items[i];
    setDraft({ title: s?.title ?? "", text: s?.text ?? "" });
    setError(null);
    setEditing(i);
  };
  const close = (i: number) => {
    pending.current = { index: i, button: i < items.length ? "edit" : "add" };
    setEditing(null);
    setError(null);
  };
  const change = (next: Scenario[], closing: number | null) => {
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

  const form = (i: number) => {
    const at = `scenarios[${i}]`;
    return (
      <InlineForm
        label={i < items.length ? `Edit scenario ${i + 1}` : "New scenario"}
        busy={busy}
        error={unplaced(error, [`${at}.title`, `${at}.text`])}
        onCancel={() => close(i)}
        onSave={() => change(replaceItem(items, i, scenarioValue(draft.title, draft.text)), i)}
      >
        <label className="field">
          <span>Title</span>
          <input
            value={draft.title}
            aria-invalid={problemAt(error, `${at}.title`) !== undefined}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
          {problemAt(error, `${at}.title`) && (
            <span className="field-error">{problemAt(error, `${at}.title`)}</span>
          )}
        </label>
        <label className="field">
          <span>Story</span>
          <textarea
            rows={3}
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          {problemAt(error, `${at}.text`) && (
            <span className="field-error">{problemAt(error, `${at}.text`)}</span>
          )}
        </label>
      </InlineForm>
    );
  };

  return (
    <div className="edit-list" data-field="scenarios" ref={list}>
      {items.length === 0 && editing === null && (
        <p className="empty-line">No scenarios yet — add a story of the persona at work.</p>
      )}
      {items.length > 0 && (
        <ul className="items scenarios">
          {items.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list
            <li key={i} className="item" data-index={i}>
              {editing === i ? (
                form(i)
              ) : (
                <>
                  <div className="scenario">
                    <strong>{s.title}</strong>
                    {s.text && <p>{s.text}</p>}
                  </div>
                  <span className="row-tools">
                    <button
                      type="button"
                      className="ghost"
                      data-button="edit"
                      aria-label={`Edit scenario ${i + 1}`}
                      onClick={() => open(i)}
                    >
                      Edit
                    </button>
                    <RowTools
                      noun="scenario"
                      index={i}
                      count={items.length}
                      onMove={(to) => move(i, to)}
                    />
                    <DeleteButton
                      what={`scenario ${i + 1}`}
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
      {editing === items.length && <div className="item adding">{form(items.length)}</div>}
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
          + Add a scenario
        </button>
      )}
    </div>
  );
}
