import { describe, expect, it } from "vitest";
import type { IpcProblem } from "../../ipc";
import { freeId, named, numberAt, numberText, optional, sentIndex, some, unpicked } from "./draft";

describe("draft fields", () => {
  it("read numbers as typed, leaving ranges to the core and saying what is not a number", () => {
    const problems: IpcProblem[] = [];
    expect(numberAt(" 4 ", "priority", problems)).toBe(4);
    expect(numberAt("9", "priority", problems)).toBe(9);
    expect(numberAt("", "priority", problems)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(numberAt("high", "priority", problems)).toBeUndefined();
    expect(numberAt(" ", "needs[0].importance", problems, true)).toBeUndefined();
    expect(problems).toEqual([
      { path: "priority", message: "must be a number, not “high”" },
      { path: "needs[0].importance", message: "missing; enter a number" },
    ]);
    expect(numberText(0)).toBe("0");
    expect(numberText(undefined)).toBe("");
  });

  it("give the smallest free id", () => {
    expect(freeId("need", new Set())).toBe("need-new-1");
    expect(freeId("need", new Set(["need-new-1", "need-new-2"]))).toBe("need-new-3");
  });

  it("leave out what is empty, as the format does, and keep what is not", () => {
    expect(named({ id: "n", name: "N", description: "  " })).toEqual({ id: "n", name: "N" });
    expect(named({ id: "n", name: "N", description: "Why" })).toEqual({
      id: "n",
      name: "N",
      description: "Why",
    });
    const left = { ...optional("priority", undefined), ...optional("size", some([])) };
    expect(Object.keys(left)).toEqual([]);
    expect(optional("size", 0)).toEqual({ size: 0 });
    expect(some([1])).toEqual([1]);
  });

  it("find a row's index among the rows sent", () => {
    const rows = ["", "a", "", "b"];
    const kept = (r: string) => r !== "";
    expect(sentIndex(rows, 3, kept)).toBe(1);
    expect(sentIndex(rows, 2, kept)).toBeNull();
    expect(sentIndex(rows, 9, kept)).toBeNull();
  });
});

describe("unpicked", () => {
  const needs = [
    { id: "n-1", name: "Audit trail" },
    { id: "n-2", name: "Cost control" },
    { id: "n-3", name: "Single sign-on" },
  ];

  it("leaves out what another row picked, keeping the row's own", () => {
    const rows = ["n-1", "n-2", ""];
    expect(unpicked(needs, rows, "n-1").map((c) => c.id)).toEqual(["n-1", "n-3"]);
    expect(unpicked(needs, rows, "n-2").map((c) => c.id)).toEqual(["n-2", "n-3"]);
    expect(
      unpicked(needs, rows, "").map((c) => c.id),
      "a new row offers the rest",
    ).toEqual(["n-3"]);
  });

  it("offers everything while nothing is picked, in the catalog's order", () => {
    expect(unpicked(needs, ["", ""], "")).toEqual(needs);
  });
});
