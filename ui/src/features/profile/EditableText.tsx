import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

/**
 * Saves a text and resolves to what the core said against it, or null when
 * it was saved.
 */
export type SaveText = (text: string) => Promise<string | null>;

type Props = {
  /** What the field is, for screen readers: "Quote", "Goal 2". */
  label: string;
  value: string | null;
  /** Shown, muted, when there is no value: "Add a quote". */
  placeholder: string;
  onSave: SaveText;
  multiline?: boolean;
  /** Rules and other code-like text. */
  mono?: boolean;
  /** How the shown text is styled (a heading, a quote). */
  className?: string;
  /** Opens already editing, for a row being added. */
  startEditing?: boolean;
  /** Called when editing ends without a save (Escape, or nothing changed). */
  onCancel?: () => void;
};

/**
 * A text shown as it reads, that becomes a field on a click or Enter.
 * Enter (or leaving the field) saves through the core, Escape puts the text
 * back. A refused save keeps the field open with the user's text and the
 * core's reason beside it.
 */
export function EditableText({
  label,
  value,
  placeholder,
  onSave,
  multiline = false,
  mono = false,
  className = "",
  startEditing = false,
  onCancel,
}: Props) {
  const [editing, setEditing] = useState(startEditing);
  const [draft, setDraft] = useState(value ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Refs, not state: the blur that follows Enter or Escape must see at once
  // that the edit is over.
  const open = useRef(startEditing);
  const refocus = useRef(false);
  const saving = useRef(false);
  const shown = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (editing) {
      const field = input.current ?? area.current;
      field?.focus();
      // The caret at the end, where a user adds to a text.
      field?.setSelectionRange(field.value.length, field.value.length);
    } else if (refocus.current) {
      refocus.current = false;
      shown.current?.focus();
    }
  }, [editing]);

  const begin = () => {
    open.current = true;
    setDraft(value ?? "");
    setError(null);
    setEditing(true);
  };

  const close = (keyboard: boolean) => {
    open.current = false;
    refocus.current = keyboard && !startEditing;
    setEditing(false);
    setError(null);
  };

  const cancel = (keyboard: boolean) => {
    close(keyboard);
    onCancel?.();
  };

  const commit = (keyboard: boolean) => {
    if (!open.current || saving.current) return;
    if (draft === (value ?? "")) {
      cancel(keyboard);
      return;
    }
    saving.current = true;
    setBusy(true);
    onSave(draft)
      .then((problem) => {
        if (problem === null) close(keyboard);
        else setError(problem);
      })
      .finally(() => {
        saving.current = false;
        setBusy(false);
      });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === "Escape") {
      // Handled: the page must not take Escape as "go back".
      e.preventDefault();
      cancel(true);
    } else if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commit(true);
    }
  };

  if (!editing) {
    return (
      <button
        ref={shown}
        type="button"
        className={`editable ${mono ? "mono" : ""} ${className}`}
        onClick={begin}
      >
        <span className="visually-hidden">Edit {label}: </span>
        {value ? (
          <span className="editable-text">{value}</span>
        ) : (
          <span className="editable-empty">{placeholder}</span>
        )}
        <span className="pencil" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }

  const common = {
    "aria-label": label,
    "aria-invalid": error !== null,
    "aria-describedby": error !== null ? errorId : undefined,
    className: `editable-input ${mono ? "mono" : ""} ${className}`,
    value: draft,
    placeholder,
    readOnly: busy,
    onKeyDown,
    onBlur: () => commit(false),
  };
  return (
    <span className="editable-field">
      {multiline ? (
        <textarea
          ref={area}
          {...common}
          rows={Math.min(8, Math.max(3, draft.split("\n").length + 1))}
          onChange={(e) => setDraft(e.target.value)}
        />
      ) : (
        <input ref={input} {...common} onChange={(e) => setDraft(e.target.value)} />
      )}
      {error !== null ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="editable-hint">
          {multiline
            ? "Enter saves · Shift+Enter new line · Esc cancels"
            : "Enter saves · Esc cancels"}
        </span>
      )}
    </span>
  );
}
