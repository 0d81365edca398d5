import { describe, expect, it } from "vitest";
import type { JourneyView, StageNeed, StageView } from "../../ipc";
import {
  emotionCurve,
  emotionLabel,
  journeyFacts,
  needMark,
  newJourneyId,
  offeredNeeds,
  offeredPersonas,
  shownJourney,
  stagesValue,
  stageValue,
  unmetLabel,
  unmetTotal,
  withEmotion,
  withName,
  withNeeds,
  withNewStage,
  withoutStage,
  withStageMoved,
  withTexts,
} from "./journeys";

const need = (id: string, met: boolean, best: [string, number] | null = null): StageNeed => ({
  id,
  name: `Need ${id}`,
  best: best === null ? null : [{ id: best[0], name: `Product ${best[0]}` }, best[1]],
  met,
});

const stage = (name: string, over: Partial<StageView> = {}): StageView => ({
  name,
  goals: [],
  questions: [],
  touchpoints: [],
  channels: [],
  needs: [],
  pains: [],
  opportunities: [],
  emotion: null,
  unmet: 0,
  ...over,
});

const trigger = stage("Trigger", {
  goals: ["Stop the firefights"],
  questions: ["Why did it fail?"],
  touchpoints: ["Incident channel"],
  channels: ["Slack"],
  needs: [need("need-ingest", true, ["pipes", 0.9]), need("need-alerts", false)],
  pains: ["Angry messages"],
  opportunities: ["Reliability content"],
  emotion: -2,
  unmet: 1,
});
const research = stage("Research", { goals: ["Find a tool"], emotion: 0 });
const purchase = stage("Purchase");
const stages = [trigger, research, purchase];

const journey = (id: string, over: Partial<JourneyView> = {}): JourneyView => ({
  id,
  name: `Journey ${id}`,
  description: null,
  personas: [],
  stages: [],
  ...over,
});

describe("stages in the interchange format", () => {
  it("writes every field of a full stage, needs by their ids", () => {
    expect(stageValue(trigger)).toEqual({
      name: "Trigger",
      goals: ["Stop the firefights"],
      questions: ["Why did it fail?"],
      touchpoints: ["Incident channel"],
      channels: ["Slack"],
      needs: ["need-ingest", "need-alerts"],
      pains: ["Angry messages"],
      opportunities: ["Reliability content"],
      emotion: -2,
    });
  });

  it("leaves out empty lists and a missing emotion", () => {
    const value = stageValue(purchase);
    expect(value).toEqual({ name: "Purchase" });
    expect(Object.keys(value)).toEqual(["name"]);
  });

  it("keeps an emotion of zero, which is a value and not a gap", () => {
    expect(stageValue(research)).toEqual({ name: "Research", goals: ["Find a tool"], emotion: 0 });
  });

  it("keeps no view-only field: the verdicts and unmet counts are the core's", () => {
    const value = stageValue(trigger) as Record<string, unknown>;
    expect(value).not.toHaveProperty("unmet");
    expect(JSON.stringify(value)).not.toContain("Product pipes");
  });

  it("writes the stages in their order", () => {
    expect(stagesValue(stages).map((s) => s.name)).toEqual(["Trigger", "Research", "Purchase"]);
  });

  it("never changes the stages it was given", () => {
    const value = stageValue(trigger);
    value.goals?.push("More");
    expect(trigger.goals).toEqual(["Stop the firefights"]);
  });
});

describe("one change to the stages", () => {
  it("replaces one row of one stage and keeps the rest", () => {
    const next = withTexts(stages, 1, "goals", ["Find a tool", "Ask peers"]);
    expect(next[1]).toEqual({ name: "Research", goals: ["Find a tool", "Ask peers"], emotion: 0 });
    expect(next[0]).toEqual(stageValue(trigger));
    expect(next[2]).toEqual({ name: "Purchase" });
  });

  it("leaves a row out once its last text is removed", () => {
    const next = withTexts(stages, 1, "goals", []);
    expect(next[1]).toEqual({ name: "Research", emotion: 0 });
  });

  it("adds a first text to an empty row", () => {
    expect(withTexts(stages, 2, "pains", ["Slow procurement"])[2]).toEqual({
      name: "Purchase",
      pains: ["Slow procurement"],
    });
  });

  it("renames a stage, trimmed", () => {
    expect(withName(stages, 2, "  Contract ")[2]).toEqual({ name: "Contract" });
  });

  it("sets and removes an emotion", () => {
    expect(withEmotion(stages, 2, 1)[2]).toEqual({ name: "Purchase", emotion: 1 });
    expect(withEmotion(stages, 0, null)[0]).not.toHaveProperty("emotion");
    expect(withEmotion(stages, 1, -1)[1]).toEqual({
      name: "Research",
      goals: ["Find a tool"],
      emotion: -1,
    });
  });

  it("sets a stage's needs by id, and leaves them out when none is left", () => {
    expect(withNeeds(stages, 2, ["need-cdc"])[2]).toEqual({
      name: "Purchase",
      needs: ["need-cdc"],
    });
    expect(withNeeds(stages, 0, [])[0]).not.toHaveProperty("needs");
    expect(withNeeds(stages, 0, ["need-alerts"])[0]?.needs).toEqual(["need-alerts"]);
  });

  it("adds a stage at the end with only its name", () => {
    const next = withNewStage(stages, " Renewal ");
    expect(next).toHaveLength(4);
    expect(next[3]).toEqual({ name: "Renewal" });
    expect(withNewStage([], "First")).toEqual([{ name: "First" }]);
  });

  it("deletes a stage", () => {
    expect(withoutStage(stages, 1).map((s) => s.name)).toEqual(["Trigger", "Purchase"]);
  });

  it("moves a stage left and right, whole", () => {
    const left = withStageMoved(stages, 1, 0);
    expect(left.map((s) => s.name)).toEqual(["Research", "Trigger", "Purchase"]);
    expect(left[1]).toEqual(stageValue(trigger));
    expect(withStageMoved(stages, 0, 1).map((s) => s.name)).toEqual([
      "Research",
      "Trigger",
      "Purchase",
    ]);
    expect(withStageMoved(stages, 2, 3).map((s) => s.name)).toEqual([
      "Trigger",
      "Research",
      "Purchase",
    ]);
  });

  it("changes nothing for a stage that is not there", () => {
    expect(withTexts(stages, 7, "goals", ["x"])).toEqual(stagesValue(stages));
  });
});

describe("what the selects offer", () => {
  const all = [
    { id: "need-ingest", name: "Ingest" },
    { id: "need-cdc", name: "CDC" },
    { id: "need-alerts", name: "Alerts" },
  ];

  it("offers only the needs not on the stage, in the catalog's order", () => {
    expect(offeredNeeds(all, trigger)).toEqual([{ id: "need-cdc", name: "CDC" }]);
    expect(offeredNeeds(all, purchase)).toEqual(all);
  });

  it("offers only the personas not on the journey", () => {
    const people = [
      { id: "p-dana", name: "Dana" },
      { id: "p-kwame", name: "Kwame" },
    ];
    const j = journey("j-1", { personas: [{ id: "p-kwame", name: "Kwame" }] });
    expect(offeredPersonas(people, j)).toEqual([{ id: "p-dana", name: "Dana" }]);
  });
});

describe("what the view says", () => {
  it("marks a met need with the product and score the core gave", () => {
    expect(needMark(need("n", true, ["pipes", 0.9]))).toEqual({
      tone: "met",
      text: "met by Product pipes · 0.90",
    });
  });

  it("marks an unmet need with our best try, or with none", () => {
    expect(needMark(need("n", false, ["pipes", 0.4]))).toEqual({
      tone: "unmet",
      text: "best: Product pipes 0.40",
    });
    expect(needMark(need("n", false))).toEqual({ tone: "unmet", text: "no product meets it" });
  });

  it("follows the core's verdict, whatever the score", () => {
    // A low score the core calls met (a low met_at) stays met.
    expect(needMark(need("n", true, ["pipes", 0.3])).tone).toBe("met");
    expect(needMark(need("n", false, ["pipes", 0.95])).tone).toBe("unmet");
  });

  it("says how many needs of a stage are unmet, only when some are", () => {
    expect(unmetLabel(trigger)).toBe("1 need unmet");
    expect(unmetLabel(stage("X", { unmet: 3 }))).toBe("3 needs unmet");
    expect(unmetLabel(research)).toBeNull();
  });

  it("sums the core's unmet counts over the journey", () => {
    expect(unmetTotal(journey("j", { stages: [trigger, stage("X", { unmet: 2 })] }))).toBe(3);
    expect(unmetTotal(journey("j"))).toBe(0);
  });

  it("sums up a journey for the list", () => {
    const j = journey("j", {
      personas: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
      stages,
    });
    expect(journeyFacts(j)).toBe("2 personas · 3 stages");
    expect(journeyFacts(journey("k", { stages: [purchase] }))).toBe("0 personas · 1 stage");
  });

  it("names emotions, and shows a value between the steps as its number", () => {
    expect(emotionLabel(null)).toBe("Not set");
    expect(emotionLabel(-2)).toBe("−2 Frustrated");
    expect(emotionLabel(0)).toBe("0 Neutral");
    expect(emotionLabel(1.5)).toBe("+1.5");
    expect(emotionLabel(-0.5)).toBe("−0.5");
  });
});

describe("choosing and naming journeys", () => {
  const list = [journey("j-a"), journey("j-b")];

  it("shows the journey chosen, else the first, else none", () => {
    expect(shownJourney(list, "j-b")?.id).toBe("j-b");
    expect(shownJourney(list, "j-gone")?.id).toBe("j-a");
    expect(shownJourney(list, null)?.id).toBe("j-a");
    expect(shownJourney([], "j-a")).toBeNull();
  });

  it("makes a new id that neither an entity nor a journey has", () => {
    expect(newJourneyId(new Set(), [])).toBe("j-new-1");
    expect(newJourneyId(new Set(["j-new-1"]), [journey("j-new-2")])).toBe("j-new-3");
  });
});

describe("the emotion curve", () => {
  it("puts each stage's point in the middle of its column, -2 at the bottom", () => {
    const { points } = emotionCurve(stages);
    expect(points).toEqual([
      { stage: 0, x: 1 / 6, y: 0 },
      { stage: 1, x: 0.5, y: 0.5 },
    ]);
  });

  it("leaves a gap where a stage has no emotion", () => {
    const four = [
      stage("A", { emotion: 2 }),
      stage("B"),
      stage("C", { emotion: -1 }),
      stage("D", { emotion: 1 }),
    ];
    const { points, segments } = emotionCurve(four);
    expect(points.map((p) => p.stage)).toEqual([0, 2, 3]);
    expect(segments.map(([a, b]) => [a.stage, b.stage])).toEqual([[2, 3]]);
    expect(points[0]?.y).toBe(1);
    expect(points[1]?.y).toBe(0.25);
  });

  it("joins neighbours that both have an emotion, and draws nothing for none", () => {
    expect(emotionCurve(stages).segments.map(([a, b]) => [a.stage, b.stage])).toEqual([[0, 1]]);
    expect(emotionCurve([])).toEqual({ points: [], segments: [] });
    expect(emotionCurve([purchase])).toEqual({ points: [], segments: [] });
  });
});
