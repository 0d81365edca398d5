import { useCallback } from "react";
import { entity } from "../../ipc";
import { EditorDialog } from "./EditorDialog";
import { NameFields, TextField } from "./Fields";
import {
  emptyMarketSegment,
  type MarketSegmentDraft,
  marketSegmentDraft,
  marketSegmentValue,
} from "./marketSegmentForm";

type Props = {
  /** The segment to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new segment gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Creates or edits a market segment: who it is, how big, how important. */
export function MarketSegmentEditor({ id, taken, onDone }: Props) {
  const load = useCallback(
    () =>
      id === null
        ? Promise.resolve(emptyMarketSegment(taken))
        : entity("market_segment", id).then(marketSegmentDraft),
    [id, taken],
  );
  return (
    <EditorDialog<MarketSegmentDraft>
      kind="market_segment"
      title={id === null ? "New market segment" : "Edit market segment"}
      load={load}
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
