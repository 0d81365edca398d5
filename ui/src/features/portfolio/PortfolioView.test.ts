import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EntityRow } from "./PortfolioView";

describe("a row of the entity table", () => {
  const html = renderToStaticMarkup(
    createElement(
      "table",
      null,
      createElement(
        "tbody",
        null,
        createElement(EntityRow, {
          row: {
            key: "bu-1",
            name: "Deal 0",
            label: "Deal 0",
            description: null,
            facts: ["5 members", "For Atlas 15", "Cannot close: no Economic buyer, Procurement"],
          },
          onEdit: () => undefined,
          onDelete: () => undefined,
        }),
      ),
    ),
  );

  it("puts each fact in a box of its own, the line breaking only between two", () => {
    // One unbreakable line of facts pushed the names to a word a line and
    // Delete out of view: the spaces between facts are outside the boxes.
    const facts = [...html.matchAll(/<span class="fact">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(facts).toEqual([
      "5 members\u00a0·",
      "For Atlas 15\u00a0·",
      "Cannot close: no Economic buyer, Procurement",
    ]);
    expect(html).toContain('</span> <span class="fact">');
  });

  it("keeps Edit and Delete on the row", () => {
    expect(html).toContain('aria-label="Edit Deal 0"');
    expect(html).toContain('aria-label="Delete Deal 0"');
  });
});
