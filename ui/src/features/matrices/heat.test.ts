import { describe, expect, it } from "vitest";
import { coverageTone, scoreTone } from "./heat";

describe("scoreTone", () => {
  it("leaves cells a product does not address blank", () => {
    expect(scoreTone(null, 0.7)).toBe("tone-none");
  });

  it("draws the line at met_at, itself included", () => {
    expect(scoreTone(0.7, 0.7)).toBe("tone-meets-1");
    expect(scoreTone(0.69, 0.7)).toBe("tone-short-1");
  });

  it("deepens with the distance from the line on both sides", () => {
    expect(scoreTone(1, 0.7)).toBe("tone-meets-3");
    expect(scoreTone(0.85, 0.7)).toBe("tone-meets-2");
    expect(scoreTone(0, 0.7)).toBe("tone-short-3");
    expect(scoreTone(0.4, 0.7)).toBe("tone-short-2");
  });

  it("copes with a line at either end", () => {
    expect(scoreTone(0, 0)).toBe("tone-meets-1");
    expect(scoreTone(1, 1)).toBe("tone-meets-3");
    expect(scoreTone(0.2, 1)).toBe("tone-short-3");
  });
});

describe("coverageTone", () => {
  it("keeps nothing covered apart from a little", () => {
    expect(coverageTone(0)).toBe("cover-0");
    expect(coverageTone(0.01)).toBe("cover-1");
  });

  it("has five steps up to all of it", () => {
    expect(coverageTone(0.5)).toBe("cover-3");
    expect(coverageTone(0.99)).toBe("cover-5");
    expect(coverageTone(1)).toBe("cover-5");
  });

  it("treats a share that is not a number as nothing", () => {
    expect(coverageTone(Number.NaN)).toBe("cover-0");
  });
});
