import { describe, expect, it } from "vitest";
import { position, step } from "./present";

describe("stepping through the views", () => {
  it("goes on with Right, Page Down and Space, as a clicker sends them", () => {
    for (const key of ["ArrowRight", "PageDown", " "]) expect(step(2, 7, key)).toBe(3);
  });

  it("goes back with Left and Page Up", () => {
    for (const key of ["ArrowLeft", "PageUp"]) expect(step(2, 7, key)).toBe(1);
  });

  it("jumps to the first and last view with Home and End", () => {
    expect(step(3, 7, "Home")).toBe(0);
    expect(step(3, 7, "End")).toBe(6);
  });

  it("stays on the last and the first view, still taking the key", () => {
    // The key is the presentation's even where it goes nowhere: Space
    // must not scroll the page under it.
    expect(step(6, 7, "ArrowRight")).toBe(6);
    expect(step(0, 7, "PageUp")).toBe(0);
  });

  it("brings a stale index back into the list before stepping", () => {
    // Views removed while presenting (an undo) leave the index past the end.
    expect(step(9, 3, "ArrowLeft")).toBe(1);
    expect(step(-2, 3, "ArrowRight")).toBe(1);
  });

  it("exits with Escape, even with nothing to show", () => {
    expect(step(4, 7, "Escape")).toBe("exit");
    expect(step(0, 0, "Escape")).toBe("exit");
  });

  it("leaves every other key, and every key with nothing to show, alone", () => {
    expect(step(2, 7, "Enter")).toBeNull();
    expect(step(2, 7, "a")).toBeNull();
    expect(step(0, 0, "ArrowRight")).toBeNull();
  });

  it("says where it is counted from 1", () => {
    expect(position(2, 7)).toBe("3 / 7");
    expect(position(0, 1)).toBe("1 / 1");
  });
});
