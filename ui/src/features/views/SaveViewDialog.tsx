import { type KeyboardEvent, useId, useRef, useState } from "react";
import { type IpcError, type SavedView, toIpcError } from "../../ipc";
import { TransferDialog } from "../transfer/TransferDialog";
import {
  indexOfView,
  namedView,
  placeFailure,
  replaceNotice,
  uniqueViewName,
  upsertView,
  type ViewDraft,
  viewFacts,
} from "./views";
import "./views.css";

export type SaveViewDialogProps = {
  /** The project's saved views, in their order. */
  views: readonly SavedView[];
  /** What the map shows now (see `draftView`). */
  draft: ViewDraft;
  /** The name of an id (a segment, a role, a product). */
  names: (id: string) => string;
  /** Saves the whole new list (the caller sends it with `setViews`, one
   * edit that undo takes back); a rejection is shown in the dialog. */
  onSave: (views: SavedView[]) => Promise<void>;
  /** Cancel, Escape, or the save went through. */
  onClose: () => void;
};

/**
 * Names what the map shows and saves it as a view: a new one at the end of
 * the list, or in place of the view of the same name, which the dialog says
 * before it is done. The core checks the list and says what is wrong; the
 * problems of this view show beside its fields.
 */
export function SaveViewDialog({ views, draft, names, onSave, onClose }: SaveViewDialogProps) {
  const [name, setName] = useState(() => uniqueViewName(views));
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  // What the core refused, and where in the list sent the view was.
  const [failure, setFailure] = useState<{ error: IpcError; index: number } | null>(null);
  const nameId = useId();
  const noteId = useId();
  // The offered name is selected once, so that typing replaces it.
  const selected = useRef(false);

  const replacing = name.trim() === "" ? -1 : indexOfView(views, name);
  const placed = failure === null ? null : placeFailure(failure.error, failure.index);

  const submit = () => {
    if (name.trim() === "") return;
    const list = upsertView(views, namedView(draft, name, note));
    const index = indexOfView(list, name);
    setBusy(true);
    setFailure(null);
    onSave(list)
      .then(() => onClose())
      .catch((e: unknown) => setFailure({ error: toIpcError(e), index }))
      .finally(() => setBusy(false));
  };

  // Ctrl+Enter in the note saves, as in the profile's multi-line fields;
  // Enter alone starts a new line there.
  const noteKeys = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };

  const existing = replacing >= 0 ? views[replacing] : undefined;
  return (
    <TransferDialog
      title="Save view"
      subtitle="The map's filters, layers and zoom, under a name, to come back to or present."
      busy={busy}
      failure={placed?.rest ?? null}
      bodyLabel="The view to save"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === ""}>
            {busy ? "Saving…" : existing ? "Replace" : "Save"}
          </button>
        </>
      }
    >
      <div className="vw-form">
        <label className="field" htmlFor={nameId}>
          <span>Name</span>
          <input
            id={nameId}
            data-autofocus
            value={name}
            aria-invalid={placed?.name !== undefined}
            aria-describedby={`${nameId}-says`}
            onFocus={(e) => {
              if (selected.current) return;
              selected.current = true;
              e.currentTarget.select();
            }}
            onChange={(e) => setName(e.target.value)}
          />
          <span id={`${nameId}-says`}>
            {placed?.name !== undefined ? (
              <span className="field-error">{placed.name}</span>
            ) : existing ? (
              <span className="vw-replace" role="status">
                {replaceNotice(existing.name, replacing, views.length)}
              </span>
            ) : null}
          </span>
        </label>
        <label className="field" htmlFor={noteId}>
          <span>
            Note <span className="vw-optional">(optional)</span>
          </span>
          <textarea
            id={noteId}
            rows={3}
            value={note}
            placeholder="What to say when this view is presented"
            aria-invalid={placed?.note !== undefined}
            onKeyDown={noteKeys}
            onChange={(e) => setNote(e.target.value)}
          />
          {placed?.note !== undefined && <span className="field-error">{placed.note}</span>}
        </label>
        <section className="vw-saved" aria-label="What the view keeps">
          <h3 className="tr-section-head">What the view keeps</h3>
          <dl className="vw-facts">
            {viewFacts(draft, names).map(([label, value]) => (
              <div key={label} className="vw-fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            To keep something else, cancel, set the map's filters, layers and zoom, and save again.
          </p>
        </section>
      </div>
    </TransferDialog>
  );
}
