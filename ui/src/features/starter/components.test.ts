import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StarterSet } from "../../ipc";
import { EmptyProjectPanel } from "./EmptyProjectPanel";
import { StarterSetList } from "./StarterSetList";
import type { SetState } from "./starter";

const SETS: StarterSet[] = [
  {
    id: "buying-roles",
    name: "Common B2B buying roles",
    description: "The roles found in most B2B buying groups.",
    kind: "buying_role",
    items: ["Decision maker", "Economic buyer", "Champion"],
  },
  {
    id: "b2b-needs",
    name: "Common B2B needs",
    description: "What buyers ask of a product.",
    kind: "need",
    items: ["Security"],
  },
];
const nothing = () => undefined;

describe("the panel of an empty project", () => {
  it("offers a new persona and each set, with what it adds as chips", () => {
    const html = renderToStaticMarkup(
      createElement(EmptyProjectPanel, { sets: SETS, onNewPersona: nothing }),
    );
    expect(html).toContain("Start your map");
    expect(html).toContain("New persona…");
    expect(html).toContain("Add all starter sets");
    expect(html).toContain('aria-label="Add Common B2B buying roles"');
    expect(html).toContain("3 buying roles");
    expect(html).toContain("1 need");
    for (const item of ["Decision maker", "Economic buyer", "Champion", "Security"])
      expect(html).toContain(`<li class="st-chip">${item}</li>`);
  });

  it("says the sets are being read, or why they could not be", () => {
    const reading = renderToStaticMarkup(
      createElement(EmptyProjectPanel, { sets: null, onNewPersona: nothing }),
    );
    expect(reading).toContain("Reading the starter sets…");
    expect(reading).not.toContain("Add all");
    const failed = renderToStaticMarkup(
      createElement(EmptyProjectPanel, {
        sets: null,
        failure: { code: null, message: "The shell did not answer.", problems: [] },
        onNewPersona: nothing,
      }),
    );
    expect(failed).toContain("The shell did not answer.");
    expect(failed).toContain('role="alert"');
  });

  it("shows the caller's other ways to start beside New persona", () => {
    const html = renderToStaticMarkup(
      createElement(
        EmptyProjectPanel,
        { sets: [], onNewPersona: nothing },
        createElement("button", { type: "button" }, "Open the demo"),
      ),
    );
    expect(html).toContain("Open the demo");
    expect(html).toContain("No starter sets are offered.");
  });
});

describe("a starter set once added, or refused", () => {
  const html = renderToStaticMarkup(
    createElement(StarterSetList, {
      sets: SETS,
      states: new Map<string, SetState>([
        ["buying-roles", { kind: "added", message: "Added 3 buying roles." }],
        ["b2b-needs", { kind: "failed", message: "The project already has every item." }],
      ]),
      busy: false,
      onAdd: nothing,
    }),
  );

  it("says what was added and keeps its button, marked done, to add again after an undo", () => {
    expect(html).toContain('<p class="st-said" role="status">Added 3 buying roles.</p>');
    expect(html).toMatch(
      /<button[^>]*aria-disabled="false"[^>]*aria-label="Add [^"]* again"[^>]*>Added ✓<\/button>/,
    );
  });

  it("says why a set was refused, and lets it be tried again", () => {
    expect(html).toContain('role="alert">The project already has every item.</p>');
    expect(html).toMatch(/<button[^>]*aria-disabled="false"[^>]*aria-label="Add Common B2B needs"/);
  });
});
