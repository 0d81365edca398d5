import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type IpcError, type SavedView, toIpcError } from "../../ipc";
import { Failure } from "../transfer/TransferDialog";
import { describeView, moveView, placeFailure, removeView, renameView, rowAction } from "./views";
import "./views.css";

export type ViewsPanelProps = {
  /** The project's saved views, in their order. */
  views: readonly SavedView[];
  /** The name of an id (a segment, a role, a product). */
  names: (id: string) => string;
  /** Puts the view on the map. */
  onApply: (view: SavedView, index: number) => void;
  /** Saves the whole edited list (the caller sends it with `setViews`, one
   * edit that undo takes back); a rejection is shown in the panel. */
  onChange: (views: SavedView[]) => Promise<void>;
  /** Presents the views full-window, from the one at `start`. */
  onPresent: (start: number) => void;
  /** Opens Save View for what the map shows now; without it the panel has
   * no Save button (the menu and Ctrl+D still save). */
  onSaveNew?: () => void;
  /** The name of the view last applied, marked as the current one. */
  current?: string | null;
};

/** Which part of a row takes the focus once the list has changed. */
type Part = "apply" | "up" | "down" | "rename";

/** Where the focus goes next, once `views` is no longer `waitFor` (the
 * list as it was before a change, still drawn until the change is back). */
type FocusNext = {
  to: { name: string; part: Part } | "panel";
  waitFor: readonly SavedView[] | null;
};

/** What the core refused, and which row's rename it was, if one. */
type Refusal = { error: IpcError; renaming: number | null };

/**
 * The saved views, compact enough for the map's side: each row applies its
 * view, and has buttons to move it, rename it in place, present from it and
 * delete it. Every change is the whole list sent back through `onChange`,
 * which undo takes back, so deleting asks nothing.
 *
 * Keys on a row: Up and Down (Home, End) go through the rows, Enter applies,
 * Alt+Up and Alt+Down move the view, F2 renames, Delete deletes. Only the
 * row last visited is in the Tab order, as in a list box.
 */
export function ViewsPanel({
  views,
  names,
  onApply,
  onChange,
  onPresent,
  onSaveNew,
  current = null,
}: ViewsPanelProps) {
  const [active, setActive] = useState(0);
  const [renaming, setRenaming] = useState<{ index: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  // Where the focus goes once the changed list is drawn: a row that React
  // moves to reorder the list loses the focus, one at an end of the list
  // has its button disabled, and a deleted row takes its focus with it.
  const pendingFocus = useRef<FocusNext | null>(null);
  // An Enter and the blur that follows it must not save twice.
  const committing = useRef(false);

  const row = Math.min(active, Math.max(views.length - 1, 0));

  useEffect(() => {
    const next = pendingFocus.current;
    const panel = root.current;
    if (next === null || panel === null || next.waitFor === views) return;
    pendingFocus.current = null;
    const to = next.to;
    if (to === "panel") {
      panel.querySelector<HTMLElement>(".vw-head h2")?.focus();
      return;
    }
    const part = (p: Part) =>
      panel.querySelector<HTMLElement>(`[data-view="${CSS.escape(to.name)}"] [data-part="${p}"]`);
    const el = part(to.part);
    (el === null || el.matches(":disabled") ? part("apply") : el)?.focus();
  });

  const send = (list: SavedView[], renamingIndex: number | null, then: () => void) => {
    setBusy(true);
    setRefusal(null);
    setSaid(null);
    onChange(list)
      .then(then)
      .catch((e: unknown) => {
        setRefusal({ error: toIpcError(e), renaming: renamingIndex });
        const view = renamingIndex === null ? undefined : views[renamingIndex];
        // A refused name stays in its field, to be corrected; the focus
        // goes back to it unless the user has gone elsewhere.
        const here = document.activeElement;
        const stayed = here === null || here === document.body || root.current?.contains(here);
        if (view !== undefined && stayed)
          pendingFocus.current = { to: { name: view.name, part: "rename" }, waitFor: null };
      })
      .finally(() => {
        committing.current = false;
        setBusy(false);
      });
  };

  const move = (index: number, delta: -1 | 1, part: Part) => {
    const view = views[index];
    const to = index + delta;
    if (busy || view === undefined || to < 0 || to >= views.length) return;
    send(moveView(views, index, delta), null, () => {
      setActive(to);
      pendingFocus.current = { to: { name: view.name, part }, waitFor: views };
    });
  };

  const remove = (index: number) => {
    const view = views[index];
    if (busy || view === undefined) return;
    send(removeView(views, index), null, () => {
      const next = views[index + 1] ?? views[index - 1];
      setActive(Math.max(index + 1 < views.length ? index : index - 1, 0));
      pendingFocus.current = {
        to: next === undefined ? "panel" : { name: next.name, part: "apply" },
        waitFor: views,
      };
      setSaid(`Deleted “${view.name}”. Undo with Ctrl+Z.`);
    });
  };

  const startRename = (index: number) => {
    const view = views[index];
    if (busy || view === undefined) return;
    setRefusal(null);
    setSaid(null);
    setRenaming({ index, text: view.name });
  };

  const stopRename = (focusRow: boolean) => {
    const index = renaming?.index;
    setRenaming(null);
    setRefusal(null);
    const view = index === undefined ? undefined : views[index];
    if (focusRow && view !== undefined)
      pendingFocus.current = { to: { name: view.name, part: "apply" }, waitFor: null };
  };

  // `keyboard`: Enter, after which the focus goes back to the row; a blur
  // leaves it where the user put it.
  const commitRename = (keyboard: boolean) => {
    if (renaming === null || committing.current) return;
    const view = views[renaming.index];
    const name = renaming.text.trim();
    if (view === undefined || name === "" || name === view.name) {
      stopRename(keyboard);
      return;
    }
    committing.current = true;
    const index = renaming.index;
    send(renameView(views, index, name), index, () => {
      setRenaming(null);
      if (keyboard) pendingFocus.current = { to: { name, part: "apply" }, waitFor: views };
    });
  };

  const renameKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      // Handled: the map must not also take Escape as "let go".
      e.preventDefault();
      stopRename(true);
    } else if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commitRename(true);
    }
  };

  const rowKeys = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const action = rowAction(
      e.key,
      { alt: e.altKey, ctrl: e.ctrlKey || e.metaKey },
      index,
      views.length,
    );
    if (action === null) return;
    e.preventDefault();
    if (action.kind === "focus") {
      setActive(action.to);
      const name = views[action.to]?.name;
      if (name !== undefined)
        root.current
          ?.querySelector<HTMLElement>(`[data-view="${CSS.escape(name)}"] [data-part="apply"]`)
          ?.focus();
    } else if (action.kind === "move") move(index, action.delta, "apply");
    else if (action.kind === "rename") startRename(index);
    else remove(index);
  };

  const placed =
    refusal === null
      ? null
      : refusal.renaming === null
        ? { name: undefined, rest: refusal.error }
        : placeFailure(refusal.error, refusal.renaming);

  return (
    <section ref={root} className="vw-panel" aria-label="Saved views" aria-busy={busy}>
      <div className="vw-head">
        {/* Takes the focus when the last view is deleted. */}
        <h2 tabIndex={-1}>Saved views</h2>
        {views.length > 0 && <span className="badge">{views.length}</span>}
        <div className="vw-head-actions">
          {onSaveNew && (
            <button
              type="button"
              className="small-button"
              onClick={onSaveNew}
              aria-keyshortcuts="Control+D"
            >
              Save view…
            </button>
          )}
          <button
            type="button"
            className="small-button"
            disabled={views.length === 0}
            onClick={() => onPresent(0)}
            aria-keyshortcuts="F5"
          >
            Present
          </button>
        </div>
      </div>
      {placed?.rest && <Failure error={placed.rest} />}
      {said && (
        <p className="vw-said" role="status">
          {said}
        </p>
      )}
      {views.length === 0 ? (
        <p className="vw-empty">
          No saved views yet. Set the filters and zoom, then Save View (Ctrl+D).
        </p>
      ) : (
        <ol className="vw-list">
          {views.map((view, i) => {
            const inTab = i === row ? 0 : -1;
            const isCurrent = view.name === current;
            return (
              <li
                key={view.name}
                data-view={view.name}
                className={isCurrent ? "vw-row current" : "vw-row"}
                onFocus={() => setActive(i)}
              >
                {renaming?.index === i ? (
                  <div className="vw-rename">
                    <input
                      // biome-ignore lint/a11y/noAutofocus: the field opens on the user's F2 or click, to be typed in
                      autoFocus
                      className="editable-input"
                      data-part="rename"
                      aria-label={`New name for “${view.name}”`}
                      aria-invalid={placed?.name !== undefined}
                      value={renaming.text}
                      readOnly={busy}
                      onFocus={(e) => e.currentTarget.select()}
                      onChange={(e) => setRenaming({ index: i, text: e.target.value })}
                      onKeyDown={renameKeys}
                      onBlur={() => {
                        // A failed rename stays open to be corrected, or
                        // cancelled with Escape.
                        if (placed === null) commitRename(false);
                      }}
                    />
                    {placed?.name !== undefined ? (
                      <span className="field-error" role="alert">
                        {placed.name}
                      </span>
                    ) : (
                      <span className="editable-hint">Enter to save, Escape to cancel</span>
                    )}
                  </div>
                ) : (
                  <button
                    type="button"
                    className="vw-apply"
                    data-part="apply"
                    tabIndex={inTab}
                    aria-current={isCurrent ? "true" : undefined}
                    title={view.note}
                    onClick={() => {
                      setSaid(null);
                      onApply(view, i);
                    }}
                    onKeyDown={(e) => rowKeys(e, i)}
                  >
                    <span className="vw-name">{view.name}</span>
                    <span className="vw-desc">{describeView(view, names)}</span>
                  </button>
                )}
                <div className="vw-tools">
                  <button
                    type="button"
                    className="icon"
                    data-part="up"
                    tabIndex={inTab}
                    disabled={busy || i === 0}
                    aria-label={`Move “${view.name}” up`}
                    title="Move up (Alt+↑)"
                    onClick={() => move(i, -1, "up")}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    data-part="down"
                    tabIndex={inTab}
                    disabled={busy || i === views.length - 1}
                    aria-label={`Move “${view.name}” down`}
                    title="Move down (Alt+↓)"
                    onClick={() => move(i, 1, "down")}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon"
                    tabIndex={inTab}
                    disabled={busy || renaming?.index === i}
                    aria-label={`Rename “${view.name}”`}
                    title="Rename (F2)"
                    onClick={() => startRename(i)}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon"
                    tabIndex={inTab}
                    aria-label={`Present from “${view.name}”`}
                    title="Present from here"
                    onClick={() => onPresent(i)}
                  >
                    ▶
                  </button>
                  <button
                    type="button"
                    className="icon"
                    tabIndex={inTab}
                    disabled={busy}
                    aria-label={`Delete “${view.name}”`}
                    title="Delete (Delete); Ctrl+Z brings it back"
                    onClick={() => remove(i)}
                  >
                    ×
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
