import type { StarterSet } from "../../ipc";
import { kindCount, type SetState } from "./starter";
import "./starter.css";

export type StarterSetListProps = {
  sets: readonly StarterSet[];
  /** Where adding each set stands, by its id. */
  states: ReadonlyMap<string, SetState>;
  /** A set is being added: the others wait. */
  busy: boolean;
  onAdd: (set: StarterSet) => void;
};

/** The starter sets, each with what it adds as chips and an Add button
 * that says what it did. Buttons are never disabled, only marked so, so
 * the focus stays on the one just pressed. */
export function StarterSetList({ sets, states, busy, onAdd }: StarterSetListProps) {
  return (
    <ul className="st-sets">
      {sets.map((set) => {
        const state = states.get(set.id);
        const done = state?.kind === "added";
        const adding = state?.kind === "adding";
        // An added set can be pressed again: after an undo it adds again,
        // and while the project has it all the core says so.
        const waits = busy;
        return (
          <li key={set.id} className={done ? "st-set added" : "st-set"}>
            <div className="st-set-head">
              <div className="st-set-title">
                <h3 className="st-set-name">{set.name}</h3>
                <span className="st-kind">{kindCount(set.kind, set.items.length)}</span>
              </div>
              <button
                type="button"
                className={done ? "st-add" : "st-add primary"}
                aria-disabled={waits}
                aria-label={done ? `Add ${set.name} again` : `Add ${set.name}`}
                onClick={() => {
                  if (!waits) onAdd(set);
                }}
              >
                {adding ? "Adding…" : done ? "Added ✓" : "Add"}
              </button>
            </div>
            <p className="st-desc">{set.description}</p>
            <ul className="st-chips" aria-label={`What “${set.name}” adds`}>
              {set.items.map((item) => (
                <li key={item} className="st-chip">
                  {item}
                </li>
              ))}
            </ul>
            {state?.kind === "added" && (
              <p className="st-said" role="status">
                {state.message}
              </p>
            )}
            {state?.kind === "failed" && (
              <p className="form-error" role="alert">
                {state.message}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
