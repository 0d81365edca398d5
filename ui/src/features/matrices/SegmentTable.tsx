import type { Matrices, SegmentRow } from "../../ipc";
import { percent } from "../insights/names";
import { plural } from "../personas/format";
import { ColumnName, Columns, total, widths } from "./Columns";
import { shortNames } from "./cells";
import { coverageTone } from "./heat";
import { Swatch } from "./NeedTable";

/**
 * Market segments down, products across: how much of each segment's needs
 * the product meets, and how many of its personas are linked to it.
 */
export function SegmentTable({
  m,
  onOpen,
}: {
  m: Matrices;
  /** A cell was chosen: show the segment's personas, this product marked. */
  onOpen: (segment: SegmentRow, product: number) => void;
}) {
  const cols = widths(220, m.products.length, 112);
  const short = shortNames(m.products.map((p) => p.name));
  return (
    <>
      <ul className="legend mx-caption" aria-label="What the colours mean">
        <li>
          <Swatch tone="cover-0" />
          <Swatch tone="cover-3" />
          <Swatch tone="cover-5" /> Share of the segment's needs the product meets, weighted by
          importance
        </li>
        <li className="muted">Click a cell to see the segment's personas</li>
      </ul>
      <div className="mx-scroll">
        <table className="mx-table mx-segments" style={{ width: total(cols) }}>
          <Columns widths={cols} />
          <thead>
            <tr>
              <th className="mx-corner" scope="col">
                Market segment
              </th>
              {m.products.map((p, i) => (
                <th key={p.id} scope="col" className="mx-th" title={p.name}>
                  <ColumnName prefix={short.prefix} name={short.names[i] ?? p.name} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.segments.map((s) => (
              <tr key={s.id ?? "none"} className="mx-tall">
                <th scope="row" className="mx-rowhead" title={s.name}>
                  <span className="mx-name">{s.name}</span>
                  <span className="mx-sub">{plural(s.personas, "persona")}</span>
                </th>
                {m.products.map((p, i) => {
                  const cell = s.cells[i] ?? { linked: 0, needs_met: 0 };
                  return (
                    <td key={p.id} className={`mx-td heat ${coverageTone(cell.needs_met)}`}>
                      <button
                        type="button"
                        className="mx-cell mx-cover"
                        aria-label={`${s.name} × ${p.name}: meets ${percent(cell.needs_met)} of the needs, ${plural(cell.linked, "persona")} linked. Show them.`}
                        onClick={() => onOpen(s, i)}
                      >
                        <span className="mx-share">{percent(cell.needs_met)}</span>
                        <span className="mx-linked">{cell.linked} linked</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
