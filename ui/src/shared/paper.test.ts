import { describe, expect, it } from "vitest";
import { paperFor } from "./paper";

describe("paperFor", () => {
  it("prints on Letter in the Americas that use it", () => {
    expect(paperFor("en-US")).toBe("letter");
    expect(paperFor("fr-CA")).toBe("letter");
    expect(paperFor("es_MX")).toBe("letter");
  });

  it("prints on A4 elsewhere, and when the tag names no region", () => {
    expect(paperFor("en-GB")).toBe("a4");
    expect(paperFor("de-DE")).toBe("a4");
    expect(paperFor("en")).toBe("a4");
    expect(paperFor("zh-Hant-TW")).toBe("a4");
  });
});
