import {
  type CustomerSegmentDraft,
  customerSegmentDraft,
  customerSegmentValue,
  emptyCustomerSegment,
} from "./customerSegmentForm";
import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NameFields, TextField } from "./Fields";

/** Creates or edits a customer segment: an attitude and how much it matters. */
export function CustomerSegmentEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader(
    "customer_segment",
    id,
    taken,
    emptyCustomerSegment,
    customerSegmentDraft,
  );
  return (
    <EditorDialog<CustomerSegmentDraft>
      kind="customer_segment"
      title={id === null ? "New customer segment" : "Edit customer segment"}
      load={load}
      creating={id === null}
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
