import { useState } from "react";
import type { Choice, IpcError, StageView } from "../../ipc";
import type { SaveList } from "../profile/EditableList";
import { InlineForm } from "../profile/InlineForm";
import { problemAt, removeItem, unplaced } from "../profile/profile";
import { needMark, offeredNeeds } from "./journeys";

/**
 * The needs of one stage, each marked with the core's verdict (met by our
 * best product, or not), with a small form to add one of the project's
 * needs and a button to take one off. Every change sends the stage's whole
 * list of need ids.
 */
export function NeedsCell({
  index,
  stage,
  needs,
  onSave,
}: {
  /** The stage's place, which the core's problems name: `stages[1].needs[0]`. */
  index: number;
  stage: StageView;
  /** Every need of the project. */
  needs: readonly Choice[];
  onSave: SaveList<string>;
}) {
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const field = `stages[${index}].needs`;
  const ids = stage.needs.map((n) => n.id);
  const offered = offeredNeeds(needs, stage);

  const open = () => {
    setChosen(offered[0]?.id ?? "");
    setError(null);
    setAdding(true);
  };

  const add = () => {
    if (chosen === "") return;
    setBusy(true);
    setError(null);
    onSave([...ids, chosen])
      .then((refused) => {
        setError(refused);
        if (refused === null) setAdding(false);
      })
      .finally(() => setBusy(false));
  };

  const remove = (i: number) => {
    setError(null);
    onSave(removeItem(ids, i)).then(setError);
  };

  const at = `${field}[${ids.length}]`;
  // What the rows do not show of a refused removal.
  const rest = unplaced(
    error,
    ids.map((_, i) => `${field}[${i}]`),
  );
  return (
    <div className="jr-needs" data-field={field}>
      {stage.needs.length === 0 && !adding && <p className="empty-line">No needs yet.</p>}
      {stage.needs.length > 0 && (
        <ul className="jr-need-list">
          {stage.needs.map((n, i) => {
            const mark = needMark(n);
            const problem = problemAt(error, `${field}[${i}]`);
            return (
              <li key={n.id} className={`jr-need jr-need-${mark.tone}`} data-need={n.id}>
                <span className="jr-need-text">
                  <span className="jr-need-name">{n.name}</span>
                  <span className={`jr-mark jr-mark-${mark.tone}`}>
                    <span aria-hidden="true">{mark.tone === "met" ? "✓ " : "! "}</span>
                    {mark.text}
                  </span>
                  {problem && <span className="field-error">{problem}</span>}
                </span>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove need ${n.name} from ${stage.name}`}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <InlineForm
          label={`Add a need to ${stage.name}`}
          busy={busy}
          error={unplaced(error, [at])}
          onSave={add}
          onCancel={() => {
            setAdding(false);
            setError(null);
          }}
        >
          <label className="field">
            <span>Need</span>
            <select
              name="stage-need"
              value={chosen}
              aria-invalid={problemAt(error, at) !== undefined}
              onChange={(e) => setChosen(e.target.value)}
            >
              {offered.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
            {problemAt(error, at) && <span className="field-error">{problemAt(error, at)}</span>}
          </label>
        </InlineForm>
      ) : (
        <>
          {rest && (
            <p className="field-error" role="alert">
              {rest}
            </p>
          )}
          {offered.length > 0 ? (
            <button type="button" className="ghost add" data-button="add-need" onClick={open}>
              + Add need
            </button>
          ) : (
            needs.length > 0 && <p className="empty-line">Every need is on this stage.</p>
          )}
        </>
      )}
    </div>
  );
}
