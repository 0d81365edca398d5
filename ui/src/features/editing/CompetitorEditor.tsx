import { useCallback } from "react";
import { entity } from "../../ipc";
import {
  type CompetitorDraft,
  competitorDraft,
  competitorValue,
  emptyCompetitor,
} from "./competitorForm";
import { sentIndex } from "./draft";
import { ChoiceRow, EditorDialog } from "./EditorDialog";
import { NameFields } from "./Fields";

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
        const rowProblem = (i: number) => {
          const at = sentIndex(draft.addresses, i, (a) => a.need !== "");
          return at === null
            ? undefined
            : (problem(`addresses[${at}].need`) ?? problem(`addresses[${at}].score`));
        };
        return (
          <>
            <NameFields form={form} />
            <fieldset>
              <legend>Needs it meets (score 0–1, 1 = fully)</legend>
              {draft.addresses.length === 0 && (
                <p className="muted small">
                  None yet. Add the needs it meets to compare it with your products.
                </p>
              )}
              {draft.addresses.map((a, i) => (
                <ChoiceRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  key={i}
                  label="Need"
                  index={i}
                  choices={catalog.needs}
                  choice={a.need}
                  number={a.score}
                  numberLabel="Score for need"
                  error={rowProblem(i)}
                  onChoice={(need) =>
                    set({
                      addresses: draft.addresses.map((x, j) => (j === i ? { ...x, need } : x)),
                    })
                  }
                  onNumber={(score) =>
                    set({
                      addresses: draft.addresses.map((x, j) => (j === i ? { ...x, score } : x)),
                    })
                  }
                  onRemove={() => set({ addresses: draft.addresses.filter((_, j) => j !== i) })}
                />
              ))}
              <button
                type="button"
                onClick={() => set({ addresses: [...draft.addresses, { need: "", score: "0.8" }] })}
              >
                Add a need
              </button>
            </fieldset>
          </>
        );
      }}
    </EditorDialog>
  );
}
