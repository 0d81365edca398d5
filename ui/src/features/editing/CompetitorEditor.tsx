import {
  type CompetitorDraft,
  competitorDraft,
  competitorValue,
  emptyCompetitor,
} from "./competitorForm";
import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NameFields } from "./Fields";
import { NeedScores } from "./NeedScores";

/** Creates or edits a competitor and how well it meets each need, which the
 * value gaps weigh against our products. */
export function CompetitorEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("competitor", id, taken, emptyCompetitor, competitorDraft);
  return (
    <EditorDialog<CompetitorDraft>
      kind="competitor"
      title={id === null ? "New competitor" : "Edit competitor"}
      load={load}
      creating={id === null}
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
