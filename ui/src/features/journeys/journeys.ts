// What the journey view does with a journey before it shows or sends it:
// stages back into the interchange format, one change at a time, and the
// words and shapes it shows. Whether a need is met is the core's verdict
// (`StageNeed.met`, `StageView.unmet`); nothing here judges it again.
import type { Choice, JourneyView, StageNeed, StageView } from "../../ipc";
import { freeId } from "../editing/draft";
import { plural } from "../personas/format";
import { moveItem, removeItem } from "../profile/profile";

/** A stage as the interchange format writes it (interchange-v1, journeys):
 * only `name` is required; empty lists and a missing emotion are left out. */
export type StageValue = {
  name: string;
  goals?: string[];
  questions?: string[];
  touchpoints?: string[];
  channels?: string[];
  /** Need ids. */
  needs?: string[];
  pains?: string[];
  opportunities?: string[];
  emotion?: number;
};

/** The rows of a stage that are lists of texts, in the order shown. */
export type TextField =
  | "goals"
  | "questions"
  | "touchpoints"
  | "channels"
  | "pains"
  | "opportunities";

/** The text rows with their labels, their item's noun and what an empty
 * cell says. Needs and Emotion are rows of their own. */
export const TEXT_ROWS: readonly { field: TextField; label: string; noun: string }[] = [
  { field: "goals", label: "Goals", noun: "goal" },
  { field: "questions", label: "Questions", noun: "question" },
  { field: "touchpoints", label: "Touchpoints", noun: "touchpoint" },
  { field: "channels", label: "Channels", noun: "channel" },
];

/** The text rows after Needs. */
export const LATER_ROWS: readonly { field: TextField; label: string; noun: string }[] = [
  { field: "pains", label: "Pains", noun: "pain" },
  { field: "opportunities", label: "Opportunities", noun: "opportunity" },
];

/** One stage as the interchange format writes it: needs by id, empty lists
 * and a missing emotion left out. */
export function stageValue(s: StageView): StageValue {
  const out: StageValue = { name: s.name };
  const lists: [TextField | "needs", string[]][] = [
    ["goals", s.goals],
    ["questions", s.questions],
    ["touchpoints", s.touchpoints],
    ["channels", s.channels],
    ["needs", s.needs.map((n) => n.id)],
    ["pains", s.pains],
    ["opportunities", s.opportunities],
  ];
  for (const [field, list] of lists) if (list.length > 0) out[field] = [...list];
  if (s.emotion !== null) out.emotion = s.emotion;
  return out;
}

/** Every stage of a journey as the `stages` patch field sends it. */
export function stagesValue(stages: readonly StageView[]): StageValue[] {
  return stages.map(stageValue);
}

/** The stages with stage `i` changed by `change`; the others as they are.
 * An `i` out of range changes nothing. */
function withStage(
  stages: readonly StageView[],
  i: number,
  change: (s: StageValue) => StageValue,
): StageValue[] {
  return stagesValue(stages).map((s, j) => (j === i ? change(s) : s));
}

/** Sets a list field, leaving it out when it is empty. */
function setList(s: StageValue, field: TextField | "needs", list: readonly string[]): StageValue {
  const { [field]: _, ...rest } = s;
  return list.length > 0 ? { ...rest, [field]: [...list] } : rest;
}

/** The stages after the texts of row `field` of stage `i` became `texts`. */
export function withTexts(
  stages: readonly StageView[],
  i: number,
  field: TextField,
  texts: readonly string[],
): StageValue[] {
  return withStage(stages, i, (s) => setList(s, field, texts));
}

/** The stages after stage `i` was renamed; the name is sent trimmed. */
export function withName(stages: readonly StageView[], i: number, name: string): StageValue[] {
  return withStage(stages, i, (s) => ({ ...s, name: name.trim() }));
}

/** The stages after stage `i`'s emotion was set, or taken away with null. */
export function withEmotion(
  stages: readonly StageView[],
  i: number,
  emotion: number | null,
): StageValue[] {
  return withStage(stages, i, (s) => {
    const { emotion: _, ...rest } = s;
    return emotion === null ? rest : { ...rest, emotion };
  });
}

/** The stages after stage `i`'s needs became `needs` (ids, in order). */
export function withNeeds(
  stages: readonly StageView[],
  i: number,
  needs: readonly string[],
): StageValue[] {
  return withStage(stages, i, (s) => setList(s, "needs", needs));
}

/** The stages with a new one called `name` at the end. */
export function withNewStage(stages: readonly StageView[], name: string): StageValue[] {
  return [...stagesValue(stages), { name: name.trim() }];
}

/** The stages without stage `i`. */
export function withoutStage(stages: readonly StageView[], i: number): StageValue[] {
  return removeItem(stagesValue(stages), i);
}

/** The stages with stage `from` moved to `to` (unchanged when either is out
 * of range). */
export function withStageMoved(
  stages: readonly StageView[],
  from: number,
  to: number,
): StageValue[] {
  return moveItem(stagesValue(stages), from, to);
}

/** The needs a stage can still take: those of `all` not on it already. */
export function offeredNeeds(all: readonly Choice[], stage: StageView): Choice[] {
  const on = new Set(stage.needs.map((n) => n.id));
  return all.filter((n) => !on.has(n.id));
}

/** The personas a journey can still take: those of `all` not on it. */
export function offeredPersonas(all: readonly Choice[], journey: JourneyView): Choice[] {
  const on = new Set(journey.personas.map((p) => p.id));
  return all.filter((p) => !on.has(p.id));
}

/** How a stage's need is marked: the core's verdict in words. */
export function needMark(need: StageNeed): { tone: "met" | "unmet"; text: string } {
  const best = need.best;
  if (need.met) {
    return {
      tone: "met",
      text: best === null ? "met" : `met by ${best[0].name} · ${best[1].toFixed(2)}`,
    };
  }
  return {
    tone: "unmet",
    text: best === null ? "no product meets it" : `best: ${best[0].name} ${best[1].toFixed(2)}`,
  };
}

/** What a stage's header says about its unmet needs; null when none is. */
export function unmetLabel(stage: StageView): string | null {
  return stage.unmet > 0 ? `${plural(stage.unmet, "need")} unmet` : null;
}

/** The line under a journey's name in the list: "2 personas · 5 stages". */
export function journeyFacts(j: JourneyView): string {
  return `${plural(j.personas.length, "persona")} · ${plural(j.stages.length, "stage")}`;
}

/** How many needs of the whole journey no product meets, as the core
 * counted them stage by stage. */
export function unmetTotal(j: JourneyView): number {
  return j.stages.reduce((n, s) => n + s.unmet, 0);
}

/** The journey shown: the one chosen, else the first; null when there are
 * none. */
export function shownJourney(list: readonly JourneyView[], id: string | null): JourneyView | null {
  return list.find((j) => j.id === id) ?? list[0] ?? null;
}

/** An id for a new journey that no entity of the project has, made as the
 * other create forms make theirs: `j-new-1`, `j-new-2`... */
export function newJourneyId(taken: ReadonlySet<string>, journeys: readonly JourneyView[]): string {
  return freeId("j", new Set([...taken, ...journeys.map((j) => j.id)]));
}

/** The emotions a stage can be given, with their words. */
export const EMOTIONS: readonly [number, string][] = [
  [2, "+2 Delighted"],
  [1, "+1 Positive"],
  [0, "0 Neutral"],
  [-1, "−1 Negative"],
  [-2, "−2 Frustrated"],
];

/** The words for an emotion; a value between the steps shows as its number. */
export function emotionLabel(e: number | null): string {
  if (e === null) return "Not set";
  const step = EMOTIONS.find(([v]) => v === e);
  if (step) return step[1];
  return e > 0 ? `+${e}` : e < 0 ? `−${-e}` : "0";
}

/** A point of the emotion curve: where it stands across the stages (0..1,
 * the middle of the stage's column) and up (0 at -2, 1 at +2). */
export type CurvePoint = { stage: number; x: number; y: number };

/**
 * The emotion curve across `stages`: one point per stage that has an
 * emotion, and a segment between neighbours that both have one, so that
 * a missing value is a gap in the line and not a guess.
 */
export function emotionCurve(stages: readonly StageView[]): {
  points: CurvePoint[];
  segments: [CurvePoint, CurvePoint][];
} {
  const n = stages.length;
  const at: (CurvePoint | null)[] = stages.map((s, i) =>
    s.emotion === null
      ? null
      : {
          stage: i,
          x: (i + 0.5) / n,
          y: (Math.max(-2, Math.min(2, s.emotion)) + 2) / 4,
        },
  );
  const points = at.filter((p): p is CurvePoint => p !== null);
  const segments: [CurvePoint, CurvePoint][] = [];
  for (let i = 1; i < at.length; i += 1) {
    const a = at[i - 1];
    const b = at[i];
    if (a && b) segments.push([a, b]);
  }
  return { points, segments };
}
