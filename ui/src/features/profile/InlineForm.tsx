import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A small form in place of a row (a scenario, a piece of evidence): Enter
 * in a one-line field or Ctrl+Enter anywhere saves, Escape cancels. The
 * first field takes the focus when it opens.
 */
export function InlineForm({
  label,
  busy,
  error,
  onSave,
  onCancel,
  children,
}: {
  label: string;
  busy: boolean;
  /** What the core said that no field shows. */
  error: string | undefined;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSave();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      // Handled: the page must not take Escape as "go back".
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy) onSave();
    }
  };
  return (
    <form
      ref={form}
      className="item-form"
      aria-label={label}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      {children}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="item-form-actions">
        <span className="editable-hint">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
