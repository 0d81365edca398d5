import { describe, expect, it } from "vitest";
import type { Competitor } from "../../ipc";
import { competitorDraft, competitorValue, emptyCompetitor } from "./competitorForm";

describe("competitor drafts", () => {
  it("round-trip a competitor, keeping the fields the form does not show", () => {
    const competitor: Competitor = {
      id: "comp-norvane",
      name: "Norvane",
      description: "Sovereign cloud",
      addresses: [
        { need: "need-residency", score: 0.9 },
        { need: "need-audit", score: 0.6 },
      ],
      attributes: { hq: "Frankfurt" },
    };
    expect(competitorValue(competitorDraft(competitor))).toEqual(competitor);
  });

  it("give a new competitor a free id and drop rows with no need", () => {
    const d = emptyCompetitor(new Set(["comp-new-1"]));
    d.name = "Quayside";
    d.addresses.push({ need: "", score: "1" }, { need: "need-a", score: " 1.2 " });
    expect(competitorValue(d)).toEqual({
      id: "comp-new-2",
      name: "Quayside",
      addresses: [{ need: "need-a", score: 1.2 }],
    });
  });

  it("say which score is not a number, by the index of the row sent", () => {
    const d = emptyCompetitor(new Set());
    d.addresses.push({ need: "", score: "1" }, { need: "need-a", score: "high" });
    expect(competitorValue(d)).toEqual([
      { path: "addresses[0].score", message: "must be a number, not “high”" },
    ]);
  });
});
