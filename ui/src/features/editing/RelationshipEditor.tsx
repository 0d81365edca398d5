import { useCallback } from "react";
import type { RelationshipKind } from "../../ipc";
import { EditorDialog } from "./EditorDialog";
import { ChoiceField, TextField } from "./Fields";
import {
  emptyRelationship,
  RELATIONSHIP_KINDS,
  type RelationshipDraft,
  relationshipEdit,
} from "./relationshipForm";

type Props = {
  /** The personas to start from, e.g. a listed relationship's. */
  from?: string;
  to?: string;
  /** Removes the relationship instead of adding or reweighing it. */
  removing?: boolean;
  onDone: (saved: boolean) => void;
};

/**
 * Adds a relationship between two personas, changes its weight (the same
 * two personas and kind again), or removes it. Relationships have no id:
 * the two personas and the kind name one.
 */
export function RelationshipEditor({ from = "", to = "", removing = false, onDone }: Props) {
  const load = useCallback(() => Promise.resolve(emptyRelationship(from, to)), [from, to]);
  const toEdit = useCallback((d: RelationshipDraft) => relationshipEdit(d, removing), [removing]);
  return (
    <EditorDialog<RelationshipDraft>
      toEdit={toEdit}
      title={removing ? "Remove a relationship" : "New relationship"}
      submitLabel={removing ? "Remove" : "Save"}
      danger={removing}
      load={load}
      placed={/^(from|to|kind|weight)$/}
      onDone={onDone}
    >
      {({ draft, set, catalog, problem }) => (
        <>
          <div className="relation">
            <ChoiceField
              label="Who"
              name="from"
              value={draft.from}
              choices={catalog.personas}
              none="Choose a persona"
              onChange={(v) => set({ from: v })}
              error={problem("from")}
              disabled={removing}
            />
            <label className="field">
              <span>How</span>
              <select
                name="kind"
                value={draft.kind}
                onChange={(e) => set({ kind: e.target.value as RelationshipKind })}
              >
                {RELATIONSHIP_KINDS.map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
              {problem("kind") && <span className="field-error">{problem("kind")}</span>}
            </label>
            <ChoiceField
              label="Whom"
              name="to"
              value={draft.to}
              choices={catalog.personas}
              none="Choose a persona"
              onChange={(v) => set({ to: v })}
              error={problem("to")}
              disabled={removing}
            />
          </div>
          {removing ? (
            <p className="muted small">
              Two personas can be related in several ways; choose the one to remove.
            </p>
          ) : (
            <div className="grid2">
              <TextField
                label="Weight (0–1, how strongly)"
                name="weight"
                value={draft.weight}
                onChange={(weight) => set({ weight })}
                error={problem("weight")}
                numeric
              />
              <p className="muted small hint">
                The same two personas and kind again change the weight.
              </p>
            </div>
          )}
        </>
      )}
    </EditorDialog>
  );
}
