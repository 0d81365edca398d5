import { describe, expect, it } from "vitest";
import { DROP_SLACK, dropTarget, type Spot } from "./hit";

const spots: Spot[] = [
  { id: "dana", x: 0, y: 0, radius: 11 },
  { id: "kwame", x: 30, y: 0, radius: 15 },
];

describe("a drop", () => {
  it("lands on the persona under it, or just past its edge", () => {
    expect(dropTarget(spots, { x: 2, y: 3 })).toBe("dana");
    expect(dropTarget(spots, { x: 0, y: 11 + DROP_SLACK })).toBe("dana");
    expect(dropTarget(spots, { x: 0, y: 11 + DROP_SLACK + 1 })).toBeNull();
  });

  it("lands on the nearest when two reach it", () => {
    // 14 from Dana's centre (within 11 + slack), 16 from Kwame's (within 15 + slack).
    expect(dropTarget(spots, { x: 14, y: 0 })).toBe("dana");
    expect(dropTarget(spots, { x: 16, y: 0 })).toBe("kwame");
  });

  it("lands on nothing in empty space", () => {
    expect(dropTarget(spots, { x: 200, y: 200 })).toBeNull();
    expect(dropTarget([], { x: 0, y: 0 })).toBeNull();
  });
});
