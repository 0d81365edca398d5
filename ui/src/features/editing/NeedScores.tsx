import type { Catalog } from "../../ipc";
import { quickPicks } from "./chips";
import { sentIndex, unpicked } from "./draft";
import { ChoiceRow } from "./EditorDialog";
import { QuickPicks } from "./QuickPicks";

/** A row of an offer's needs, as typed. */
export type ScoreRow = { need: string; score: string };

/** The score a need added to the offer starts with. */
const NEW_SCORE = "0.8";

/**
 * The needs a product or a competitor meets, each with its score: rows to
 * choose, score, remove and add. Rows with no need chosen are not sent, so
 * the core's problem at `addresses[k]` is shown on the row that was sent k-th.
 */
export function NeedScores({
  rows,
  catalog,
  problem,
  empty,
  onChange,
}: {
  rows: ScoreRow[];
  catalog: Catalog;
  problem: (path: string) => string | undefined;
  /** What to say when there are no rows yet; nothing when absent. */
  empty?: string;
  onChange: (rows: ScoreRow[]) => void;
}) {
  const rowProblem = (i: number) => {
    const at = sentIndex(rows, i, (a) => a.need !== "");
    return at === null
      ? undefined
      : (problem(`addresses[${at}].need`) ?? problem(`addresses[${at}].score`));
  };
  const change = (i: number, patch: Partial<ScoreRow>) =>
    onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>Needs it meets (score 0–1, 1 = fully)</legend>
      {rows.length === 0 && empty && <p className="muted small">{empty}</p>}
      {rows.map((a, i) => (
        <ChoiceRow
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          key={i}
          label="Need"
          index={i}
          choices={unpicked(
            catalog.needs,
            rows.map((x) => x.need),
            a.need,
          )}
          choice={a.need}
          number={a.score}
          numberLabel="Score for need"
          error={rowProblem(i)}
          onChoice={(need) => change(i, { need })}
          onNumber={(score) => change(i, { score })}
          onRemove={() => onChange(rows.filter((_, j) => j !== i))}
        />
      ))}
      <QuickPicks
        choices={quickPicks(
          catalog.needs,
          rows.map((x) => x.need),
        )}
        pickLabel={(name) => `Score need ${name}`}
        onPick={(need) => onChange([...rows, { need, score: NEW_SCORE }])}
      />
      <button type="button" onClick={() => onChange([...rows, { need: "", score: NEW_SCORE }])}>
        Add a need
      </button>
    </fieldset>
  );
}
