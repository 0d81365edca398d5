import { describe, expect, it } from "vitest";
import type { RuleCount } from "../../ipc";
import {
  columnReference,
  countSentence,
  errorMark,
  errorSentence,
  formatShare,
  insertReference,
  isKeyword,
  missingColumns,
  offsetOf,
  pieces,
  type Token,
  tokenize,
  unreadableSentence,
} from "./rules";

/** The tokens but spaces, as [kind, text]: what a reader sees coloured. */
function seen(source: string): [string, string][] {
  return tokenize(source)
    .filter((t) => t.kind !== "space")
    .map((t) => [t.kind, t.text]);
}

function count(records: number, matched: number): RuleCount {
  return {
    records,
    matched,
    share: records === 0 ? 0 : matched / records,
    missing_columns: [],
    unreadable: [],
  };
}

describe("tokenize", () => {
  it("tells every kind of token apart", () => {
    const rule =
      'age >= 30 and city = "big" or joined < 2024-01-31 and `job title` in ("a", "b") ~';
    expect(seen(rule)).toEqual([
      ["name", "age"],
      ["operator", ">="],
      ["number", "30"],
      ["keyword", "and"],
      ["name", "city"],
      ["operator", "="],
      ["text", '"big"'],
      ["keyword", "or"],
      ["name", "joined"],
      ["operator", "<"],
      ["date", "2024-01-31"],
      ["keyword", "and"],
      ["column", "`job title`"],
      ["keyword", "in"],
      ["paren", "("],
      ["text", '"a"'],
      ["comma", ","],
      ["text", '"b"'],
      ["paren", ")"],
      ["other", "~"],
    ]);
  });

  it("covers the text end to end, so the coloured copy lines up with the field", () => {
    const rule = 'a = "x"\n\tor  b   is missing\r\n  and (c != -1.5e-3)';
    const tokens = tokenize(rule);
    expect(tokens.map((t) => t.text).join("")).toBe(rule);
    // Each token starts where the one before it ended.
    tokens.reduce((at: number, t: Token) => {
      expect(t.start).toBe(at);
      expect(t.end).toBe(at + t.text.length);
      return t.end;
    }, 0);
  });

  it("reads every comparison as one operator", () => {
    expect(seen("a = 1 != 2 < 3 <= 4 > 5 >= 6").filter(([k]) => k === "operator")).toEqual([
      ["operator", "="],
      ["operator", "!="],
      ["operator", "<"],
      ["operator", "<="],
      ["operator", ">"],
      ["operator", ">="],
    ]);
  });

  it("reads keywords in any case, and only whole words", () => {
    expect(seen("x STARTS With 'a' And NOT y Is PRESENT or z = True")).toEqual([
      ["name", "x"],
      ["keyword", "STARTS"],
      ["keyword", "With"],
      ["other", "'"],
      ["name", "a"],
      ["other", "'"],
      ["keyword", "And"],
      ["keyword", "NOT"],
      ["name", "y"],
      ["keyword", "Is"],
      ["keyword", "PRESENT"],
      ["keyword", "or"],
      ["name", "z"],
      ["operator", "="],
      ["keyword", "True"],
    ]);
    // A name that begins like a keyword is a column.
    expect(seen("android island ends_at")).toEqual([
      ["name", "android"],
      ["name", "island"],
      ["name", "ends_at"],
    ]);
  });

  it("reads names in any script, with digits and underscores after the first letter", () => {
    expect(seen("città_2 = 1 and 2nd = 2")).toEqual([
      ["name", "città_2"],
      ["operator", "="],
      ["number", "1"],
      ["keyword", "and"],
      ["number", "2"],
      ["name", "nd"],
      ["operator", "="],
      ["number", "2"],
    ]);
  });

  it("keeps escaped quotes inside a text", () => {
    const tokens = tokenize('note = "say \\"hi\\" \\\\" and x');
    expect(tokens[4]).toEqual({ kind: "text", text: '"say \\"hi\\" \\\\"', start: 7, end: 22 });
    expect(seen('note = "say \\"hi\\" \\\\" and x').at(-1)).toEqual(["name", "x"]);
  });

  it("runs a text without its closing quote to the end, marked open", () => {
    const tokens = tokenize('city = "big and age < 3');
    const last = tokens.at(-1);
    expect(last).toEqual({
      kind: "text",
      text: '"big and age < 3',
      start: 7,
      end: 23,
      open: true,
    });
    // An escaped quote does not close it, nor does a backslash at the end.
    expect(tokenize('"a\\"').at(-1)?.open).toBe(true);
    expect(tokenize('"a\\').at(-1)).toMatchObject({ kind: "text", text: '"a\\', open: true });
    // A closed one is not open.
    expect(tokenize('"a"')[0]?.open).toBeUndefined();
  });

  it("reads a backticked column whole, spaces and keywords included", () => {
    expect(seen('`Job Title` = "cto" or `and` is missing')).toEqual([
      ["column", "`Job Title`"],
      ["operator", "="],
      ["text", '"cto"'],
      ["keyword", "or"],
      ["column", "`and`"],
      ["keyword", "is"],
      ["keyword", "missing"],
    ]);
    const open = tokenize("`job title = 3").at(-1);
    expect(open).toMatchObject({ kind: "column", text: "`job title = 3", open: true });
  });

  it("reads numbers with a sign, decimals and an exponent, and ISO dates", () => {
    expect(seen("-12.5e+3 0.25 7E2 2026-10-14")).toEqual([
      ["number", "-12.5e+3"],
      ["number", "0.25"],
      ["number", "7E2"],
      ["date", "2026-10-14"],
    ]);
    // Not a date: the month has one digit. A minus sign alone is nothing.
    expect(seen("2026-1-14 - x")).toEqual([
      ["number", "2026"],
      ["number", "-1"],
      ["number", "-14"],
      ["other", "-"],
      ["name", "x"],
    ]);
  });
});

describe("isKeyword", () => {
  it("folds ASCII case only, as the core does", () => {
    expect(isKeyword("BETWEEN")).toBe(true);
    expect(isKeyword("Any")).toBe(true);
    expect(isKeyword("between_")).toBe(false);
    expect(isKeyword("region")).toBe(false);
  });
});

describe("where the core's error points", () => {
  it("turns a line and a column in characters into an offset", () => {
    expect(offsetOf("ab\ncdef", 1, 1)).toBe(0);
    expect(offsetOf("ab\ncdef", 2, 3)).toBe(5);
    // An emoji is one character to the core and two code units here.
    expect(offsetOf("😀 x", 1, 3)).toBe(3);
    // Past its line: the end of that line; past the text: its end.
    expect(offsetOf("ab\ncdef", 1, 9)).toBe(2);
    expect(offsetOf("ab\ncdef", 2, 9)).toBe(7);
    expect(offsetOf("ab\ncdef", 5, 1)).toBe(7);
  });

  it("marks the rest of the token at the error", () => {
    const rule = 'age < 30 and city = "big';
    // The core puts "no closing quote" at the quote.
    expect(errorMark(rule, { line: 1, column: 21, message: "" })).toEqual({ start: 20, end: 24 });
    expect(errorMark("age < 30 and\nzone ! 3", { line: 2, column: 6, message: "" })).toEqual({
      start: 18,
      end: 19,
    });
  });

  it("marks a point where there is no token: the end, a line's end, a space", () => {
    expect(errorMark("age < ", { line: 1, column: 7, message: "" })).toEqual({ start: 6, end: 6 });
    expect(errorMark("age <\nand", { line: 1, column: 6, message: "" })).toEqual({
      start: 5,
      end: 5,
    });
  });

  it("cuts the coloured pieces at the mark and keeps the text whole", () => {
    const rule = "age < 30x";
    const drawn = pieces(rule, { start: 7, end: 9 });
    expect(drawn.map((p) => p.text).join("")).toBe(rule);
    // The mark begins inside "30": the number is cut in two.
    expect(drawn.slice(-3)).toEqual([
      { kind: "number", text: "3", start: 6, marked: false },
      { kind: "number", text: "0", start: 7, marked: true },
      { kind: "name", text: "x", start: 8, marked: true },
    ]);
    const split = pieces('a = "bcd"', { start: 5, end: 9 });
    expect(split.slice(-2)).toEqual([
      { kind: "text", text: '"', start: 4, marked: false },
      { kind: "text", text: 'bcd"', start: 5, marked: true },
    ]);
  });

  it("draws a point mark as an empty marked piece in its place", () => {
    const atEnd = pieces("age <", { start: 5, end: 5 });
    expect(atEnd.at(-1)).toEqual({ kind: "space", text: "", start: 5, marked: true });
    const inside = pieces("a  b", { start: 2, end: 2 });
    expect(inside.map((p) => [p.text, p.marked])).toEqual([
      ["a", false],
      [" ", false],
      ["", true],
      [" ", false],
      ["b", false],
    ]);
    expect(pieces("a b").some((p) => p.marked)).toBe(false);
  });

  it("says the line and column first", () => {
    expect(errorSentence({ line: 2, column: 3, message: 'expected a value after "<"' })).toBe(
      'Line 2, column 3: expected a value after "<"',
    );
  });
});

describe("columnReference", () => {
  it("writes a plain name as it is", () => {
    expect(columnReference("age")).toBe("age");
    expect(columnReference("Region_2")).toBe("Region_2");
    expect(columnReference("città")).toBe("città");
    // Headers are matched after trimming; the rule need not carry the spaces.
    expect(columnReference("  age ")).toBe("age");
  });

  it("puts any other name in backticks", () => {
    expect(columnReference("job title")).toBe("`job title`");
    expect(columnReference("2nd visit")).toBe("`2nd visit`");
    expect(columnReference("e-mail")).toBe("`e-mail`");
    expect(columnReference("_id")).toBe("`_id`");
  });

  it("puts a name that is a keyword, in any case, in backticks", () => {
    expect(columnReference("missing")).toBe("`missing`");
    expect(columnReference("Present")).toBe("`Present`");
    expect(columnReference("IN")).toBe("`IN`");
  });

  it("gives nothing for a name no rule can write", () => {
    expect(columnReference("a`b")).toBeNull();
    expect(columnReference("   ")).toBeNull();
  });
});

describe("insertReference", () => {
  it("puts the column at the caret, spaced from the word before", () => {
    expect(insertReference("age < 30 and", 12, 12, "city")).toEqual({
      text: "age < 30 and city",
      insert: " city",
      caret: 17,
    });
    expect(insertReference("age < 30 and ", 13, 13, "city")).toEqual({
      text: "age < 30 and city",
      insert: "city",
      caret: 17,
    });
  });

  it("spaces it from a word after, but not from a bracket or a comma", () => {
    expect(insertReference("and", 0, 0, "x")).toMatchObject({ text: "x and", caret: 2 });
    expect(insertReference("not ()", 5, 5, "`job title`")).toMatchObject({
      text: "not (`job title`)",
      caret: 16,
    });
    expect(insertReference("", 0, 0, "age")).toEqual({ text: "age", insert: "age", caret: 3 });
  });

  it("replaces the selection", () => {
    expect(insertReference("agee < 3", 0, 4, "age")).toEqual({
      text: "age < 3",
      insert: "age",
      caret: 3,
    });
  });

  it("keeps a caret out of range inside the text", () => {
    expect(insertReference("a", 9, 9, "b").text).toBe("a b");
  });
});

describe("missingColumns", () => {
  it("lists the columns the table lacks, matched case-insensitively after trimming", () => {
    expect(
      missingColumns(["Age", " region ", "CITY", "Job Title"], [" age", "city ", "job title"]),
    ).toEqual(["region"]);
  });

  it("lists each once, in the rule's order", () => {
    expect(missingColumns(["zone", "Region", "ZONE", "region"], ["age"])).toEqual([
      "zone",
      "Region",
    ]);
  });

  it("lists nothing when every column is there, or the rule names none", () => {
    expect(missingColumns(["age"], ["AGE"])).toEqual([]);
    expect(missingColumns([], ["age"])).toEqual([]);
  });
});

describe("the count", () => {
  it("says how many records match, with thousands separators and one decimal", () => {
    expect(countSentence(count(3000, 1204))).toBe("Matches 1,204 of 3,000 records (40.1%)");
    expect(countSentence(count(1_000_000, 250_000))).toBe(
      "Matches 250,000 of 1,000,000 records (25.0%)",
    );
    expect(countSentence(count(3, 0))).toBe("Matches 0 of 3 records (0.0%)");
    expect(countSentence(count(1, 1))).toBe("Matches 1 of 1 record (100.0%)");
    expect(countSentence(count(0, 0))).toBe("The table has no records");
  });

  it("never rounds a few matches to none, or all but a few to all", () => {
    expect(formatShare(count(1_000_000, 1))).toBe("<0.1%");
    expect(formatShare(count(1_000_000, 999_999))).toBe(">99.9%");
    expect(formatShare(count(1000, 1))).toBe("0.1%");
    expect(formatShare(count(1000, 999))).toBe("99.9%");
  });

  it("shows the core's share as given", () => {
    // The share is the core's to compute; the UI does not redo it.
    expect(formatShare({ records: 10, matched: 5, share: 0.123 })).toBe("12.3%");
  });

  it("says how many cells of a column could not be read", () => {
    expect(unreadableSentence({ column: "age", cells: 12 })).toBe(
      "12 cells of age could not be read",
    );
    expect(unreadableSentence({ column: "joined", cells: 1 })).toBe(
      "1 cell of joined could not be read",
    );
    expect(unreadableSentence({ column: "age", cells: 1234 })).toBe(
      "1,234 cells of age could not be read",
    );
  });
});
