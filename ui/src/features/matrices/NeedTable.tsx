import type { Matrices, NeedRow } from "../../ipc";
import { plural } from "../personas/format";
import { ColumnName, Columns, total } from "./Columns";
import { gapText, scoreText, shortNames } from "./cells";
import { scoreTone } from "./heat";

/** An offer's column: one of ours, or a competitor's. */
export type Column = { kind: "product" | "competitor"; index: number };

export type OpenScore = (need: NeedRow, column: Column, anchor: HTMLElement) => void;

function ScoreCell({
  need,
  column,
  name,
  score,
  metAt,
  onOpen,
}: {
  need: NeedRow;
  column: Column;
  name: string;
  score: number | null;
  metAt: number;
  onOpen: OpenScore;
}) {
  const first = column.kind === "competitor" && column.index === 0;
  return (
    <td className={`mx-td heat ${scoreTone(score, metAt)}${first ? " mx-sep" : ""}`}>
      <button
        type="button"
        className="mx-cell mx-score"
        aria-label={`${name} × ${need.name}: ${score === null ? "not addressed" : scoreText(score)}`}
        onClick={(e) => onOpen(need, column, e.currentTarget)}
      >
        {scoreText(score)}
      </button>
    </td>
  );
}

/** A swatch of a tone, for the captions. */
export function Swatch({ tone }: { tone: string }) {
  return <span className={`mx-swatch heat ${tone}`} aria-hidden="true" />;
}

/**
 * Needs down; our products, then the competitors, across; then the gap. The
 * rows come as the core orders them, the widest gap first.
 */
export function NeedTable({ m, onOpen }: { m: Matrices; onOpen: OpenScore }) {
  const met = m.met_at.toFixed(2);
  // The need, its gap, then one column per offer.
  const offers = m.products.length + m.competitors.length;
  const cols = [220, 64, ...Array.from({ length: offers }, () => 84)];
  const ours = shortNames(m.products.map((p) => p.name));
  const theirs = shortNames(m.competitors.map((c) => c.name));
  return (
    <>
      <ul className="legend mx-caption" aria-label="What the colours mean">
        <li>
          <Swatch tone="tone-meets-3" /> Meets: score ≥ {met}, deeper is better
        </li>
        <li>
          <Swatch tone="tone-short-2" /> Falls short, deeper is worse
        </li>
        <li>
          <Swatch tone="tone-none" /> Not addressed
        </li>
        <li className="muted">Gap: best competitor minus our best</li>
      </ul>
      <div className="mx-scroll">
        <table className="mx-table mx-needs" style={{ width: total(cols) }}>
          <Columns widths={cols} />
          <thead>
            <tr>
              <th className="mx-corner" scope="col" rowSpan={2}>
                Need
              </th>
              <th scope="col" rowSpan={2} className="mx-th mx-gap">
                <span title="The best competitor's score minus our best product's">Gap</span>
              </th>
              {m.products.length > 0 && (
                <th scope="colgroup" colSpan={m.products.length} className="mx-th mx-group">
                  Our products
                </th>
              )}
              {m.competitors.length > 0 && (
                <th
                  scope="colgroup"
                  colSpan={m.competitors.length}
                  className="mx-th mx-group mx-sep"
                >
                  Competitors
                </th>
              )}
            </tr>
            <tr>
              {m.products.map((p, i) => (
                <th key={p.id} scope="col" className="mx-th mx-second" title={p.name}>
                  <ColumnName prefix={ours.prefix} name={ours.names[i] ?? p.name} />
                </th>
              ))}
              {m.competitors.map((c, i) => (
                <th
                  key={c.id}
                  scope="col"
                  className={`mx-th mx-second mx-rival${i === 0 ? " mx-sep" : ""}`}
                  title={c.name}
                >
                  <ColumnName prefix={theirs.prefix} name={theirs.names[i] ?? c.name} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.needs.map((need) => (
              <tr key={need.id} className="mx-tall">
                <th scope="row" className="mx-rowhead" title={need.name}>
                  <span className="mx-name">{need.name}</span>
                  <span className="mx-sub">{plural(need.personas, "persona")}</span>
                </th>
                <td className={need.gap > 0 ? "mx-td mx-gap behind" : "mx-td mx-gap"}>
                  {gapText(need.gap)}
                </td>
                {m.products.map((p, i) => (
                  <ScoreCell
                    key={p.id}
                    need={need}
                    column={{ kind: "product", index: i }}
                    name={p.name}
                    score={need.products[i] ?? null}
                    metAt={m.met_at}
                    onOpen={onOpen}
                  />
                ))}
                {m.competitors.map((c, i) => (
                  <ScoreCell
                    key={c.id}
                    need={need}
                    column={{ kind: "competitor", index: i }}
                    name={c.name}
                    score={need.competitors[i] ?? null}
                    metAt={m.met_at}
                    onOpen={onOpen}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
