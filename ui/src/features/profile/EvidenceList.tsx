import { useRef, useState } from "react";
import type { Evidence, EvidenceKind, IpcError } from "../../ipc";
import { DeleteButton } from "../personas/PersonaList";
import { type SaveList, useListFocus } from "./EditableList";
import { InlineForm } from "./InlineForm";
import {
  EVIDENCE_KINDS,
  type EvidenceDraft,
  evidenceDraft,
  evidenceFacts,
  evidenceKindName,
  evidenceValue,
  problemAt,
  readableDate,
  removeItem,
  replaceItem,
  todayIso,
  unplaced,
} from "./profile";

const FIELDS = ["kind", "source", "date", "note"] as const;

/**
 * What the persona rests on: each piece with its kind, source, date and
 * note, edited in a small form in place. Every change sends the whole
 * `evidence` list, with the counts of a data check kept as they were.
 */
export function EvidenceList({ items, onSave }: { items: Evidence[]; onSave: SaveList<Evidence> }) {
  // The piece being edited; `items.length` for a new one.
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<EvidenceDraft>(evidenceDraft(null, ""));
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const pending = useListFocus(list, items, editing);

  const open = (i: number) => {
    setDraft(evidenceDraft(items[i] ?? null, todayIso()));
    setError(null);
    setEditing(i);
  };
  const close = (i: number) => {
    pending.current = { index: i, button: i < items.length ? "edit" : "add" };
    setEditing(null);
    setError(null);
  };
  const change = (next: Evidence[], closing: number | null) => {
    setError(null);
    setBusy(true);
    onSave(next)
      .then((refused) => {
        setError(refused);
        if (refused === null && closing !== null) close(closing);
      })
      .finally(() => setBusy(false));
  };

  const form = (i: number) => {
    const at = (f: string) => `evidence[${i}].${f}`;
    const problem = (f: string) => problemAt(error, at(f));
    const set = (patch: Partial<EvidenceDraft>) => setDraft({ ...draft, ...patch });
    return (
      <InlineForm
        label={i < items.length ? `Edit evidence ${i + 1}` : "New evidence"}
        busy={busy}
        error={unplaced(error, FIELDS.map(at))}
        onCancel={() => close(i)}
        onSave={() => change(replaceItem(items, i, evidenceValue(draft, items[i] ?? null)), i)}
      >
        <div className="evidence-fields">
          <label className="field">
            <span>Kind</span>
            <select
              name="evidence-kind"
              value={draft.kind}
              aria-invalid={problem("kind") !== undefined}
              onChange={(e) => set({ kind: e.target.value as EvidenceKind })}
            >
              {EVIDENCE_KINDS.map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
            </select>
            {problem("kind") && <span className="field-error">{problem("kind")}</span>}
          </label>
          <label className="field">
            <span>Date</span>
            <input
              name="evidence-date"
              type="date"
              value={draft.date}
              aria-invalid={problem("date") !== undefined}
              onChange={(e) => set({ date: e.target.value })}
            />
            {problem("date") && <span className="field-error">{problem("date")}</span>}
          </label>
          <label className="field wide">
            <span>Source</span>
            <input
              name="evidence-source"
              value={draft.source}
              placeholder="Which study, report or workshop"
              aria-invalid={problem("source") !== undefined}
              onChange={(e) => set({ source: e.target.value })}
            />
            {problem("source") && <span className="field-error">{problem("source")}</span>}
          </label>
          <label className="field wide">
            <span>Note</span>
            <textarea
              name="evidence-note"
              rows={2}
              value={draft.note}
              placeholder="What was learned, or a quote"
              aria-invalid={problem("note") !== undefined}
              onChange={(e) => set({ note: e.target.value })}
            />
            {problem("note") && <span className="field-error">{problem("note")}</span>}
          </label>
        </div>
      </InlineForm>
    );
  };

  return (
    <div className="edit-list" data-field="evidence" ref={list}>
      {items.length === 0 && editing === null && (
        <p className="empty-line">No evidence yet — add an interview, a survey or a data check.</p>
      )}
      {items.length > 0 && (
        <ul className="items evidence">
          {items.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a piece is its place in the list
            <li key={i} className="item" data-index={i}>
              {editing === i ? (
                form(i)
              ) : (
                <>
                  <div className="evidence-item">
                    <div className="evidence-head">
                      <span className={`kind-tag kind-${e.kind}`}>{evidenceKindName(e.kind)}</span>
                      {e.date && <span className="muted small">{readableDate(e.date)}</span>}
                    </div>
                    {e.source && <p className="evidence-source">{e.source}</p>}
                    {e.note && <p className="evidence-note">{e.note}</p>}
                    {evidenceFacts(e).length > 0 && (
                      <p className="muted small">{evidenceFacts(e).join(" · ")}</p>
                    )}
                  </div>
                  <span className="row-tools stacked">
                    <button
                      type="button"
                      className="ghost"
                      data-button="edit"
                      aria-label={`Edit evidence ${i + 1}`}
                      onClick={() => open(i)}
                    >
                      Edit
                    </button>
                    <DeleteButton
                      what={`evidence ${i + 1}`}
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
          + Add evidence
        </button>
      )}
    </div>
  );
}
