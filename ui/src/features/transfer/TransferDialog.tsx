import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import type { IpcError } from "../../ipc";
import { failureHeadline } from "./transfer";
import "./transfer.css";

type Props = {
  /** The heading, which also names the dialog. */
  title: string;
  /** A line under the heading: which file, read as what. */
  subtitle?: ReactNode;
  /** Wider, for a comparison's field-by-field lines. */
  wide?: boolean;
  /** The body is read rather than acted on: the focus starts on it, so
   * that the keys scroll it at once. */
  readFirst?: boolean;
  /** A call is running: the buttons wait, and Escape does not close. */
  busy: boolean;
  /** What failed last, shown above the body with its placed problems. */
  failure: IpcError | null;
  /** What the body's scrolling region is called, for a screen reader. */
  bodyLabel: string;
  /** Escape, or the caller's Cancel or Close. */
  onClose: () => void;
  /** Enter in the form, or the submit button. */
  onSubmit?: () => void;
  children: ReactNode;
  /** The buttons, in the order they show, the main one last. */
  actions: ReactNode;
};

/**
 * The frame of the transfer dialogs, looking and behaving as the editors
 * do (EditorDialog): a modal <dialog>, which keeps the focus inside it,
 * over a page that stops scrolling while it is open (`html.form-open`);
 * the body scrolls between the heading and the buttons. On open the focus
 * goes to the element marked `data-autofocus`, or else the first choice,
 * or else the main button; on close it goes back where it was.
 */
export function TransferDialog({
  title,
  subtitle,
  wide = false,
  readFirst = false,
  busy,
  failure,
  bodyLabel,
  onClose,
  onSubmit,
  children,
  actions,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Where the focus was last inside the dialog: a button disabled while a
  // call runs drops the focus, which comes back here when it is done.
  const lastFocused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    document.documentElement.classList.add("form-open");
    return () => document.documentElement.classList.remove("form-open");
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    const before = document.activeElement;
    if (!d.open) d.showModal();
    first(d)?.focus();
    return () => {
      if (before instanceof HTMLElement && before !== document.body && before.isConnected)
        before.focus();
    };
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (busy || d === null || d.contains(document.activeElement)) return;
    const back = lastFocused.current;
    (back?.isConnected && !back.matches(":disabled") ? back : first(d))?.focus();
  }, [busy]);

  // A new failure shows at the top, wherever the body was scrolled to.
  const body = useRef<HTMLElement>(null);
  useEffect(() => {
    if (failure !== null) body.current?.scrollTo({ top: 0 });
  }, [failure]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit?.();
  };

  return (
    <dialog
      ref={dialog}
      className={wide ? "editor tr-dialog tr-wide" : "editor tr-dialog"}
      aria-label={title}
      aria-busy={busy}
      onCancel={(e) => {
        // The dialog closes when the page says so, never by itself: a
        // call still running would come back to a dialog that is gone.
        e.preventDefault();
        if (!busy) onClose();
      }}
      onFocus={(e) => {
        if (e.target instanceof HTMLElement) lastFocused.current = e.target;
      }}
    >
      <form onSubmit={submit}>
        <header className="tr-head">
          <h2>{title}</h2>
          {subtitle && <p className="tr-subtitle">{subtitle}</p>}
        </header>
        {/* Focusable so that the keys scroll it when it runs long. A
            failure is its first part: a file's problems can run to
            hundreds, and scroll with the rest. */}
        <section
          ref={body}
          className="editor-body tr-body"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls; a keyboard user must be able to reach it
          tabIndex={0}
          aria-label={bodyLabel}
          data-autofocus={readFirst ? "" : undefined}
        >
          {failure && <Failure error={failure} />}
          {children}
        </section>
        <div className="actions end">{actions}</div>
      </form>
    </dialog>
  );
}

// What takes the focus when the dialog opens, best first.
const FIRST = [
  "[data-autofocus]:not(:disabled)",
  "select:not(:disabled)",
  "button.primary:not(:disabled)",
  "button:not(:disabled)",
];

/** The element to focus when the dialog opens or a call gave it back. */
function first(dialog: HTMLDialogElement): HTMLElement | null {
  for (const selector of FIRST) {
    const found = dialog.querySelector<HTMLElement>(selector);
    if (found !== null) return found;
  }
  return null;
}

/** What went wrong, and where: each problem placed on its cell, line or
 * field, in the order the core found them. */
export function Failure({ error }: { error: IpcError }) {
  return (
    <div className="form-error tr-failure" role="alert">
      <p>{failureHeadline(error)}</p>
      {error.problems.length > 0 && (
        <ul className="tr-problems">
          {error.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share a place and a message
            <li key={i}>
              {p.path !== "" && <code className="tr-place">{p.path}</code>}
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
