import { type ReactNode, useId } from "react";
import type { IpcError, StarterSet } from "../../ipc";
import { Failure } from "../transfer/TransferDialog";
import { StarterSetList } from "./StarterSetList";
import { useStarterAdding } from "./useStarterSets";
import "./starter.css";

export type EmptyProjectPanelProps = {
  /** The starter sets (`useStarterSets`); null while they are read. */
  sets: readonly StarterSet[] | null;
  /** Why the sets could not be read, if they could not. */
  failure?: IpcError | null;
  /** Opens the form for a new persona. */
  onNewPersona: () => void;
  /** More ways to start, shown after New persona (Import…, the demo). */
  children?: ReactNode;
};

/**
 * What an empty project shows instead of its map: how a map is made, a
 * New persona button, and the starter sets, each added with one click as
 * one edit that one undo takes back. It stays as it is while sets are
 * added, saying what each added, until the caller shows the map.
 */
export function EmptyProjectPanel({
  sets,
  failure = null,
  onNewPersona,
  children,
}: EmptyProjectPanelProps) {
  const adding = useStarterAdding(sets ?? []);
  const titleId = useId();
  return (
    <section className="st-panel" aria-labelledby={titleId}>
      <header className="st-panel-head">
        <h2 id={titleId}>Start your map</h2>
        <p>
          The map draws personas, each in a market segment with a buying role, and the products and
          needs around them. Start with a persona and fill in the rest as you go, or add a starter
          set of the roles, segments and needs most B2B portfolios begin with. Each set is one
          change: Undo (Ctrl+Z) takes it back.
        </p>
        <div className="actions st-actions">
          <button type="button" className="primary" onClick={onNewPersona}>
            New persona…
          </button>
          {sets !== null && sets.length > 0 && (
            <button
              type="button"
              aria-disabled={adding.busy || adding.left === 0}
              onClick={() => {
                if (!adding.busy && adding.left > 0) void adding.addAll();
              }}
            >
              {adding.left === 0 ? "All sets added" : "Add all starter sets"}
            </button>
          )}
          {children}
        </div>
      </header>
      {failure !== null ? (
        <Failure error={failure} />
      ) : sets === null ? (
        <p className="muted">Reading the starter sets…</p>
      ) : sets.length === 0 ? (
        <p className="muted">No starter sets are offered.</p>
      ) : (
        <section className="st-offer" aria-label="Starter sets">
          <h3 className="tr-section-head">Starter sets</h3>
          <StarterSetList
            sets={sets}
            states={adding.states}
            busy={adding.busy}
            onAdd={(set) => void adding.add(set)}
          />
        </section>
      )}
    </section>
  );
}
