import { describe, expect, it } from "vitest";
import { describedAs } from "./ProjectDialog";

describe("the project's description", () => {
  it("is saved trimmed, and removed when only blanks are left", () => {
    expect(describedAs("  Acme's portfolio \n")).toBe("Acme's portfolio");
    expect(describedAs(" \n\t ")).toBeNull();
    expect(describedAs("")).toBeNull();
  });
});
