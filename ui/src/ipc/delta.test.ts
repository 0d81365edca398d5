import { describe, expect, it } from "vitest";
import type { Op, Sent } from "./bindings";
import { applyOps, HeldView } from "./delta";

type View = { list: number[]; box: { a: string; b: number[] }; groups: { xs: string[] }[] };

const view = (): View => ({
  list: [1, 2, 3, 4],
  box: { a: "x", b: [9] },
  groups: [{ xs: ["p"] }, { xs: ["q", "r"] }],
});

describe("applyOps", () => {
  it("splices a list and sets a value, leaving the input as it was", () => {
    const before = view();
    const ops: Op[] = [
      { op: "splice", path: ["list"], start: 1, delete: 2, insert: [7] },
      { op: "set", path: ["box", "a"], value: "y" },
      { op: "splice", path: ["groups", "1", "xs"], start: 2, delete: 0, insert: ["s"] },
    ];
    const after = applyOps(before, ops);
    expect(after.list).toEqual([1, 7, 4]);
    expect(after.box.a).toBe("y");
    expect(after.groups[1]?.xs).toEqual(["q", "r", "s"]);
    expect(before).toEqual(view());
  });

  it("keeps what is off the changed paths as the same objects", () => {
    const before = view();
    const after = applyOps(before, [{ op: "set", path: ["box", "a"], value: "y" }]);
    expect(after.list).toBe(before.list);
    expect(after.groups).toBe(before.groups);
    expect(after.box.b).toBe(before.box.b);
  });

  it("refuses a splice past the end of a list", () => {
    expect(() =>
      applyOps(view(), [{ op: "splice", path: ["list"], start: 3, delete: 2, insert: [] }]),
    ).toThrow("too short");
  });
});

describe("HeldView", () => {
  const whole = (seq: number, value: View): Sent<View> => ({ kind: "whole", seq, value });
  const change = (base: number, seq: number, ops: Op[]): Sent<View> => ({
    kind: "change",
    base,
    seq,
    ops,
  });
  const rename: Op[] = [{ op: "set", path: ["box", "a"], value: "z" }];

  it("applies a change to the copy of the send it names", () => {
    const held = new HeldView<View>();
    expect(held.take(whole(3, view())).kind).toBe("view");
    const taken = held.take(change(3, 4, rename));
    expect(taken.kind === "view" && taken.value.box.a).toBe("z");
    expect(held.current()?.box.a).toBe("z");
  });

  it("asks for the whole view when a change names another copy", () => {
    const held = new HeldView<View>();
    held.take(whole(3, view()));
    expect(held.take(change(5, 6, rename)).kind).toBe("ask_whole");
    expect(held.current()?.box.a).toBe("x");
    expect(new HeldView<View>().take(change(1, 2, rename)).kind).toBe("ask_whole");
  });

  it("never goes back to an older send that arrives late", () => {
    const held = new HeldView<View>();
    held.take(whole(3, view()));
    held.take(change(3, 4, rename));
    expect(held.take(whole(2, view())).kind).toBe("older");
    expect(held.current()?.box.a).toBe("z");
  });

  it("asks for the whole view when a change does not fit", () => {
    const held = new HeldView<View>();
    held.take(whole(1, view()));
    const bad: Op[] = [{ op: "splice", path: ["nothing"], start: 0, delete: 1, insert: [] }];
    expect(held.take(change(1, 2, bad)).kind).toBe("ask_whole");
    // A set is refused too where the copy has no such place, not written in.
    const missing: Op[] = [{ op: "set", path: ["box", "c"], value: 1 }];
    expect(held.take(change(1, 3, missing)).kind).toBe("ask_whole");
    const past: Op[] = [{ op: "set", path: ["list", "9"], value: 1 }];
    expect(held.take(change(1, 4, past)).kind).toBe("ask_whole");
    expect(held.current()).toEqual(view());
  });
});
