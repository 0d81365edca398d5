import type { MapView } from "../ipc";
import { productWidth } from "./labels";

/** Where a node sits on the map, in model coordinates. */
export type Position = { x: number; y: number };

/** The box that holds personas without a market segment. */
export const NO_SEGMENT = "__no_segment__";

const CELL_W = 170;
const CELL_H = 64;
const BOX_GAP = 90;
/** A need's label is at most 150 pixels wide (style.ts): one this far
 * from the next never touches it. */
export const NEED_STEP = 172;
/** Rows of needs, their labels under them. */
const NEED_ROW = 56;
/** The map aims for the shape of a wide window. */
const ASPECT = 2.2;

/** A box's size on the map. */
export type Size = { width: number; height: number };

/** Boxes placed left to right, wrapping into a new row past `rowWidth`. */
function flow(sizes: Size[], rowWidth: number) {
  const origins: Position[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const size of sizes) {
    if (x > 0 && x + size.width > rowWidth) {
      x = 0;
      y += rowHeight + BOX_GAP;
      rowHeight = 0;
    }
    origins.push({ x, y });
    width = Math.max(width, x + size.width);
    x += size.width + BOX_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  return { origins, width, height: y + rowHeight };
}

/**
 * The row width that lets the boxes fill a window of the map's aspect best:
 * each candidate wraps after a different box, and the one drawn largest in
 * a window of that shape wins. O(boxes²), and there are few boxes. Also
 * packs the boxes of the organic layout, whatever their sizes.
 */
export function bestFlow(sizes: Size[]) {
  let best = { ...flow(sizes, Number.POSITIVE_INFINITY), rowWidth: Number.POSITIVE_INFINITY };
  let bestScale = 0;
  let running = 0;
  const candidates = sizes.map((s) => {
    running += s.width + (running > 0 ? BOX_GAP : 0);
    return running;
  });
  const widest = sizes.reduce((w, s) => Math.max(w, s.width), CELL_W);
  for (const rowWidth of [widest, ...candidates]) {
    const f = flow(sizes, rowWidth);
    // The scale at which the whole flow fits a window ASPECT wide, 1 high.
    const scale = Math.min(ASPECT / Math.max(1, f.width), 1 / Math.max(1, f.height));
    if (scale > bestScale) {
      bestScale = scale;
      best = { ...f, rowWidth };
    }
  }
  return { origins: best.origins, rowWidth: Math.max(best.width, widest), bottom: best.height };
}

/**
 * A deterministic layout: each market segment is a box of personas in a
 * near-square grid, boxes flow left to right in rows; products sit in a row
 * above, needs in a row below. Instant at thousands of personas, and the same
 * project always looks the same.
 */
export function layout(map: MapView): Map<string, Position> {
  const positions = new Map<string, Position>();
  const members = new Map<string, string[]>();
  for (const n of map.nodes) {
    if (n.kind === "persona") {
      const box = n.parent ?? NO_SEGMENT;
      const list = members.get(box) ?? [];
      list.push(n.id);
      members.set(box, list);
    }
  }
  const boxes = map.nodes.filter((n) => n.kind === "market_segment").map((n) => n.id);
  if (members.has(NO_SEGMENT)) boxes.push(NO_SEGMENT);

  const sizes = boxes.map((box) => {
    const count = (members.get(box) ?? []).length;
    const columns = Math.max(1, Math.ceil(Math.sqrt(count * 1.6)));
    const rows = Math.max(1, Math.ceil(count / columns));
    return { columns, width: columns * CELL_W, height: rows * CELL_H };
  });
  const { origins, rowWidth, bottom } = bestFlow(sizes);
  boxes.forEach((box, b) => {
    const list = members.get(box) ?? [];
    const { columns } = sizes[b] ?? { columns: 1 };
    const { x, y } = origins[b] ?? { x: 0, y: 0 };
    list.forEach((id, i) => {
      positions.set(id, {
        x: x + (i % columns) * CELL_W + CELL_W / 2,
        y: y + Math.floor(i / columns) * CELL_H + CELL_H / 2,
      });
    });
    if (list.length === 0) {
      // An empty segment still shows as a box, so the gap is visible.
      positions.set(`${box}::empty`, { x: x + CELL_W / 2, y: y + CELL_H / 2 });
    }
  });

  // Products are as wide as their names: the step leaves room for the
  // widest, so that no two boxes overlap.
  const spread = (kind: "product", atY: number) => {
    const row = map.nodes.filter((n) => n.kind === kind);
    const widest = row.reduce((w, n) => Math.max(w, productWidth(n.label)), 0);
    const step = Math.max(CELL_W * 0.8, rowWidth / Math.max(1, row.length), widest + BOX_GAP / 3);
    row.forEach((n, i) => {
      positions.set(n.id, { x: i * step + Math.max(CELL_W, widest) / 2, y: atY });
    });
  };
  spread("product", -180);
  // Needs in rows as wide as the boxes above them, each a label's width
  // apart, so that no two names overlap however many needs there are.
  const needs = map.nodes.filter((n) => n.kind === "need");
  const columns = Math.max(1, Math.floor(Math.max(rowWidth, NEED_STEP) / NEED_STEP));
  needs.forEach((n, i) => {
    positions.set(n.id, {
      x: (i % columns) * NEED_STEP + NEED_STEP / 2,
      y: bottom + 220 + Math.floor(i / columns) * NEED_ROW,
    });
  });
  return positions;
}
