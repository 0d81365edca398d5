import { useEffect, useRef, useState } from "react";
import type { Choice, IpcError, JourneyView, StageView } from "../../ipc";
import { DeleteButton } from "../personas/PersonaList";
import { EditableList } from "../profile/EditableList";
import { EditableText } from "../profile/EditableText";
import { InlineForm } from "../profile/InlineForm";
import { messageAt, unplaced } from "../profile/profile";
import { EmotionCurve } from "./EmotionCurve";
import {
  EMOTIONS,
  emotionLabel,
  LATER_ROWS,
  type StageValue,
  TEXT_ROWS,
  type TextField,
  unmetLabel,
  withEmotion,
  withName,
  withNeeds,
  withNewStage,
  withoutStage,
  withStageMoved,
  withTexts,
} from "./journeys";
import { NeedsCell } from "./NeedsCell";

/** Sends a journey's whole list of stages as one patch; resolves to the
 * core's refusal, or null. */
export type SaveStages = (stages: StageValue[]) => Promise<IpcError | null>;

/** A stage column's move button that takes the focus once the moved
 * stages come back. */
type PendingFocus = { stage: number; button: "left" | "right" };

/** The select of a stage's emotion: the five steps, none, and a value
 * between the steps when the file has one. */
function EmotionSelect({
  stage,
  error,
  onChange,
}: {
  stage: StageView;
  error: string | undefined;
  onChange: (emotion: number | null) => void;
}) {
  const e = stage.emotion;
  const between = e !== null && !EMOTIONS.some(([v]) => v === e);
  return (
    <label className="jr-emotion">
      <span className="visually-hidden">Emotion at {stage.name}</span>
      <select
        value={e === null ? "" : String(e)}
        aria-invalid={error !== undefined}
        onChange={(ev) => onChange(ev.target.value === "" ? null : Number(ev.target.value))}
      >
        <option value="">{emotionLabel(null)}</option>
        {between && <option value={String(e)}>{emotionLabel(e)}</option>}
        {EMOTIONS.map(([v, label]) => (
          <option key={v} value={String(v)}>
            {label}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** The form that adds a stage at the end. */
function AddStage({ onAdd }: { onAdd: (name: string) => Promise<IpcError | null> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setError(null);
    // The form is gone: its button takes the focus back once it is drawn.
    requestAnimationFrame(() => button.current?.focus());
  };
  if (!open) {
    return (
      <button
        ref={button}
        type="button"
        className="ghost add jr-add-stage"
        onClick={() => {
          setName("");
          setError(null);
          setOpen(true);
        }}
      >
        + Add stage
      </button>
    );
  }
  // The new stage is sent last; the core names it by that place.
  const problem = error?.problems.find((p) => /^stages\[\d+\]\.name$/.test(p.path))?.message;
  const placed = error?.problems.filter((p) => p.message === problem).map((p) => p.path) ?? [];
  return (
    <InlineForm
      label="New stage"
      busy={busy}
      error={unplaced(error, placed)}
      onCancel={close}
      onSave={() => {
        setBusy(true);
        setError(null);
        onAdd(name)
          .then((refused) => {
            setError(refused);
            if (refused === null) close();
          })
          .finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span>Stage name</span>
        <input
          name="stage-name"
          value={name}
          aria-invalid={problem !== undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {problem && <span className="field-error">{problem}</span>}
      </label>
    </InlineForm>
  );
}

/**
 * A journey's stages as columns and what happens at each as rows, every
 * cell edited in place. Each change sends the journey's whole `stages`
 * field, rebuilt from what the core last sent, as one edit; the grid then
 * shows what the core sends back, needs judged and counted by it.
 */
export function StageGrid({
  journey,
  needs,
  onSave,
}: {
  journey: JourneyView;
  /** Every need of the project, for "Add need". */
  needs: readonly Choice[];
  onSave: SaveStages;
}) {
  const stages = journey.stages;
  const [error, setError] = useState<IpcError | null>(null);
  const [emotionErrors, setEmotionErrors] = useState<Record<number, string | undefined>>({});
  const grid = useRef<HTMLElement>(null);
  const pending = useRef<PendingFocus | null>(null);

  // After a move, the moved stage's button keeps the focus in its new place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the moved stages arrive
  useEffect(() => {
    const want = pending.current;
    const root = grid.current;
    if (want === null || root === null) return;
    pending.current = null;
    const other = want.button === "left" ? "right" : "left";
    for (const b of [want.button, other]) {
      const el = root.querySelector<HTMLButtonElement>(
        `[data-stage="${want.stage}"] [data-button="${b}"]`,
      );
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  }, [stages]);

  /** A change to the stages' structure (move, delete, add), whose refusal
   * shows above the grid. */
  const change = async (next: StageValue[], focus: PendingFocus | null = null) => {
    setError(null);
    pending.current = focus;
    const refused = await onSave(next);
    if (refused !== null) {
      pending.current = null;
      setError(refused);
    }
    return refused;
  };

  const saveEmotion = (i: number, emotion: number | null) => {
    setEmotionErrors((e) => ({ ...e, [i]: undefined }));
    onSave(withEmotion(stages, i, emotion)).then((refused) =>
      setEmotionErrors((e) => ({
        ...e,
        [i]:
          refused === null
            ? undefined
            : (messageAt(refused, `stages[${i}].emotion`) ?? refused.message),
      })),
    );
  };

  const textRow = (row: { field: TextField; label: string; noun: string }) => (
    <tr key={row.field} className="jr-row" data-row={row.field}>
      <th scope="row" className="jr-rowhead">
        {row.label}
      </th>
      {stages.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a stage has no id; its place and name tell it from the one that takes its place
        <td key={`${i}:${s.name}`} className="jr-cell" data-stage={i}>
          <EditableList
            field={`stages[${i}].${row.field}`}
            noun={row.noun}
            items={s[row.field]}
            empty="None yet."
            onSave={(texts) => onSave(withTexts(stages, i, row.field, texts))}
          />
        </td>
      ))}
      <td className="jr-pad" />
    </tr>
  );

  if (stages.length === 0) {
    return (
      <div className="jr-no-stages">
        <p className="empty-line">
          No stages yet — add the first, such as “Trigger” or “Research”.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {unplaced(error, [])}
          </p>
        )}
        <AddStage onAdd={(name) => change(withNewStage(stages, name))} />
      </div>
    );
  }

  return (
    <div className="jr-grid-wrap">
      {error && (
        <p className="field-error" role="alert">
          {unplaced(error, [])}
        </p>
      )}
      <section
        className="jr-scroll"
        ref={grid}
        aria-label={`Stages of ${journey.name}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls; a keyboard user must be able to reach it
        tabIndex={0}
      >
        <table
          className="jr-grid"
          style={{
            minWidth: `calc(var(--jr-head) + ${stages.length} * var(--jr-col) + var(--jr-add))`,
          }}
        >
          <colgroup>
            <col className="jr-col-head" />
            {stages.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a stage has no id; its place and name tell it from the one that takes its place
              <col key={`${i}:${s.name}`} />
            ))}
            <col className="jr-col-add" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="jr-corner">
                <span className="visually-hidden">Row</span>
                <span aria-hidden="true">Stages</span>
              </th>
              {stages.map((s, i) => {
                const unmet = unmetLabel(s);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place; its name field must keep the focus through a rename
                  <th key={i} scope="col" className="jr-stage" data-stage={i}>
                    <div className="jr-stage-top">
                      <span className="jr-stage-number" aria-hidden="true">
                        {i + 1}
                      </span>
                      <div className="jr-stage-name">
                        <EditableText
                          label={`Name of stage ${i + 1}`}
                          value={s.name}
                          placeholder="Stage name"
                          onSave={async (text) => {
                            const refused = await onSave(withName(stages, i, text));
                            return refused === null
                              ? null
                              : (messageAt(refused, `stages[${i}].name`) ?? refused.message);
                          }}
                        />
                      </div>
                      <span className="jr-stage-move">
                        <button
                          type="button"
                          className="icon"
                          data-button="left"
                          aria-label={`Move stage ${s.name} left`}
                          title="Move left"
                          disabled={i === 0}
                          onClick={() =>
                            change(withStageMoved(stages, i, i - 1), {
                              stage: i - 1,
                              button: "left",
                            })
                          }
                        >
                          ←
                        </button>
                        <button
                          type="button"
                          className="icon"
                          data-button="right"
                          aria-label={`Move stage ${s.name} right`}
                          title="Move right"
                          disabled={i === stages.length - 1}
                          onClick={() =>
                            change(withStageMoved(stages, i, i + 1), {
                              stage: i + 1,
                              button: "right",
                            })
                          }
                        >
                          →
                        </button>
                      </span>
                    </div>
                    <div className="jr-stage-tools">
                      {unmet !== null ? (
                        <span className="jr-unmet">{unmet}</span>
                      ) : s.needs.length > 0 ? (
                        <span className="jr-allmet">All needs met</span>
                      ) : (
                        <span className="jr-noneeds">No needs</span>
                      )}
                      {/* A new key per stage, so that a confirmation never
                          passes to the stage that takes this one's place. */}
                      <DeleteButton
                        // biome-ignore lint/suspicious/noArrayIndexKey: see above
                        key={`${i}:${s.name}`}
                        what={`stage ${s.name}`}
                        onConfirm={() => change(withoutStage(stages, i))}
                      />
                    </div>
                  </th>
                );
              })}
              <th scope="col" className="jr-add">
                <AddStage onAdd={(name) => change(withNewStage(stages, name))} />
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="jr-row jr-curve-row">
              <th scope="row" rowSpan={2} className="jr-rowhead">
                Emotion
              </th>
              <td colSpan={stages.length} className="jr-curve-cell">
                <EmotionCurve stages={stages} />
              </td>
              <td className="jr-pad" rowSpan={2} />
            </tr>
            <tr className="jr-row" data-row="emotion">
              {stages.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a stage has no id; its place and name tell it from the one that takes its place
                <td key={`${i}:${s.name}`} className="jr-cell jr-emotion-cell" data-stage={i}>
                  <EmotionSelect
                    stage={s}
                    error={emotionErrors[i]}
                    onChange={(e) => saveEmotion(i, e)}
                  />
                </td>
              ))}
            </tr>
            {TEXT_ROWS.map(textRow)}
            <tr className="jr-row" data-row="needs">
              <th scope="row" className="jr-rowhead">
                Needs
              </th>
              {stages.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a stage has no id; its place and name tell it from the one that takes its place
                <td key={`${i}:${s.name}`} className="jr-cell" data-stage={i}>
                  <NeedsCell
                    index={i}
                    stage={s}
                    needs={needs}
                    onSave={(ids) => onSave(withNeeds(stages, i, ids))}
                  />
                </td>
              ))}
              <td className="jr-pad" />
            </tr>
            {LATER_ROWS.map(textRow)}
          </tbody>
        </table>
      </section>
    </div>
  );
}
