import { describe, expect, it } from "vitest";
import type { MapNode, MapView } from "../ipc";
import { elements } from "./elements";
import { PRODUCT_MAX, PRODUCT_TEXT_MAX, productTextWidth, productWidth } from "./labels";
import { layout } from "./layout";
import { stylesheet } from "./style";
import { mapNode } from "./testing";

/** A made-up font: 7 units a character. */
const measure = (text: string) => text.length * 7;

describe("productWidth", () => {
  it("makes a product's box as wide as its whole name and some room", () => {
    const name = "Lanternfold Connect SDK";
    expect(productWidth(name, measure)).toBeGreaterThanOrEqual(measure(name) + 16);
  });

  it("keeps short names in a box of the usual size, and caps long ones", () => {
    expect(productWidth("Go", measure)).toBe(120);
    expect(productWidth("x".repeat(200), measure)).toBe(PRODUCT_MAX);
  });

  it("estimates the width of text without a window to measure it in", () => {
    expect(productTextWidth("Lanternfold Pipelines")).toBeGreaterThan(100);
  });
});

const product = (id: string, label: string): MapNode => mapNode({ id, kind: "product", label });

describe("products on the map", () => {
  const map: MapView = {
    nodes: [
      product("prod-1", "Lanternfold Connect SDK for regulated industries"),
      product("prod-2", "Lanternfold Govern"),
      product("prod-3", "Lanternfold Observe"),
    ],
    edges: [],
    customer_segments: [],
    names: [],
  };

  it("are drawn as wide as their names, which are written inside", () => {
    const drawn = elements(map, { products: true, needs: false });
    for (const e of drawn) {
      expect(e.data.width, String(e.data.id)).toBe(productWidth(String(e.data.label)));
    }
    const rule = stylesheet().find((r) => "selector" in r && r.selector === "node.product");
    expect(rule && "style" in rule ? rule.style : null).toMatchObject({
      width: "data(width)",
      "text-max-width": `${PRODUCT_TEXT_MAX}px`,
    });
  });

  it("are spaced so that no two boxes overlap", () => {
    const at = layout(map);
    const xs = ["prod-1", "prod-2", "prod-3"].map((id) => at.get(id)?.x ?? Number.NaN);
    const widest = Math.max(...map.nodes.map((n) => productWidth(n.label)));
    for (let i = 1; i < xs.length; i += 1) {
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(widest);
    }
  });
});
