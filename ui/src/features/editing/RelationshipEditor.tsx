import { useCallback } from "react";
import type { RelationshipChoice, RelationshipKind } from "../../ipc";
import { EditorDialog } from "./EditorDialog";
import { ChoiceField, TextField } from "./Fields";
import {
  emptyRelationship,
  RELATIONSHIP_KINDS,
  type RelationshipDraft,
  relationshipDraft,
  relationshipEdit,
} from "./relationshipForm";

type Props = {
  /** The relationship whose weight to change; a new one when absent. */
  existing?: RelationshipChoice;
  onDone: (saved: boolean) => void;
};

/**
 * Adds a relationship between two personas, or changes the weight of an
 * existing one. Relationships have no id: the two personas and the kind
 * name one, so those are fixed while a relationship is edited (changing
 * them would add another relationship, not change this one).
 */
export function RelationshipEditor({ existing, onDone }: Props) {
  const load = useCallback(
    () => Promise.resolve(existing ? relationshipDraft(existing) : emptyRelationship()),
    [existing],
  );
  const fixed = existing !== undefined;
  return (
    <EditorDialog<RelationshipDraft>
      toEdit={relationshipEdit}
      title={fixed ? "Edit relationship" : "New relationship"}
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
              disabled={fixed}
            />
            <label className="field">
              <span>How</span>
              <select
                name="kind"
                value={draft.kind}
                disabled={fixed}
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
              disabled={fixed}
            />
          </div>
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
              {fixed
                ? "To relate them another way, add a new relationship."
                : "The same two personas and kind again change the weight."}
            </p>
          </div>
        </>
      )}
    </EditorDialog>
  );
}
