import { useCallback } from "react";
import { entity } from "../../ipc";
import {
  type CustomerSegmentDraft,
  customerSegmentDraft,
  customerSegmentValue,
  emptyCustomerSegment,
} from "./customerSegmentForm";
import { EditorDialog } from "./EditorDialog";
import { NameFields, TextField } from "./Fields";

type Props = {
  /** The segment to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new segment gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Creates or edits a customer segment: an attitude and how much it matters. */
export function CustomerSegmentEditor({ id, taken, onDone }: Props) {
  const load = useCallback(
    () =>
      id === null
        ? Promise.resolve(emptyCustomerSegment(taken))
        : entity("customer_segment", id).then(customerSegmentDraft),
    [id, taken],
  );
  return (
    <EditorDialog<CustomerSegmentDraft>
      kind="customer_segment"
      title={id === null ? "New customer segment" : "Edit customer segment"}
      load={load}
      toValue={customerSegmentValue}
      placed={/^(name|description|priority)$/}
      onDone={onDone}
    >
      {(form) => (
        <>
          <NameFields form={form} />
          <div className="grid2">
            <TextField
              label="Priority (1–5)"
              name="priority"
              value={form.draft.priority}
              onChange={(priority) => form.set({ priority })}
              error={form.problem("priority")}
              numeric
            />
          </div>
        </>
      )}
    </EditorDialog>
  );
}
