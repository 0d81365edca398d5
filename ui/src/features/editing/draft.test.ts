import { describe, expect, it } from "vitest";
import { commonValue, freeId, sentIndex, split, typed } from "./draft";

describe("draft fields", () => {
  it("pass numbers on as typed, so that the core judges words", () => {
    expect(typed(" 4 ")).toBe(4);
    expect(typed("")).toBeUndefined();
    expect(typed("high")).toBe("high");
  });

  it("give the smallest free id", () => {
    expect(freeId("need", new Set())).toBe("need-new-1");
    expect(freeId("need", new Set(["need-new-1", "need-new-2"]))).toBe("need-new-3");
  });

  it("keep the fields a form does not show", () => {
    const { common, fields } = split({ id: "n", name: "N", priority: 2, attributes: { a: 1 } }, [
      "priority",
    ]);
    expect(fields).toEqual({ priority: 2 });
    expect(commonValue(common)).toEqual({ id: "n", name: "N", attributes: { a: 1 } });
  });

  it("find a row's index among the rows sent", () => {
    const rows = ["", "a", "", "b"];
    const kept = (r: string) => r !== "";
    expect(sentIndex(rows, 3, kept)).toBe(1);
    expect(sentIndex(rows, 2, kept)).toBeNull();
    expect(sentIndex(rows, 9, kept)).toBeNull();
  });
});
