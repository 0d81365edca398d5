import { describe, expect, it } from "vitest";
import type { Counts, Diff } from "../../ipc";
import {
  addedTallies,
  connectionsLeftOut,
  countTallies,
  diffIsEmpty,
  elementsText,
  exportFormatOf,
  failureHeadline,
  isTransferCommand,
  kumuTypeName,
  readAs,
  sentence,
  showsProblems,
  talliesText,
  typeChoices,
  VALUE_LIMIT,
  valueText,
  valueTitle,
} from "./transfer";

const NONE: Counts = {
  market_segments: 0,
  customer_segments: 0,
  buying_roles: 0,
  needs: 0,
  products: 0,
  competitors: 0,
  personas: 0,
  relationships: 0,
  buying_units: 0,
  journeys: 0,
};

describe("countTallies", () => {
  it("lists only the kinds there are, people first, each noun agreeing with its count", () => {
    const tallies = countTallies({ ...NONE, needs: 1, personas: 12, buying_units: 2 });
    expect(tallies).toEqual([
      { count: 12, noun: "personas" },
      { count: 1, noun: "need" },
      { count: 2, noun: "buying units" },
    ]);
  });

  it("gives nothing for an empty project, so the dialog can say it is empty", () => {
    expect(countTallies(NONE)).toEqual([]);
  });
});

describe("talliesText", () => {
  it("joins tallies with commas and groups thousands", () => {
    const text = talliesText(countTallies({ ...NONE, personas: 1200, needs: 1 }));
    expect(text).toBe("1,200 personas, 1 need");
  });

  it("says what stands for nothing, as the caller words it", () => {
    expect(talliesText([])).toBe("nothing");
    expect(talliesText([], "no records")).toBe("no records");
  });
});

describe("addedTallies", () => {
  it("orders a merge's kinds as the counts are ordered, not alphabetically", () => {
    // The core sends a sorted map: "buying unit" < "need" < "persona".
    const added = { "buying unit": 1n, need: 1n, persona: 12n, relationship: 3n };
    expect(talliesText(addedTallies(added))).toBe(
      "12 personas, 1 need, 3 relationships, 1 buying unit",
    );
  });

  it("takes the numbers JSON actually brings, and leaves zeros out", () => {
    const added = { persona: 2, need: 0 } as unknown as Record<string, bigint>;
    expect(addedTallies(added)).toEqual([{ count: 2, noun: "personas" }]);
  });

  it("keeps a kind it does not know, last and as named, rather than dropping it", () => {
    expect(talliesText(addedTallies({ widget: 2n, persona: 1n }))).toBe("1 persona, 2 widgets");
  });
});

describe("readAs", () => {
  it("names each format as the dialog says it", () => {
    expect(readAs("kumu")).toBe("Read as a Kumu map");
    expect(readAs("xlsx")).toBe("Read as an Excel workbook");
    expect(readAs("csv")).toBe("Read as a CSV file");
    expect(readAs("persona_atlas")).toBe("Read as a Persona Atlas project");
  });
});

describe("typeChoices", () => {
  it("sends the mapped types and not the ones left out", () => {
    const choices = typeChoices({ Organization: "market_segment", Note: "", Person: "persona" });
    expect(choices).toEqual([
      { type: "Organization", target: "market_segment" },
      { type: "Person", target: "persona" },
    ]);
  });

  it("sends nothing when every type is left out, as the first read did", () => {
    expect(typeChoices({ Note: "" })).toEqual([]);
  });
});

describe("kumuTypeName and elementsText", () => {
  it("describes elements without a type instead of showing an empty name", () => {
    expect(kumuTypeName("")).toBe("Without a type");
    expect(kumuTypeName("  ")).toBe("Without a type");
    expect(kumuTypeName("Organization")).toBe("Organization");
  });

  it("agrees the noun with the count", () => {
    expect(elementsText(1)).toBe("1 element");
    expect(elementsText(2)).toBe("2 elements");
  });
});

describe("connectionsLeftOut", () => {
  it("agrees its verb with the count", () => {
    expect(connectionsLeftOut(1)).toMatch(/^1 connection is left out: /);
    expect(connectionsLeftOut(3)).toMatch(/^3 connections are left out: /);
  });
});

describe("sentence", () => {
  it("makes a note of the core's a sentence, once", () => {
    expect(sentence("elements without a label were left out (3)")).toBe(
      "Elements without a label were left out (3).",
    );
    expect(sentence("Already a sentence.")).toBe("Already a sentence.");
    expect(sentence("  ")).toBe("");
  });
});

describe("valueText", () => {
  it("quotes a text and puts it on one line", () => {
    expect(valueText("Runs the\n  night shift")).toBe("“Runs the night shift”");
  });

  it("cuts a long text at the limit, inside its quotes", () => {
    const text = valueText("a".repeat(300));
    expect(text).toBe(`“${"a".repeat(VALUE_LIMIT)}…”`);
  });

  it("joins a list of texts and counts a list of anything else", () => {
    expect(valueText(["need-sso", "need-audit"])).toBe("need-sso, need-audit");
    expect(valueText([{ need: "a" }, { need: "b" }])).toBe("2 items");
    expect(valueText([{ need: "a" }])).toBe("1 item");
  });

  it("shows numbers as they are, and nothing as none", () => {
    expect(valueText(0.75)).toBe("0.75");
    expect(valueText(0)).toBe("0");
    expect(valueText(null)).toBe("none");
    expect(valueText(undefined)).toBe("none");
    expect(valueText([])).toBe("none");
  });

  it("says yes or no for a flag, and writes an object as compact JSON", () => {
    expect(valueText(true)).toBe("yes");
    expect(valueText(false)).toBe("no");
    expect(valueText({ region: "EU", seats: 40 })).toBe('{"region":"EU","seats":40}');
  });

  it("does not split a character made of two UTF-16 units when it cuts", () => {
    const text = valueText("😀".repeat(200), 3);
    expect(text).toBe("“😀😀😀…”");
  });
});

describe("valueTitle", () => {
  it("gives the longer text only when the line was cut", () => {
    expect(valueTitle("short")).toBeUndefined();
    const long = "word ".repeat(60).trim();
    expect(valueTitle(long)).toBe(`“${long}”`);
  });
});

describe("diffIsEmpty", () => {
  const same: Diff = {
    added: [],
    removed: [],
    changed: [],
    project: [],
    findings_appeared: [],
    findings_gone: [],
  };

  it("holds for two versions with nothing between them", () => {
    expect(diffIsEmpty(same)).toBe(true);
  });

  it("fails on any one change, a finding alone included", () => {
    const finding = { kind: "golden", about: ["p1"], why: "Golden." };
    expect(diffIsEmpty({ ...same, findings_gone: [finding] })).toBe(false);
    expect(diffIsEmpty({ ...same, project: [{ field: "name", before: "A", after: "B" }] })).toBe(
      false,
    );
  });
});

describe("exportFormatOf and isTransferCommand", () => {
  it("maps each File > Export item onto the format it writes", () => {
    expect(exportFormatOf("export_xlsx")).toBe("xlsx");
    expect(exportFormatOf("export_csv")).toBe("csv");
    expect(exportFormatOf("export_graphml")).toBe("graphml");
    expect(exportFormatOf("export_gexf")).toBe("gexf");
    expect(exportFormatOf("export_kumu")).toBe("kumu");
  });

  it("leaves the map's picture exports to the map", () => {
    expect(exportFormatOf("export_png")).toBeNull();
    expect(isTransferCommand("export_png")).toBe(false);
    expect(isTransferCommand("export_report")).toBe(false);
  });

  it("claims import, merge, compare and the project exports", () => {
    for (const command of ["import", "merge", "compare", "export_gexf"] as const) {
      expect(isTransferCommand(command), command).toBe(true);
    }
  });
});

describe("failureHeadline", () => {
  it("keeps the first line of a message whose problems are listed apart", () => {
    const error = {
      code: "invalid",
      message: "portfolio.xlsx has 2 problems:\n  Personas!C7: not a number\n  Needs!B2: empty",
      problems: [
        { path: "Personas!C7", message: "not a number" },
        { path: "Needs!B2", message: "empty" },
      ],
    };
    expect(failureHeadline(error)).toBe("portfolio.xlsx has 2 problems:");
  });

  it("keeps a message without problems whole", () => {
    const error = { code: null, message: "The disk is full.\nNothing was written.", problems: [] };
    expect(failureHeadline(error)).toBe("The disk is full.\nNothing was written.");
  });

  it("says something when the message itself is empty", () => {
    const error = { code: null, message: "", problems: [{ path: "", message: "no elements" }] };
    expect(failureHeadline(error)).toBe("The file has problems:");
  });
});

describe("showsProblems", () => {
  it("sends a file with placed problems to the dialog and anything else to a banner", () => {
    const placed = { code: "invalid", message: "bad", problems: [{ path: "A1", message: "x" }] };
    expect(showsProblems(placed)).toBe(true);
    expect(showsProblems({ code: null, message: "disk full", problems: [] })).toBe(false);
  });
});
