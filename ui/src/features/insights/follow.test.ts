import { describe, expect, it } from "vitest";
import type { Analysis } from "../../ipc";
import { followFilter, hiddenCount } from "./follow";

function analysis(): Analysis {
  return {
    golden: [{ persona: "p-a", products: [], duplicates: ["p-b"], score: 1, why: "A is B" }],
    underserved: [
      { persona: "p-a", service_level: 0.2, unmet_needs: [], why: "A" },
      { persona: "p-c", service_level: 0.3, unmet_needs: [], why: "C" },
    ],
    overlaps: [{ personas: ["p-c", "p-d"], similarity: 0.8, shared: [], why: "C and D" }],
    multi_product: [{ persona: "p-d", products: [], why: "D" }],
    buying_units: [
      {
        unit: "bu-1",
        complete: false,
        missing_roles: [],
        members: ["p-b", "p-c"],
        decision_makers: [],
        unlinked_members: [],
        why: "unit",
      },
    ],
    health: [{ persona: "p-c", confidence: 0.1, problems: [], why: "C" }],
  } as unknown as Analysis;
}

describe("insights that follow the map's filter", () => {
  it("keep the findings about a persona the filter keeps", () => {
    const a = analysis();
    const shown = followFilter(a, new Set(["p-b"]));
    expect(shown.golden).toHaveLength(1);
    expect(shown.underserved).toHaveLength(0);
    expect(shown.overlaps).toHaveLength(0);
    expect(shown.buying_units).toHaveLength(1);
    expect(shown.multi_product).toHaveLength(0);
    expect(shown.health).toHaveLength(0);
    expect(hiddenCount(a, shown)).toBe(5);
  });

  it("keep a pair when either of the two is kept", () => {
    const shown = followFilter(analysis(), new Set(["p-d"]));
    expect(shown.overlaps).toHaveLength(1);
    expect(shown.multi_product).toHaveLength(1);
  });
});
