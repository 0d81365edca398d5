// Which persona rows show, which of them are drawn, and where focus and the
// popover go. Pure, so that 2,000 rows can be reasoned about in tests.
import type { PersonaRow, SegmentRow } from "../../ipc";

/** Which market segment to show: every one, or one (null: no segment). */
export type SegmentChoice = "any" | { id: string | null };

/** The value of the segment select for a choice; ids never start with "*". */
export function choiceValue(choice: SegmentChoice): string {
  if (choice === "any") return "*any";
  return choice.id === null ? "*none" : choice.id;
}

/** The choice a value of the segment select stands for. */
export function choiceOf(value: string): SegmentChoice {
  if (value === "*any") return "any";
  return { id: value === "*none" ? null : value };
}

/** The options of the segment select: every segment that has personas. */
export function segmentOptions(segments: readonly SegmentRow[]): { value: string; name: string }[] {
  return segments.map((s) => ({ value: choiceValue({ id: s.id }), name: s.name }));
}

/**
 * The indices of the rows whose name contains `query` (any case) and whose
 * market segment is `segment`. O(rows).
 */
export function filterPersonas(
  rows: readonly PersonaRow[],
  query: string,
  segment: SegmentChoice,
): number[] {
  const q = query.trim().toLocaleLowerCase();
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (segment !== "any" && row.market_segment !== segment.id) return;
    if (q !== "" && !row.name.toLocaleLowerCase().includes(q)) return;
    out.push(i);
  });
  return out;
}

/**
 * The rows to draw, [start, end), for a viewport of `height` pixels scrolled
 * `scrollTop` down a list of `count` rows of `rowHeight` pixels, with
 * `overscan` more each side so that a fast scroll does not flash blank.
 */
export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(scrollTop, 0) / rowHeight);
  const last = Math.ceil((Math.max(scrollTop, 0) + Math.max(height, 0)) / rowHeight);
  return {
    start: Math.min(Math.max(first - overscan, 0), count),
    end: Math.min(last + overscan, count),
  };
}

/** The scrollTop that brings row `row` into a viewport, or null if it is in view. */
export function scrollToShow(
  row: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
): number | null {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return null;
}

/** The cell an arrow key moves to from (row, col), staying inside the grid. */
export function moveCell(
  key: string,
  at: { row: number; col: number },
  size: { rows: number; cols: number },
): { row: number; col: number } | null {
  const clamp = (v: number, n: number) => Math.min(Math.max(v, 0), n - 1);
  switch (key) {
    case "ArrowUp":
      return { row: clamp(at.row - 1, size.rows), col: at.col };
    case "ArrowDown":
      return { row: clamp(at.row + 1, size.rows), col: at.col };
    case "ArrowLeft":
      return { row: at.row, col: clamp(at.col - 1, size.cols) };
    case "ArrowRight":
      return { row: at.row, col: clamp(at.col + 1, size.cols) };
    case "PageUp":
      return { row: clamp(at.row - 10, size.rows), col: at.col };
    case "PageDown":
      return { row: clamp(at.row + 10, size.rows), col: at.col };
    default:
      return null;
  }
}

type Box = { top: number; left: number; bottom: number; right: number };

/**
 * Where a popover of `size` goes for a cell at `anchor`: under it, or above
 * when it does not fit below, and moved in so that it stays in `viewport`.
 */
export function popoverPlace(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 8,
): { top: number; left: number } {
  const below = anchor.bottom + 4;
  const above = anchor.top - 4 - size.height;
  const top =
    below + size.height + margin <= viewport.height || above < margin
      ? Math.max(Math.min(below, viewport.height - size.height - margin), margin)
      : above;
  const left = Math.max(Math.min(anchor.left, viewport.width - size.width - margin), margin);
  return { top, left };
}
