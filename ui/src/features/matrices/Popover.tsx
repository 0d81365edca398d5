import {
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { edit, type ProductRelation, toIpcError } from "../../ipc";
import { meaning, nextRelations, parseScore, RELATIONS, scoreText } from "./cells";
import { popoverPlace } from "./rows";

/**
 * A small modal form beside the cell it edits. Being a modal <dialog>, it
 * keeps focus inside and closes on Escape; focus goes back to the cell.
 */
function Popover({
  title,
  anchor,
  onClose,
  children,
}: {
  title: string;
  anchor: HTMLElement;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (!d.open) d.showModal();
    const size = d.getBoundingClientRect();
    const at = popoverPlace(anchor.getBoundingClientRect(), size, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
    d.style.top = `${at.top}px`;
    d.style.left = `${at.left}px`;
    return () => {
      if (anchor.isConnected) anchor.focus();
    };
  }, [anchor]);

  // A click on the backdrop lands on the dialog itself, outside its box.
  const outside = (e: MouseEvent<HTMLDialogElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const inside =
      e.clientX >= box.left &&
      e.clientX <= box.right &&
      e.clientY >= box.top &&
      e.clientY <= box.bottom;
    if (e.target === e.currentTarget && !inside) onClose();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes it, through onCancel
    <dialog
      ref={dialog}
      className="mx-popover"
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={outside}
    >
      <h2 className="mx-popover-title">{title}</h2>
      {children}
    </dialog>
  );
}

/** Ticks how a persona relates to a product; no tick unlinks them. */
export function LinkPopover({
  anchor,
  persona,
  product,
  current,
  onSaved,
  onClose,
}: {
  anchor: HTMLElement;
  persona: { id: string; name: string };
  product: { id: string; name: string };
  current: readonly ProductRelation[];
  onSaved: (relations: ProductRelation[]) => void;
  onClose: () => void;
}) {
  const [ticked, setTicked] = useState<Set<ProductRelation>>(() => new Set(current));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const relations = nextRelations(current, ticked);
    setBusy(true);
    edit({ op: "link_product", persona: persona.id, product: product.id, relations })
      .then(() => onSaved(relations))
      .catch((err: unknown) => {
        setFailure(toIpcError(err).message);
        setBusy(false);
      });
  };
  const toggle = (r: ProductRelation, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(r);
      else next.delete(r);
      return next;
    });

  return (
    <Popover title={`${persona.name} × ${product.name}`} anchor={anchor} onClose={onClose}>
      <form className="mx-form" onSubmit={save}>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <fieldset>
          <legend className="visually-hidden">How the persona relates to the product</legend>
          {RELATIONS.map((r) => (
            <label key={r} className="mx-check">
              <input
                type="checkbox"
                name={r}
                checked={ticked.has(r)}
                onChange={(e) => toggle(r, e.target.checked)}
              />
              {meaning(r)}
            </label>
          ))}
        </fieldset>
        {ticked.size === 0 && current.length > 0 && (
          <p className="muted small">With nothing ticked, Save unlinks them.</p>
        )}
        <div className="actions end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Popover>
  );
}

/** Sets how well one offer meets one need, or that it does not address it. */
export function ScorePopover({
  anchor,
  offering,
  need,
  current,
  metAt,
  onSaved,
  onClose,
}: {
  anchor: HTMLElement;
  offering: { id: string; name: string };
  need: { id: string; name: string };
  current: number | null;
  metAt: number;
  onSaved: (score: number | null) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState(scoreText(current));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const store = (score: number | null) => {
    setBusy(true);
    setFailure(null);
    edit({ op: "score", offering: offering.id, need: need.id, score })
      .then(() => onSaved(score))
      .catch((err: unknown) => {
        setFailure(toIpcError(err).message);
        setBusy(false);
      });
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const read = parseScore(text);
    if ("error" in read) {
      setInvalid(read.error);
      return;
    }
    setInvalid(null);
    store(read.score);
  };

  return (
    <Popover title={`${offering.name} × ${need.name}`} anchor={anchor} onClose={onClose}>
      <form className="mx-form" onSubmit={save} noValidate>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <label className="field">
          <span>Score (0–1)</span>
          <input
            name="score"
            inputMode="decimal"
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the popover exists to type this one value
            autoFocus
            value={text}
            aria-invalid={invalid !== null}
            aria-describedby="mx-score-hint"
            onChange={(e) => setText(e.target.value)}
          />
          {invalid ? (
            <span className="field-error" id="mx-score-hint">
              {invalid}
            </span>
          ) : (
            <span className="muted small" id="mx-score-hint">
              0 = not at all, 1 = fully; it meets the need from {metAt.toFixed(2)}.
            </span>
          )}
        </label>
        <div className="actions end">
          {current !== null && (
            <button type="button" className="mx-remove" disabled={busy} onClick={() => store(null)}>
              Not addressed
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Popover>
  );
}
