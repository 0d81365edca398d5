import type { IpcError, StarterSet } from "../../ipc";
import { TransferDialog } from "../transfer/TransferDialog";
import { StarterSetList } from "./StarterSetList";
import { useStarterAdding } from "./useStarterSets";
import "./starter.css";

export type StarterSetsDialogProps = {
  /** The starter sets (`useStarterSets`); null while they are read. */
  sets: readonly StarterSet[] | null;
  /** Why the sets could not be read, if they could not. */
  failure?: IpcError | null;
  /** Close, or Escape (not while a set is being added). */
  onClose: () => void;
};

/** Edit › Add Starter Set…: the starter sets in a dialog, for a project
 * that is not empty any more. A set whose every item the project has is
 * refused by the core, which says so under the set. */
export function StarterSetsDialog({ sets, failure = null, onClose }: StarterSetsDialogProps) {
  const adding = useStarterAdding(sets ?? []);
  const offered = sets !== null && sets.length > 0;
  return (
    <TransferDialog
      title="Add a starter set"
      subtitle="Items the project has already (by name) are left out. Each set is one change: Undo (Ctrl+Z) takes it back."
      busy={adding.busy}
      failure={failure}
      bodyLabel="The starter sets"
      onClose={onClose}
      actions={
        <>
          {offered && (
            <button
              type="button"
              aria-disabled={adding.busy || adding.left === 0}
              onClick={() => {
                if (!adding.busy && adding.left > 0) void adding.addAll();
              }}
            >
              {adding.left === 0 ? "All sets added" : "Add all"}
            </button>
          )}
          <button type="button" className="primary" disabled={adding.busy} onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {failure !== null ? null : sets === null ? (
        <p className="muted">Reading the starter sets…</p>
      ) : sets.length === 0 ? (
        <p className="muted">No starter sets are offered.</p>
      ) : (
        <StarterSetList
          sets={sets}
          states={adding.states}
          busy={adding.busy}
          onAdd={(set) => void adding.add(set)}
        />
      )}
    </TransferDialog>
  );
}
