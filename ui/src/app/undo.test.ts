import { describe, expect, it } from "vitest";
import { undoTarget } from "./undo";

describe("undoTarget", () => {
  it("undoes the typing in a text field, even inside a form", () => {
    expect(undoTarget({ tagName: "INPUT", type: "text" }, true)).toBe("text");
    expect(undoTarget({ tagName: "input", type: "search" }, false)).toBe("text");
    expect(undoTarget({ tagName: "TEXTAREA" }, true)).toBe("text");
    expect(undoTarget({ tagName: "DIV", isContentEditable: true }, false)).toBe("text");
  });

  it("leaves the project alone while a form is open", () => {
    expect(undoTarget({ tagName: "SELECT" }, true)).toBe("none");
    expect(undoTarget({ tagName: "INPUT", type: "checkbox" }, true)).toBe("none");
    expect(undoTarget(null, true)).toBe("none");
  });

  it("undoes the last edit everywhere else", () => {
    expect(undoTarget({ tagName: "BUTTON" }, false)).toBe("project");
    expect(undoTarget(null, false)).toBe("project");
    expect(undoTarget({ tagName: "INPUT", type: "text", readOnly: true }, false)).toBe("project");
  });
});
