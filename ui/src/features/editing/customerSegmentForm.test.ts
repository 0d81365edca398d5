import { describe, expect, it } from "vitest";
import type { CustomerSegment } from "../../ipc";
import {
  customerSegmentDraft,
  customerSegmentValue,
  emptyCustomerSegment,
} from "./customerSegmentForm";

describe("customer segment drafts", () => {
  it("round-trip a segment, keeping the fields the form does not show", () => {
    const segment: CustomerSegment = {
      id: "cs-pragmatic",
      name: "Pragmatic modernisers",
      description: "One proven step at a time",
      priority: 5,
      attributes: { survey: true },
    };
    expect(customerSegmentValue(customerSegmentDraft(segment))).toEqual(segment);
  });

  it("give a new segment a free id and leave out an empty priority", () => {
    const d = emptyCustomerSegment(new Set(["cs-new-1"]));
    d.name = "Sceptics";
    d.description = "  ";
    const value = customerSegmentValue(d);
    expect(value).toEqual({ id: "cs-new-2", name: "Sceptics" });
    expect(Object.keys(value)).toEqual(["id", "name"]);
  });
});
