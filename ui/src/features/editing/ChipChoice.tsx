import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";
import { arrowTarget, tabStop } from "./chips";

/** The chip after the choices that starts a new one of their kind. */
export type NewChip = {
  /** "market segment"…, as the chip says it: "+ New market segment". */
  what: string;
  /** Whether its name is being asked for (the chip is then pressed). */
  open: boolean;
  /** Opens the naming, or closes it when it is open. */
  onToggle: () => void;
};

/**
 * A labelled choice of one among a few, drawn as chips that pick with one
 * click: a radio group whose first chip is None. Like native radios, only
 * the chosen chip is in the Tab order and the arrow keys move and pick;
 * Space and Enter pick the chip that has the focus. Clicking the chosen
 * chip keeps it: None is how to clear the choice.
 *
 * The New chip, when there is one, is a plain button after the group, not
 * one of its radios, so that arrowing through the choices never opens the
 * naming field (which takes the focus). `after` is drawn under the chips,
 * where the naming field goes.
 */
export function ChipChoice({
  label,
  value,
  choices,
  none = "None",
  onChange,
  error,
  create,
  after,
}: {
  label: string;
  value: string;
  choices: readonly { id: string; name: string }[];
  none?: string;
  onChange: (id: string) => void;
  error: string | undefined;
  create?: NewChip;
  after?: ReactNode;
}) {
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const errorId = useId();
  const options = [{ id: "", name: none }, ...choices];
  const stop = tabStop(
    options.map((o) => o.id),
    value,
  );
  const move = (press: KeyboardEvent, from: number) => {
    const to = arrowTarget(press, from, options.length);
    const target = to === null ? undefined : options[to];
    if (to === null || target === undefined) return;
    press.preventDefault();
    onChange(target.id);
    radios.current[to]?.focus();
  };
  return (
    <div className="field chip-field">
      <span>{label}</span>
      <div className="chip-line">
        <div
          role="radiogroup"
          aria-label={label}
          aria-invalid={error !== undefined}
          aria-describedby={error ? errorId : undefined}
          className="chips"
        >
          {options.map((o, i) => (
            // A chip is one element with its name as its text, drawn and
            // focused like the form's other buttons; a native radio would
            // be a hidden input under a styled label. The button takes the
            // radio role and the radios' keys (see `move`).
            // biome-ignore lint/a11y/useSemanticElements: see above
            <button
              key={o.id}
              ref={(el) => {
                radios.current[i] = el;
              }}
              type="button"
              role="radio"
              className="chip"
              value={o.id}
              aria-checked={o.id === value}
              tabIndex={i === stop ? 0 : -1}
              onClick={() => onChange(o.id)}
              onKeyDown={(e) => move(e, i)}
            >
              {o.name}
            </button>
          ))}
        </div>
        {create && (
          <button
            type="button"
            className="chip chip-new"
            aria-expanded={create.open}
            onClick={create.onToggle}
          >
            <span aria-hidden="true">+</span> New {create.what}
          </button>
        )}
      </div>
      {after}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
