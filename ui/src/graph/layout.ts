import type { MapView } from "../ipc";

/** Where a node sits on the map, in model coordinates. */
export type Position = { x: number; y: number };

/** The box that holds personas without a market segment. */
export const NO_SEGMENT = "__no_segment__";

const CELL_W = 170;
const CELL_H = 64;
const BOX_GAP = 90;
/** The map aims for the shape of a wide window. */
const ASPECT = 1.8;

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
  const area = sizes.reduce((a, s) => a + (s.width + BOX_GAP) * (s.height + BOX_GAP), 0);
  const widest = sizes.reduce((w, s) => Math.max(w, s.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * ASPECT));

  let x = 0;
  let y = 0;
  let rowHeight = 0;
  boxes.forEach((box, b) => {
    const list = members.get(box) ?? [];
    const { columns, width, height } = sizes[b] ?? { columns: 1, width: CELL_W, height: CELL_H };
    if (x > 0 && x + width > rowWidth) {
      x = 0;
      y += rowHeight + BOX_GAP;
      rowHeight = 0;
    }
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
    x += width + BOX_GAP;
    rowHeight = Math.max(rowHeight, height);
  });
  const bottom = y + rowHeight;

  const spread = (kind: "product" | "need", atY: number) => {
    const ids = map.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    const step = Math.max(CELL_W * 0.8, rowWidth / Math.max(1, ids.length));
    ids.forEach((id, i) => {
      positions.set(id, { x: i * step + CELL_W / 2, y: atY });
    });
  };
  spread("product", -180);
  spread("need", bottom + 220);
  return positions;
}
