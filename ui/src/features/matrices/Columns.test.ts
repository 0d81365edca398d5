import { describe, expect, it } from "vitest";
import { total, widths } from "./Columns";

describe("column widths", () => {
  it("lists the first column, the equal ones, then the last", () => {
    expect(widths(240, 3, 84, [72])).toEqual([240, 84, 84, 84, 72]);
    expect(widths(220, 0, 124)).toEqual([220]);
  });

  it("add up to the table's width", () => {
    expect(total(widths(220, 50, 124))).toBe(6420);
  });
});
