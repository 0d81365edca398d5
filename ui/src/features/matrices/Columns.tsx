/**
 * Column widths of a matrix table, in pixels. The tables lay out fixed, so
 * a wide cell (several badges, a long name) cannot push its column wider
 * than its neighbours; the header text wraps or ends in an ellipsis instead.
 */
export function Columns({ widths }: { widths: readonly number[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
        <col key={i} style={{ width: w }} />
      ))}
    </colgroup>
  );
}

/** The widths of a table: a first column, then `count` of `each`, then `last`. */
export function widths(first: number, count: number, each: number, last: number[] = []): number[] {
  return [first, ...new Array<number>(count).fill(each), ...last];
}

/**
 * How wide the names column is: as wide as the longest name needs (at
 * `perChar` pixels a character, with `pad` on each side), no narrower than
 * `least` and no wider than `most` or the `room` the other columns leave,
 * so that a wide window shows whole names and a narrow one does not scroll.
 */
export function nameColumnWidth(
  longest: number,
  room: number,
  { least = 200, most = 360, perChar = 7.2, pad = 12 } = {},
): number {
  const needed = Math.ceil(longest * perChar) + 2 * pad;
  return Math.max(least, Math.min(needed, most, Math.floor(room)));
}

/** The sum of the widths, which a fixed table needs as its own width. */
export function total(ws: readonly number[]): number {
  return ws.reduce((a, b) => a + b, 0);
}

/**
 * A column's name as its header shows it: without the words all columns
 * share (which a screen reader still reads), the full name as a tooltip on
 * the header.
 */
export function ColumnName({ prefix, name }: { prefix: string; name: string }) {
  return (
    <span className="mx-colname">
      {prefix && <span className="visually-hidden">{prefix}</span>}
      {name}
    </span>
  );
}
