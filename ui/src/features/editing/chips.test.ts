import { describe, expect, it } from "vitest";
import {
  arrowTarget,
  asChips,
  CHIP_LIMIT,
  focusAfterPick,
  QUICK_LIMIT,
  quickPicks,
  tabStop,
} from "./chips";

describe("asChips", () => {
  it("draws a few choices as chips and many as a dropdown", () => {
    expect(asChips(0)).toBe(true);
    expect(asChips(CHIP_LIMIT)).toBe(true);
    expect(asChips(CHIP_LIMIT + 1)).toBe(false);
    expect(CHIP_LIMIT).toBe(8);
  });
});

describe("arrowTarget", () => {
  it("moves back with Left and Up, on with Right and Down, like radios", () => {
    expect(arrowTarget({ key: "ArrowRight" }, 1, 4)).toBe(2);
    expect(arrowTarget({ key: "ArrowDown" }, 1, 4)).toBe(2);
    expect(arrowTarget({ key: "ArrowLeft" }, 1, 4)).toBe(0);
    expect(arrowTarget({ key: "ArrowUp" }, 1, 4)).toBe(0);
  });

  it("wraps around at both ends", () => {
    expect(arrowTarget({ key: "ArrowRight" }, 3, 4)).toBe(0);
    expect(arrowTarget({ key: "ArrowLeft" }, 0, 4)).toBe(3);
    expect(arrowTarget({ key: "ArrowUp" }, 0, 1)).toBe(0);
  });

  it("leaves other keys to the button, which picks on Space and Enter", () => {
    expect(arrowTarget({ key: " " }, 1, 4)).toBeNull();
    expect(arrowTarget({ key: "Enter" }, 1, 4)).toBeNull();
    expect(arrowTarget({ key: "Tab" }, 1, 4)).toBeNull();
    expect(arrowTarget({ key: "Home" }, 1, 4)).toBeNull();
  });

  it("leaves arrows with a modifier to the system and the app", () => {
    expect(arrowTarget({ key: "ArrowLeft", altKey: true }, 1, 4)).toBeNull();
    expect(arrowTarget({ key: "ArrowRight", ctrlKey: true }, 1, 4)).toBeNull();
    expect(arrowTarget({ key: "ArrowDown", metaKey: true }, 1, 4)).toBeNull();
  });

  it("goes nowhere in an empty group", () => {
    expect(arrowTarget({ key: "ArrowRight" }, 0, 0)).toBeNull();
  });
});

describe("tabStop", () => {
  const values = ["", "ms-ports", "ms-3pl"];

  it("is the chosen chip, None when nothing is chosen", () => {
    expect(tabStop(values, "ms-3pl")).toBe(2);
    expect(tabStop(values, "")).toBe(0);
  });

  it("is the first chip when the value is not among the choices", () => {
    expect(tabStop(values, "ms-gone")).toBe(0);
    expect(tabStop(["ms-ports"], "ms-gone")).toBe(0);
  });
});

describe("quickPicks", () => {
  const needs = [
    { id: "n-1", name: "Audit trail" },
    { id: "n-2", name: "Cost control" },
    { id: "n-3", name: "Single sign-on" },
  ];

  it("offers what no row has picked, in the catalog's order", () => {
    expect(quickPicks(needs, ["n-2", ""]).map((c) => c.id)).toEqual(["n-1", "n-3"]);
    expect(quickPicks(needs, []).map((c) => c.id)).toEqual(["n-1", "n-2", "n-3"]);
  });

  it("offers nothing once every choice is picked", () => {
    expect(quickPicks(needs, ["n-3", "n-1", "n-2"])).toEqual([]);
  });

  it("offers nothing when more than the limit are left, all when exactly the limit", () => {
    expect(quickPicks(needs, [], 2)).toEqual([]);
    expect(quickPicks(needs, ["n-1"], 2).map((c) => c.id)).toEqual(["n-2", "n-3"]);
    const many = Array.from({ length: QUICK_LIMIT + 1 }, (_, i) => ({ id: `n-${i}` }));
    expect(quickPicks(many, [])).toEqual([]);
    expect(quickPicks(many, ["n-0"])).toHaveLength(QUICK_LIMIT);
    expect(QUICK_LIMIT).toBe(12);
  });
});

describe("focusAfterPick", () => {
  it("gives the focus to the pick that moved into the clicked one's place", () => {
    expect(focusAfterPick(0, 3)).toBe(0);
    expect(focusAfterPick(1, 3)).toBe(1);
  });

  it("gives it to the new last pick when the last was clicked", () => {
    expect(focusAfterPick(2, 3)).toBe(1);
  });

  it("gives it to no pick when none is left", () => {
    expect(focusAfterPick(0, 1)).toBeNull();
    expect(focusAfterPick(0, 0)).toBeNull();
  });
});
