import { describe, expect, it } from "vitest";
import {
  cellBadges,
  gapText,
  linkLabel,
  linksByColumn,
  nextRelations,
  parseScore,
  scoreText,
  shortNames,
} from "./cells";

describe("cellBadges", () => {
  it("shows the relations that fit in full", () => {
    expect(cellBadges([])).toEqual({ shown: [], more: 0 });
    expect(cellBadges(["owned_by", "uses"])).toEqual({ shown: ["Owned", "Uses"], more: 0 });
    expect(cellBadges(["targets", "uses"])).toEqual({ shown: ["Targeted", "Uses"], more: 0 });
  });

  it("folds the rest into a count, keeping the cell one line", () => {
    expect(cellBadges(["owned_by", "evaluates"])).toEqual({ shown: ["Owned"], more: 1 });
    expect(cellBadges(["owned_by", "uses", "targets"])).toEqual({ shown: ["Owned"], more: 2 });
    expect(cellBadges(["owned_by", "targets", "uses", "evaluates"], 600).more).toBe(0);
  });

  it("always shows the first badge, however narrow the cell", () => {
    expect(cellBadges(["evaluates", "uses"], 3)).toEqual({ shown: ["Evaluates"], more: 1 });
  });
});

describe("shortNames", () => {
  it("drops the words every name starts with", () => {
    expect(shortNames(["Lanternfold Pipelines", "Lanternfold Connect SDK"])).toEqual({
      prefix: "Lanternfold ",
      names: ["Pipelines", "Connect SDK"],
    });
  });

  it("keeps names that share nothing, or only part of a word", () => {
    expect(shortNames(["Norvane Cloud", "Quillstream"]).prefix).toBe("");
    expect(shortNames(["Lantern", "Lanternfold"]).prefix).toBe("");
  });

  it("never empties a name, and leaves a single name whole", () => {
    expect(shortNames(["Acme", "Acme Pro"]).prefix).toBe("");
    expect(shortNames(["Acme Pro"])).toEqual({ prefix: "", names: ["Acme Pro"] });
  });
});

describe("linkLabel", () => {
  it("says every relation, or that there is none", () => {
    expect(linkLabel("Dana", "Pipelines", ["owned_by", "uses"])).toBe(
      "Dana × Pipelines: owned by the product's team, uses the product",
    );
    expect(linkLabel("Dana", "Observe", [])).toBe("Dana × Observe: not linked");
  });
});

describe("linksByColumn", () => {
  it("puts each link under its product and leaves the rest empty", () => {
    const out = linksByColumn(
      [
        { product: 0, relations: ["uses"] },
        { product: 2, relations: ["targets", "evaluates"] },
      ],
      3,
    );
    expect(out).toEqual([["uses"], undefined, ["targets", "evaluates"]]);
  });

  it("ignores a link past the last column instead of growing the row", () => {
    expect(linksByColumn([{ product: 5, relations: ["uses"] }], 2)).toEqual([undefined, undefined]);
  });
});

describe("score and gap text", () => {
  it("prints two decimals, blank when not addressed", () => {
    expect(scoreText(0.7)).toBe("0.70");
    expect(scoreText(1)).toBe("1.00");
    expect(scoreText(null)).toBe("");
  });

  it("prints a gap with the sign its legend gives: competitor minus ours", () => {
    expect(gapText(0.35)).toBe("+0.35");
    expect(gapText(0)).toBe("—");
  });
});

describe("parseScore", () => {
  it("reads numbers from 0 to 1, with a point or a comma", () => {
    expect(parseScore("0.6")).toEqual({ score: 0.6 });
    expect(parseScore(" 1 ")).toEqual({ score: 1 });
    expect(parseScore("0,25")).toEqual({ score: 0.25 });
    expect(parseScore(".5")).toEqual({ score: 0.5 });
    expect(parseScore("0")).toEqual({ score: 0 });
  });

  it("refuses what is not a score, saying why", () => {
    expect(parseScore("")).toHaveProperty("error");
    expect(parseScore("abc")).toEqual({
      error: "“abc” is not a number; enter one from 0 to 1, such as 0.6.",
    });
    expect(parseScore("1.5")).toEqual({ error: "A score is at most 1 (fully meets the need)." });
    expect(parseScore("-0.2")).toHaveProperty("error");
    expect(parseScore("1e-1")).toHaveProperty("error");
    expect(parseScore("Infinity")).toHaveProperty("error");
  });
});

describe("nextRelations", () => {
  it("keeps the persona's order and appends new relations in the form's", () => {
    const ticked = new Set(["uses", "owned_by", "evaluates"] as const);
    expect(nextRelations(["uses", "targets", "owned_by"], ticked)).toEqual([
      "uses",
      "owned_by",
      "evaluates",
    ]);
  });

  it("gives no relations when nothing is ticked, which unlinks", () => {
    expect(nextRelations(["uses"], new Set())).toEqual([]);
  });
});
