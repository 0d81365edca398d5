import { describe, expect, it } from "vitest";
import {
  type Bubble,
  bubbleToOpen,
  coverage,
  OPEN_FILLING,
  OPEN_UNDER_POINTER,
  overviewNote,
} from "./overview";

const view = { x1: 0, y1: 0, x2: 1000, y2: 600 };

describe("a bubble zoomed into", () => {
  it("opens when it is under the pointer and large enough", () => {
    const side = 600;
    const big: Bubble = { id: "a", x: 300, y: 300, radius: (OPEN_UNDER_POINTER * side) / 2 };
    expect(bubbleToOpen([big], { x: 300, y: 300 }, view)).toBe("a");
    // Just smaller: the user may be zooming past it, towards another.
    const small = { ...big, radius: big.radius - 1 };
    expect(bubbleToOpen([small], { x: 300, y: 300 }, view)).toBeNull();
  });

  it("does not open when the pointer is beside it", () => {
    const b: Bubble = { id: "a", x: 300, y: 300, radius: 200 };
    expect(bubbleToOpen([b], { x: 900, y: 100 }, view)).toBeNull();
  });

  it("opens, wherever the pointer is, once it fills most of the view", () => {
    const filling: Bubble = { id: "a", x: 500, y: 300, radius: 700 };
    const other: Bubble = { id: "b", x: 5000, y: 300, radius: 100 };
    expect(coverage(filling, view)).toBe(1);
    expect(bubbleToOpen([other, filling], { x: 5000, y: 300 }, view)).toBe("a");
  });

  it("prefers the bubble under the pointer to one that fills more of the view", () => {
    const filling: Bubble = { id: "a", x: 600, y: 350, radius: 520 };
    const pointed: Bubble = { id: "b", x: 60, y: 60, radius: 160 };
    expect(coverage(filling, view)).toBeGreaterThanOrEqual(OPEN_FILLING);
    expect(bubbleToOpen([filling, pointed], { x: 20, y: 20 }, view)).toBe("b");
  });

  it("measures how much of the view a bubble covers", () => {
    // A disc of radius 300 at the middle of a 1000 × 600 view: π·300² of 600,000.
    const share = coverage({ id: "a", x: 500, y: 300, radius: 300 }, view, 60);
    expect(share).toBeCloseTo((Math.PI * 300 ** 2) / 600_000, 1);
    expect(share).toBeLessThan(OPEN_FILLING);
    expect(coverage({ id: "a", x: 5000, y: 300, radius: 10 }, view)).toBe(0);
  });
});

describe("the overview's note", () => {
  it("counts the personas and says how to open a bubble, by a click or a zoom", () => {
    expect(overviewNote({ personas: 2000, kept: null, boxes: 5, closed: 5 })).toBe(
      "2,000 personas in 5 market segments: click a bubble, or zoom into it, to show its personas.",
    );
  });

  it("counts what the filter keeps, and says when every box is open", () => {
    expect(overviewNote({ personas: 2000, kept: 312, boxes: 1, closed: 0 })).toBe(
      "312 of 2,000 personas in 1 market segment, every one shown.",
    );
  });
});
