import { describe, expect, it } from "vitest";
import type { UnitFinding } from "../ipc";
import { NOTHING_CHOSEN, type Spotlight, spotlight } from "./spotlight";

const unit = { unit: "bu-1", members: ["p-1", "p-2"] } as unknown as UnitFinding;
const chosen: Spotlight = { focus: ["p-1", "p-2"], unit };

describe("spotlight", () => {
  it("is set by a finding or a click on the map", () => {
    expect(spotlight(NOTHING_CHOSEN, { kind: "finding", ids: ["p-1"] })).toEqual({
      focus: ["p-1"],
      unit: null,
    });
    expect(spotlight(NOTHING_CHOSEN, { kind: "finding", ids: ["p-1", "p-2"], unit })).toEqual(
      chosen,
    );
    expect(spotlight(chosen, { kind: "select", id: "p-3" }), "a click replaces the unit").toEqual({
      focus: ["p-3"],
      unit: null,
    });
    expect(spotlight(chosen, { kind: "select", id: null })).toEqual(NOTHING_CHOSEN);
  });

  it("is cleared by Escape, so the dimming does not outlive the choice", () => {
    expect(spotlight(chosen, { kind: "escape" })).toEqual(NOTHING_CHOSEN);
  });

  it("is replaced by a new search, which then shows its own matches", () => {
    expect(spotlight(chosen, { kind: "searched" })).toEqual(NOTHING_CHOSEN);
  });

  it("is let go when a filter changes or Fit asks for the whole map", () => {
    expect(spotlight(chosen, { kind: "filtered" })).toEqual(NOTHING_CHOSEN);
    expect(spotlight(chosen, { kind: "fitted" })).toEqual(NOTHING_CHOSEN);
    expect(spotlight(chosen, { kind: "gone" })).toEqual(NOTHING_CHOSEN);
  });

  it("stays the same object when there is nothing to clear, so nothing draws again", () => {
    const none = { focus: [], unit: null };
    expect(spotlight(none, { kind: "searched" })).toBe(none);
  });
});
