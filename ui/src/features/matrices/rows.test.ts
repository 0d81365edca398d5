import { describe, expect, it } from "vitest";
import type { PersonaRow, SegmentRow } from "../../ipc";
import {
  choiceOf,
  choiceValue,
  filterPersonas,
  moveCell,
  popoverPlace,
  scrollToShow,
  segmentOptions,
  visibleRange,
} from "./rows";

const row = (name: string, market_segment: string | null): PersonaRow => ({
  id: `p-${name.toLowerCase()}`,
  name,
  market_segment,
  links: [],
});

const rows = [row("Ana Analyst", "ms-a"), row("Ben Buyer", "ms-b"), row("Cy Clerk", null)];

describe("filterPersonas", () => {
  it("keeps every row when nothing is asked", () => {
    expect(filterPersonas(rows, "  ", "any")).toEqual([0, 1, 2]);
  });

  it("matches part of the name in any case", () => {
    expect(filterPersonas(rows, "BUY", "any")).toEqual([1]);
  });

  it("keeps one segment, or the personas with none", () => {
    expect(filterPersonas(rows, "", { id: "ms-a" })).toEqual([0]);
    expect(filterPersonas(rows, "", { id: null })).toEqual([2]);
    expect(filterPersonas(rows, "ana", { id: "ms-b" })).toEqual([]);
  });

  it("combines both filters on a large portfolio", () => {
    const many = Array.from({ length: 2000 }, (_, i) => row(`P${i}`, i % 2 ? "ms-a" : null));
    // Odd numbers starting with 1: P1, five of P1x, fifty of P1xx, 500 of P1xxx.
    expect(filterPersonas(many, "p1", { id: "ms-a" }).length).toBe(556);
  });
});

describe("segment choices", () => {
  it("round-trip through the select's values", () => {
    for (const c of ["any", { id: "ms-a" }, { id: null }] as const) {
      expect(choiceOf(choiceValue(c))).toEqual(c);
    }
  });

  it("offer every segment row, the one with no segment included", () => {
    const segs: SegmentRow[] = [
      { id: "ms-a", name: "A", personas: 1, cells: [] },
      { id: null, name: "No market segment", personas: 1, cells: [] },
    ];
    expect(segmentOptions(segs)).toEqual([
      { value: "ms-a", name: "A" },
      { value: "*none", name: "No market segment" },
    ]);
  });
});

describe("visibleRange", () => {
  it("draws the rows in view and a few more each side", () => {
    expect(visibleRange(0, 360, 36, 2000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(3600, 360, 36, 2000, 5)).toEqual({ start: 95, end: 115 });
  });

  it("stops at the ends of the list", () => {
    expect(visibleRange(72000, 360, 36, 2000, 5)).toEqual({ start: 1995, end: 2000 });
    expect(visibleRange(0, 360, 36, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 360, 36, 0)).toEqual({ start: 0, end: 0 });
  });

  it("draws a few dozen rows of 2,000, not all of them", () => {
    const { start, end } = visibleRange(20000, 700, 36, 2000);
    expect(end - start).toBeLessThan(40);
  });
});

describe("scrollToShow", () => {
  it("scrolls only when the row is out of view", () => {
    expect(scrollToShow(5, 0, 360, 36)).toBeNull();
    expect(scrollToShow(10, 0, 360, 36)).toBe(36);
    expect(scrollToShow(2, 180, 360, 36)).toBe(72);
  });
});

describe("moveCell", () => {
  const size = { rows: 3, cols: 4 };

  it("moves one cell with the arrows, ten rows a page", () => {
    expect(moveCell("ArrowRight", { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 1 });
    expect(moveCell("ArrowDown", { row: 0, col: 2 }, size)).toEqual({ row: 1, col: 2 });
    expect(moveCell("PageDown", { row: 0, col: 1 }, size)).toEqual({ row: 2, col: 1 });
  });

  it("stays inside the grid and ignores other keys", () => {
    expect(moveCell("ArrowUp", { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(moveCell("ArrowRight", { row: 2, col: 3 }, size)).toEqual({ row: 2, col: 3 });
    expect(moveCell("Enter", { row: 0, col: 0 }, size)).toBeNull();
  });
});

describe("popoverPlace", () => {
  const viewport = { width: 1280, height: 800 };
  const size = { width: 300, height: 200 };

  it("opens under the cell", () => {
    const at = popoverPlace({ top: 100, bottom: 136, left: 400, right: 528 }, size, viewport);
    expect(at).toEqual({ top: 140, left: 400 });
  });

  it("opens above a cell near the bottom", () => {
    const at = popoverPlace({ top: 700, bottom: 736, left: 400, right: 528 }, size, viewport);
    expect(at).toEqual({ top: 496, left: 400 });
  });

  it("stays inside the window at the right edge", () => {
    const at = popoverPlace({ top: 100, bottom: 136, left: 1200, right: 1280 }, size, viewport);
    expect(at.left).toBe(1280 - 300 - 8);
  });
});
