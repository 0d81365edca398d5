import { describe, expect, it } from "vitest";
import type { Evidence, IpcError, ProfileRelationship, SegmentGroup } from "../../ipc";
import {
  evidenceDraft,
  evidenceFacts,
  evidenceValue,
  insertItem,
  messageAt,
  moveItem,
  neighbours,
  optionalText,
  percent,
  personaOrder,
  problemAt,
  readableDate,
  relationshipSentence,
  removeItem,
  replaceItem,
  scenarioValue,
  todayIso,
  unplaced,
  withText,
} from "./profile";

const goals = ["Ship", "Save", "Sleep"];

describe("list edits", () => {
  it("moves an item up and down, keeping the others in order", () => {
    expect(moveItem(goals, 2, 1)).toEqual(["Ship", "Sleep", "Save"]);
    expect(moveItem(goals, 0, 1)).toEqual(["Save", "Ship", "Sleep"]);
    expect(moveItem(goals, 0, 2)).toEqual(["Save", "Sleep", "Ship"]);
  });

  it("leaves the list as it was when a move would leave it", () => {
    expect(moveItem(goals, 0, -1)).toEqual(goals);
    expect(moveItem(goals, 2, 3)).toEqual(goals);
  });

  it("never changes the list it was given", () => {
    const list = [...goals];
    moveItem(list, 0, 2);
    insertItem(list, 1, "x");
    removeItem(list, 1);
    replaceItem(list, 1, "x");
    expect(list).toEqual(goals);
  });

  it("inserts before an index, clamped to the ends", () => {
    expect(insertItem(goals, 1, "New")).toEqual(["Ship", "New", "Save", "Sleep"]);
    expect(insertItem(goals, 99, "New")).toEqual([...goals, "New"]);
    expect(insertItem(goals, -3, "New")).toEqual(["New", ...goals]);
  });

  it("removes and replaces by index; replacing past the end appends", () => {
    expect(removeItem(goals, 1)).toEqual(["Ship", "Sleep"]);
    expect(replaceItem(goals, 1, "Spend less")).toEqual(["Ship", "Spend less", "Sleep"]);
    expect(replaceItem(goals, 3, "Hire")).toEqual([...goals, "Hire"]);
  });

  it("turns an edited text into the whole new list: trimmed, blank removes", () => {
    expect(withText(goals, 1, "  Spend less ")).toEqual(["Ship", "Spend less", "Sleep"]);
    expect(withText(goals, 1, "   ")).toEqual(["Ship", "Sleep"]);
    expect(withText(goals, 3, "Hire")).toEqual([...goals, "Hire"]);
  });

  it("takes an optional field away when its text is blank", () => {
    expect(optionalText("  ")).toBeNull();
    expect(optionalText(" I need loads on time ")).toBe("I need loads on time");
  });
});

describe("dates", () => {
  it("gives the local day, padded, not UTC's", () => {
    // Local midnight and the last minute of the day are the same local day.
    expect(todayIso(new Date(2026, 0, 5, 0, 1))).toBe("2026-01-05");
    expect(todayIso(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
  });

  it("reads a date out for people, and passes anything else through", () => {
    expect(readableDate("2026-10-14")).toBe("14 Oct 2026");
    expect(readableDate("soon")).toBe("soon");
  });
});

describe("persona order", () => {
  const card = (id: string) => ({
    id,
    name: id,
    title: null,
    role: null,
    decides: false,
    customer_segment: null,
    status: null,
    priority: null,
    products: [],
    confidence: 0,
    low_confidence: true,
  });
  const groups: SegmentGroup[] = [
    { segment: null, personas: [card("a"), card("b")] },
    { segment: null, personas: [card("c")] },
  ];

  it("runs through the groups in the list's order", () => {
    expect(personaOrder(groups)).toEqual(["a", "b", "c"]);
  });

  it("finds the neighbours across groups, with nothing past the ends", () => {
    const order = personaOrder(groups);
    expect(neighbours(order, "b")).toEqual({ previous: "a", next: "c" });
    expect(neighbours(order, "a")).toEqual({ previous: null, next: "b" });
    expect(neighbours(order, "c")).toEqual({ previous: "b", next: null });
    expect(neighbours(order, "gone")).toEqual({ previous: null, next: null });
  });
});

describe("where the core's problems go", () => {
  const invalid: IpcError = {
    code: "invalid",
    message: "the persona is not valid",
    problems: [
      { path: "goals[1]", message: "must be text" },
      { path: "evidence[0].date", message: "not a date" },
    ],
  };
  const refused: IpcError = { code: null, message: "No project is open.", problems: [] };

  it("places a problem at its exact path only", () => {
    expect(problemAt(invalid, "goals[1]")).toBe("must be text");
    expect(problemAt(invalid, "goals")).toBeUndefined();
    expect(problemAt(null, "goals[1]")).toBeUndefined();
  });

  it("keeps what no field shows, with its path, so nothing is lost", () => {
    expect(unplaced(invalid, ["goals[1]"])).toBe("evidence[0].date: not a date");
    expect(unplaced(invalid, ["goals[1]", "evidence[0].date"])).toBeUndefined();
    expect(unplaced(refused, ["goals[1]"])).toBe("No project is open.");
  });

  it("says everything beside the one field that was saved", () => {
    expect(messageAt(invalid, "goals[1]")).toBe("must be text; evidence[0].date: not a date");
    expect(messageAt(refused, "quote")).toBe("No project is open.");
    expect(messageAt(null, "quote")).toBeUndefined();
  });
});

describe("evidence", () => {
  const check: Evidence = {
    kind: "crm",
    source: "crm-contacts.csv",
    date: "2026-10-01",
    records: 1240,
    share: 0.062,
  };

  it("starts a new piece as an interview of today", () => {
    expect(evidenceDraft(null, "2026-11-02")).toEqual({
      kind: "interview",
      source: "",
      date: "2026-11-02",
      note: "",
    });
  });

  it("keeps a data check's records and share through an edit of its note", () => {
    const draft = { ...evidenceDraft(check, "2026-11-02"), note: " Matched by rules " };
    expect(evidenceValue(draft, check)).toEqual({
      kind: "crm",
      source: "crm-contacts.csv",
      date: "2026-10-01",
      note: "Matched by rules",
      records: 1240,
      share: 0.062,
    });
  });

  it("leaves empty fields out rather than sending empty strings", () => {
    const draft = { kind: "assumption" as const, source: " ", date: "", note: "" };
    expect(evidenceValue(draft, null)).toEqual({ kind: "assumption" });
  });

  it("reads out a data check's counts", () => {
    expect(evidenceFacts(check)).toEqual(["1,240 records", "6.2% of the table"]);
    expect(evidenceFacts({ kind: "interview" })).toEqual([]);
  });
});

describe("scenarios", () => {
  it("leaves a blank story out and trims the rest", () => {
    expect(scenarioValue(" Budget season ", "  ")).toEqual({ title: "Budget season" });
    expect(scenarioValue("The 6 a.m. load", " A connector breaks. ")).toEqual({
      title: "The 6 a.m. load",
      text: "A connector breaks.",
    });
  });
});

describe("relationships", () => {
  const rel = (outgoing: boolean): ProfileRelationship => ({
    persona: { id: "p-kwame", name: "Kwame the CFO" },
    kind: "reports_to",
    weight: 1,
    outgoing,
  });

  it("puts whoever acts first, in the relationship form's words", () => {
    expect(relationshipSentence(rel(true), "Dana the Data Platform Lead")).toEqual({
      before: "Dana reports to ",
      other: "Kwame the CFO",
      after: "",
    });
    expect(relationshipSentence(rel(false), "Dana the Data Platform Lead")).toEqual({
      before: "",
      other: "Kwame the CFO",
      after: " reports to Dana",
    });
  });
});

describe("percent", () => {
  it("gives a bar's width, held within 0..100%", () => {
    expect(percent(0.75)).toBe("75%");
    expect(percent(1.4)).toBe("100%");
    expect(percent(-1)).toBe("0%");
  });
});
