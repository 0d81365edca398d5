import { describe, expect, it } from "vitest";
import { nameColumnWidth, total, widths } from "./Columns";

describe("column widths", () => {
  it("lists the first column, the equal ones, then the last", () => {
    expect(widths(240, 3, 84, [72])).toEqual([240, 84, 84, 84, 72]);
    expect(widths(220, 0, 124)).toEqual([220]);
  });

  it("add up to the table's width", () => {
    expect(total(widths(220, 50, 124))).toBe(6420);
  });
});

describe("the names column", () => {
  it("is as wide as the longest name when the window has room", () => {
    expect(nameColumnWidth(32, 1000)).toBe(Math.ceil(32 * 7.2) + 24);
  });

  it("never takes what the other columns need, nor grows past its most", () => {
    expect(nameColumnWidth(32, 210)).toBe(210);
    expect(nameColumnWidth(32, 100)).toBe(200);
    expect(nameColumnWidth(200, 5000)).toBe(360);
  });

  it("keeps its least width for short names", () => {
    expect(nameColumnWidth(5, 1000)).toBe(200);
  });
});
