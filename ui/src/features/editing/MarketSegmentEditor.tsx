import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NameFields, TextField } from "./Fields";
import {
  emptyMarketSegment,
  type MarketSegmentDraft,
  marketSegmentDraft,
  marketSegmentValue,
} from "./marketSegmentForm";

/** Creates or edits a market segment: who it is, how big, how important. */
export function MarketSegmentEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("market_segment", id, taken, emptyMarketSegment, marketSegmentDraft);
  return (
    <EditorDialog<MarketSegmentDraft>
      kind="market_segment"
      title={id === null ? "New market segment" : "Edit market segment"}
      load={load}
      creating={id === null}
      toValue={marketSegmentValue}
      placed={/^(name|description|size|priority)$/}
      onDone={onDone}
    >
      {(form) => (
        <>
          <NameFields form={form} />
          <div className="grid2">
            <TextField
              label="Size (accounts or revenue)"
              name="size"
              value={form.draft.size}
              onChange={(size) => form.set({ size })}
              error={form.problem("size")}
              numeric
            />
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
