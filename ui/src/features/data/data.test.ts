import { describe, expect, it } from "vitest";
import type { MatchReport, Overlap, TableMatch } from "../../ipc";
import {
  accountChoices,
  accountsSentence,
  count,
  pairRows,
  percent,
  personaRows,
  progressShare,
  sharing,
  size,
  split,
  tableLine,
  unmatchedSentence,
} from "./data";

function report(over: Partial<MatchReport> = {}): MatchReport {
  return {
    records: 1000,
    source: { name: "contacts.csv", columns: ["id", "account", "department"], sha256: "ab" },
    personas: [
      { persona: "p-a", matched: 400, share: 0.4, only: 300, why: "" },
      { persona: "p-b", matched: 200, share: 0.2, only: 100, why: "" },
      { persona: "p-c", matched: 0, share: 0, only: 0, why: "" },
    ],
    unmatched: 500,
    ambiguous: 100,
    pairs: [{ personas: ["p-a", "p-b"], shared: 100 }],
    missing_columns: [{ column: "region", personas: ["p-c"] }],
    unreadable: [],
    ...over,
  };
}

describe("figures", () => {
  it("reads as people write numbers, shares and sizes", () => {
    expect(count(1240)).toBe("1,240");
    expect(percent(0.4012)).toBe("40.1%");
    expect(percent(0.0004)).toBe("under 0.1%");
    expect(percent(0)).toBe("0.0%");
    expect(size(310)).toBe("310 bytes");
    expect(size(812_400)).toBe("812 KB");
    expect(size(94_120_000)).toBe("94.1 MB");
    expect(size(4_200_000_000)).toBe("4.2 GB");
  });

  it("keeps progress between nothing and all, even when the size is unknown", () => {
    expect(progressShare(50, 200)).toBe(0.25);
    expect(progressShare(300, 200)).toBe(1);
    expect(progressShare(10, 0)).toBe(0);
  });
});

describe("the records' split", () => {
  it("counts records of one persona from each persona's only", () => {
    expect(split(report())).toEqual({ only: 400, none: 500, several: 100 });
  });

  it("says who fits nobody, or that everyone fits someone", () => {
    expect(unmatchedSentence(report())).toMatch(/^500 records fit no persona \(50\.0%\)\./);
    expect(unmatchedSentence(report({ unmatched: 1 }))).toMatch(/^1 record fits no persona/);
    expect(unmatchedSentence(report({ unmatched: 0 }))).toBe(
      "Every record fits at least one persona.",
    );
    expect(unmatchedSentence(report({ records: 0, unmatched: 0 }))).toBe(
      "The table has no records.",
    );
  });
});

describe("the personas' bars", () => {
  it("scales to the largest persona and splits only from shared", () => {
    const rows = personaRows(report());
    expect(rows.map((r) => r.match.persona)).toEqual(["p-a", "p-b", "p-c"]);
    expect(rows[0]).toMatchObject({ only: 0.75, shared: 0.25, lacks: [] });
    expect(rows[1]).toMatchObject({ only: 0.25, shared: 0.25 });
    expect(rows[2]?.lacks).toEqual(["region"]);
  });

  it("draws nothing, and divides by nothing, when no persona matched", () => {
    const none = report({
      personas: [{ persona: "p-a", matched: 0, share: 0, only: 0, why: "" }],
    });
    expect(personaRows(none)[0]).toMatchObject({ only: 0, shared: 0 });
  });
});

describe("pairs beside the overlap findings", () => {
  const overlap: Overlap = {
    personas: ["p-a", "p-b"],
    similarity: 0.8,
    shared: ["needs"],
    why: "Alex and Bo are much alike.",
  };

  it("finds the finding of the same two, whichever order", () => {
    const flipped = report({ pairs: [{ personas: ["p-b", "p-a"], shared: 100 }] });
    const [row] = pairRows(flipped, [overlap]);
    expect(row?.overlap).toBe(overlap);
    expect(row?.ofSmaller).toBe(0.5);
  });

  it("leaves a pair without a finding unlinked", () => {
    const [row] = pairRows(report(), []);
    expect(row?.overlap).toBeNull();
  });
});

describe("accounts", () => {
  it("says how many accounts can close", () => {
    const withAccounts = report({
      accounts: {
        column: "account",
        total: 375,
        complete: 4,
        missing_roles: [{ role: "role-buyer", accounts: 270 }],
      },
    });
    expect(accountsSentence(withAccounts)).toBe(
      "4 of 375 accounts have every required buying role (1.1%): a buying unit that can close.",
    );
    expect(accountsSentence(report())).toBeNull();
    const noRoles = report({
      accounts: { column: "account", total: 3, complete: 3, missing_roles: [] },
    });
    expect(accountsSentence(noRoles)).toMatch(/no required buying role/);
  });

  it("offers the likely account columns first", () => {
    expect(accountChoices(["id", "title", "Company Name", "account_id"])).toEqual([
      "Company Name",
      "account_id",
      "id",
      "title",
    ]);
  });
});

describe("the table's line", () => {
  it("names records, columns, size and the sheet", () => {
    const found: TableMatch = {
      report: report(),
      bytes: 412_000,
      sheets: ["Notes", "Contacts"],
      sheet: "Contacts",
      unmatched_values: [],
    };
    expect(tableLine(found)).toBe("1,000 records · 3 columns · 412 KB · sheet Contacts");
  });
});

describe("a persona's shared records", () => {
  it("says how many other personas claim too", () => {
    expect(sharing(0, 0)).toBe("no record");
    expect(sharing(41, 41)).toBe("none shared");
    expect(sharing(169, 0)).toBe("all shared");
    expect(sharing(744, 354)).toBe("390 shared");
  });
});
