import { describe, expect, it } from "vitest";
import { emptyMarketSegment, marketSegmentDraft, marketSegmentValue } from "./marketSegmentForm";

describe("market segment drafts", () => {
  it("round-trip a segment, keeping the fields the form does not show", () => {
    const segment = {
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
    expect(marketSegmentValue(d)).toEqual({ id: "ms-new-2", name: "Ports" });
  });

  it("pass a priority out of range or a word to the core to judge", () => {
    const d = { ...emptyMarketSegment(new Set()), name: "Ports", priority: "9", size: "many" };
    expect(marketSegmentValue(d)).toMatchObject({ priority: 9, size: "many" });
  });
});
