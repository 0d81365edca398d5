import { describe, expect, it } from "vitest";
import type { MapView } from "../../ipc";
import { namer, percent } from "./names";

const map: MapView = {
  nodes: [
    {
      id: "p-1",
      kind: "persona",
      label: "Dana",
      parent: null,
      customer_segment: null,
      role: null,
      decides: false,
      status: null,
      marks: [],
      confidence: 0.5,
      low_confidence: false,
    },
  ],
  edges: [],
  customer_segments: [["cs-1", "Careful buyers"]],
  names: [["bu-1", "Govern rollout"]],
};

describe("namer", () => {
  it("names nodes, segments and the entities that are not drawn", () => {
    const name = namer(map);
    expect(name("p-1")).toBe("Dana");
    expect(name("cs-1")).toBe("Careful buyers");
    expect(name("bu-1")).toBe("Govern rollout");
    expect(name("nope")).toBe("nope");
  });
});

describe("percent", () => {
  it("rounds down so that a share just under a threshold never reads as it", () => {
    expect(percent(0.599)).toBe("59%");
    expect(percent(0.6)).toBe("60%");
    expect(percent(0.317)).toBe("31%");
  });
});
