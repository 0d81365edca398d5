import { describe, expect, it } from "vitest";
import type { MarketSegment } from "../../ipc";
import { emptyMarketSegment, marketSegmentDraft, marketSegmentValue } from "./marketSegmentForm";

describe("market segment drafts", () => {
  it("round-trip a segment, keeping the fields the form does not show", () => {
    const segment: MarketSegment = {
      id: "ms-saas",
      name: "Mid-market SaaS",
      description: "Software companies",
      size: 4200,
      priority: 5,
      attributes: { region: "EU" },
    };
    expect(marketSegmentValue(marketSegmentDraft(segment))).toEqual(segment);
  });

  it("give a new segment a free id and leave out empty numbers", () => {
    const d = emptyMarketSegment(new Set(["ms-new-1"]));
    d.name = "Ports";
    const value = marketSegmentValue(d);
    expect(value).toEqual({ id: "ms-new-2", name: "Ports" });
    expect(Object.keys(value)).toEqual(["id", "name"]);
  });

  it("pass a priority out of range to the core to judge, and say a word is not a number", () => {
    const d = { ...emptyMarketSegment(new Set()), name: "Ports", priority: "9", size: " 120 " };
    expect(marketSegmentValue(d)).toMatchObject({ priority: 9, size: 120 });
    expect(marketSegmentValue({ ...d, size: "many" })).toEqual([
      { path: "size", message: "must be a number, not “many”" },
    ]);
  });
});
