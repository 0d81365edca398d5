import { describe, expect, it } from "vitest";
import { confidenceHint, confidenceLabel, confidenceTone } from "./confidence";

describe("confidenceTone", () => {
  it("calls a persona with no confidence at all 'none', whatever the flag", () => {
    expect(confidenceTone(0, true)).toBe("none");
    expect(confidenceTone(0, false)).toBe("none");
  });

  it("follows the core's verdict on what is low, drawing no line of its own", () => {
    expect(confidenceTone(0.7, true)).toBe("low");
    expect(confidenceTone(0.3, false)).toBe("sound");
  });
});

describe("confidenceLabel", () => {
  it("writes two decimals, as the core's reports do", () => {
    expect(confidenceLabel(0.456)).toBe("Confidence 0.46");
    expect(confidenceLabel(1)).toBe("Confidence 1.00");
    expect(confidenceLabel(0)).toBe("Confidence 0.00");
  });
});

describe("confidenceHint", () => {
  it("says something different for each tone", () => {
    const hints = new Set((["none", "low", "sound"] as const).map(confidenceHint));
    expect(hints.size).toBe(3);
  });
});
