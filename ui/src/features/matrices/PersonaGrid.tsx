import {
  type KeyboardEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Choice, PersonaRow, ProductRelation } from "../../ipc";
import { ColumnName, Columns, nameColumnWidth, total, widths } from "./Columns";
import { cellBadges, linkLabel, linksByColumn, shortNames } from "./cells";
import { moveCell, scrollToShow, visibleRange } from "./rows";

/** Fixed heights, in pixels, that the windowing counts on (see styles.css). */
const ROW_HEIGHT = 36;
const HEAD_HEIGHT = 56;
const FIRST_WIDTH = 200;
const COLUMN_WIDTH = 130;

export type OpenLink = (row: PersonaRow, column: number, anchor: HTMLElement) => void;

const Row = memo(function Row({
  row,
  position,
  products,
  highlight,
  onOpen,
}: {
  row: PersonaRow;
  position: number;
  products: readonly Choice[];
  highlight: number | null;
  onOpen: OpenLink;
}) {
  const cells = linksByColumn(row.links, products.length);
  return (
    <tr className="mx-row" aria-rowindex={position + 2}>
      <th scope="row" className="mx-rowhead" title={row.name}>
        <span className="mx-name">{row.name}</span>
      </th>
      {products.map((product, c) => {
        const relations: ProductRelation[] = cells[c] ?? [];
        const { shown, more } = cellBadges(relations);
        return (
          <td key={product.id} className={c === highlight ? "mx-td hl" : "mx-td"}>
            <button
              type="button"
              className="mx-cell"
              data-cell={`${position}:${c}`}
              aria-label={linkLabel(row.name, product.name, relations)}
              onClick={(e) => onOpen(row, c, e.currentTarget)}
            >
              {shown.map((b, i) => (
                <span key={b} className={`mx-rel rel-${relations[i]}`}>
                  {b}
                </span>
              ))}
              {more > 0 && <span className="mx-rel">+{more}</span>}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

/**
 * Personas down, products across. Only the rows in view (and a few more)
 * are in the page, so 2,000 personas × 50 products scroll as fast as 20.
 * Arrow keys move between cells, scrolling rows in as they go.
 */
export function PersonaGrid({
  rows,
  shown,
  products,
  highlight,
  filter,
  onOpen,
}: {
  rows: readonly PersonaRow[];
  /** Indices into `rows` of the rows that pass the filters. */
  shown: readonly number[];
  products: readonly Choice[];
  highlight: number | null;
  /** Changes whenever the filters do. */
  filter: string;
  onOpen: OpenLink;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [width, setWidth] = useState(0);
  // The cell to focus once the row it is in has been drawn.
  const pending = useRef<string | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = () => {
      setHeight(el.clientHeight);
      setWidth(el.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  // A new filter shows a new list: start it at the top. New data (after an
  // edit) keeps the place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filter changes
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [filter]);

  useEffect(() => {
    if (pending.current === null) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-cell="${pending.current}"]`);
    if (cell) {
      cell.focus();
      pending.current = null;
    }
  });

  const { start, end } = visibleRange(scrollTop, height, ROW_HEIGHT, shown.length, 12);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = (e.target as HTMLElement).dataset.cell?.split(":").map(Number);
    if (at === undefined || at.length !== 2) return;
    const [row = 0, col = 0] = at;
    const to = moveCell(e.key, { row, col }, { rows: shown.length, cols: products.length });
    if (to === null) return;
    e.preventDefault();
    const el = scroller.current;
    if (el === null) return;
    const top = scrollToShow(to.row, el.scrollTop, el.clientHeight - HEAD_HEIGHT, ROW_HEIGHT);
    if (top !== null) {
      el.scrollTop = top;
      setScrollTop(top);
    }
    pending.current = `${to.row}:${to.col}`;
    const cell = el.querySelector<HTMLElement>(`[data-cell="${pending.current}"]`);
    if (cell) {
      cell.focus();
      pending.current = null;
    }
  };

  const span = products.length + 1;
  const longest = useMemo(() => rows.reduce((n, r) => Math.max(n, r.name.length), 0), [rows]);
  const first = nameColumnWidth(longest, width - products.length * COLUMN_WIDTH, {
    least: FIRST_WIDTH,
  });
  const cols = widths(first, products.length, COLUMN_WIDTH);
  const short = shortNames(products.map((p) => p.name));
  return (
    <div
      ref={scroller}
      className="mx-scroll"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table
        className="mx-table mx-personas"
        aria-label="Personas by product"
        aria-rowcount={shown.length + 1}
        style={{ width: total(cols) }}
        onKeyDown={onKeyDown}
      >
        <Columns widths={cols} />
        <thead>
          <tr aria-rowindex={1}>
            <th className="mx-corner" scope="col">
              Persona
            </th>
            {products.map((p, c) => (
              <th
                key={p.id}
                scope="col"
                className={c === highlight ? "mx-th mx-col hl" : "mx-th mx-col"}
                title={p.name}
              >
                <ColumnName prefix={short.prefix} name={short.names[c] ?? p.name} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && (
            <tr className="mx-spacer" style={{ height: start * ROW_HEIGHT }}>
              <td className="mx-spacer-cell" colSpan={span} />
            </tr>
          )}
          {shown.slice(start, end).map((index, k) => {
            const row = rows[index];
            return (
              row && (
                <Row
                  key={row.id}
                  row={row}
                  position={start + k}
                  products={products}
                  highlight={highlight}
                  onOpen={onOpen}
                />
              )
            );
          })}
          {end < shown.length && (
            <tr className="mx-spacer" style={{ height: (shown.length - end) * ROW_HEIGHT }}>
              <td className="mx-spacer-cell" colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
