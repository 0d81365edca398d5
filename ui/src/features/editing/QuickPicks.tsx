import { useEffect, useRef } from "react";
import { focusAfterPick } from "./chips";

/**
 * A line of chips under a list field's rows, "Add: [name] [name]…", each
 * adding a row for its choice with one click (the rows' dropdowns take
 * two, and an Add button before them). Each chip's accessible name says
 * all it does ("Add need Audit trail"), so the visible "Add:" is hidden
 * from assistive technology. Which choices show is the caller's
 * (see `quickPicks`); with none, nothing is drawn.
 *
 * A clicked chip leaves the line, so the focus, when it was on it, goes
 * to the chip that takes its place, or to what follows the line (the
 * form's Add button) once none is left: a focus dropped on the page would
 * make a keyboard user start over from the top of the form.
 */
export function QuickPicks({
  choices,
  pickLabel,
  onPick,
}: {
  choices: readonly { id: string; name: string }[];
  /** Each chip's accessible name from its choice's: "Add need Audit trail". */
  pickLabel: (name: string) => string;
  onPick: (id: string) => void;
}) {
  const line = useRef<HTMLDivElement>(null);
  // Where the focus goes once the picked chip is gone: a chip's index,
  // "next" for what follows the line, null when the focus was elsewhere.
  const refocus = useRef<number | "next" | null>(null);
  useEffect(() => {
    const to = refocus.current;
    if (to === null) return;
    refocus.current = null;
    const box = line.current;
    if (box === null) return;
    const target =
      to === "next"
        ? box.nextElementSibling
        : box.querySelectorAll<HTMLButtonElement>("button.quick-pick")[to];
    if (target instanceof HTMLElement) target.focus();
  });

  const pick = (id: string, index: number) => {
    if (line.current?.contains(document.activeElement)) {
      refocus.current = focusAfterPick(index, choices.length) ?? "next";
    }
    onPick(id);
  };

  // The line is there even when empty (CSS hides it), so that the focus
  // can still be moved on from it after its last chip was picked.
  return (
    <div ref={line} className="quick-picks">
      {choices.length > 0 && (
        <>
          <span className="quick-picks-lead" aria-hidden="true">
            Add:
          </span>
          {choices.map((c, i) => (
            <button
              key={c.id}
              type="button"
              className="chip quick-pick"
              value={c.id}
              aria-label={pickLabel(c.name)}
              onClick={() => pick(c.id, i)}
            >
              {c.name}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
