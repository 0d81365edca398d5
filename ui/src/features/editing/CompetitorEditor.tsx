import { useCallback } from "react";
import { entity } from "../../ipc";
import {
  type CompetitorDraft,
  competitorDraft,
  competitorValue,
  emptyCompetitor,
} from "./competitorForm";
import { EditorDialog } from "./EditorDialog";
import { NameFields } from "./Fields";
import { NeedScores } from "./NeedScores";

type Props = {
  /** The competitor to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new competitor gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Creates or edits a competitor and how well it meets each need, which the
 * value gaps weigh against our products. */
export function CompetitorEditor({ id, taken, onDone }: Props) {
  const load = useCallback(
    () =>
      id === null
        ? Promise.resolve(emptyCompetitor(taken))
        : entity("competitor", id).then(competitorDraft),
    [id, taken],
  );
  return (
    <EditorDialog<CompetitorDraft>
      kind="competitor"
      title={id === null ? "New competitor" : "Edit competitor"}
      load={load}
      toValue={competitorValue}
      placed={/^(name|description|addresses\[\d+\]\.(need|score))$/}
      onDone={onDone}
    >
      {(form) => {
        const { draft, set, catalog, problem } = form;
        return (
          <>
            <NameFields form={form} />
            <NeedScores
              rows={draft.addresses}
              catalog={catalog}
              problem={problem}
              empty="None yet. Add the needs it meets to compare it with your products."
              onChange={(addresses) => set({ addresses })}
            />
          </>
        );
      }}
    </EditorDialog>
  );
}
