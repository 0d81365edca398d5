import { describe, expect, it } from "vitest";
import type { Visibility } from "../../graph/elements";
import { type MapFilter, NO_FILTER } from "../../graph/filter";
import type { IpcError, SavedView } from "../../ipc";
import {
  describeView,
  draftView,
  fromSavedView,
  indexOfView,
  moveView,
  namedView,
  placeFailure,
  removeView,
  renameView,
  replaceNotice,
  rowAction,
  toSavedView,
  uniqueViewName,
  upsertView,
  viewFacts,
} from "./views";

const ROLES = [
  { id: "role-dm", name: "Decision maker" },
  { id: "role-champ", name: "Champion" },
];
const NAMES: Record<string, string> = {
  "ms-ent": "Enterprise",
  "role-dm": "Decision maker",
  "role-champ": "Champion",
  "prod-crm": "Atlas CRM",
};
const names = (id: string) => NAMES[id] ?? id;
const NO_LAYERS: Visibility = { products: false, needs: false };

const named = (...list: string[]): SavedView[] => list.map((name) => ({ name }));
const namesOf = (list: SavedView[]) => list.map((v) => v.name);

describe("a view made from the map", () => {
  it("leaves out every part a fresh map has, so a plain view is its name alone", () => {
    // The core leaves these parts out of what it sends back; a view made
    // with them would differ from the same view read back.
    expect(toSavedView("Everything", "  ", NO_FILTER, NO_LAYERS, null, ROLES)).toEqual({
      name: "Everything",
    });
  });

  it("keeps each filter, the layers drawn and the camera, the role by its id", () => {
    const filter: MapFilter = {
      segment: "ms-ent",
      role: "Decision maker",
      product: "prod-crm",
      status: "validated",
      confidence: "low",
    };
    const view = toSavedView(
      " Deciders ",
      " Who signs \n",
      filter,
      { products: true, needs: false },
      { zoom: 1.5, x: -120, y: 40.5 },
      ROLES,
    );
    expect(view).toEqual({
      name: "Deciders",
      note: "Who signs",
      filter: {
        market_segment: "ms-ent",
        buying_role: "role-dm",
        product: "prod-crm",
        status: "validated",
        low_confidence: true,
      },
      layers: { products: true },
      camera: { zoom: 1.5, x: -120, y: 40.5 },
    });
  });

  it("leaves out a role no buying role is called, rather than send a name as an id", () => {
    const view = draftView({ ...NO_FILTER, role: "Gone" }, NO_LAYERS, null, ROLES);
    expect(view).toEqual({});
  });

  it("gives back, applied, exactly what the map showed when it was saved", () => {
    const cases: [MapFilter, Visibility, { zoom: number; x: number; y: number } | null][] = [
      [NO_FILTER, NO_LAYERS, null],
      [{ ...NO_FILTER, role: "Champion" }, { products: false, needs: true }, null],
      [
        { segment: "ms-ent", role: "", product: "prod-crm", status: "proto", confidence: "" },
        { products: true, needs: true },
        { zoom: 0.25, x: 0, y: -3000 },
      ],
      [{ ...NO_FILTER, confidence: "low" }, NO_LAYERS, { zoom: 3, x: 12.5, y: 7 }],
    ];
    for (const [filter, layers, camera] of cases) {
      const back = fromSavedView(toSavedView("V", "", filter, layers, camera, ROLES), names);
      expect(back).toEqual({ filter, layers, camera });
    }
  });

  it("applies as a fresh map where the view says nothing", () => {
    expect(fromSavedView({ name: "Plain" }, names)).toEqual({
      filter: NO_FILTER,
      layers: NO_LAYERS,
      camera: null,
    });
  });

  it("does not share its camera with the view it was applied from", () => {
    const view: SavedView = { name: "V", camera: { zoom: 1, x: 2, y: 3 } };
    const applied = fromSavedView(view, names);
    expect(applied.camera).not.toBe(view.camera);
  });

  it("names a draft, the note only when something is said", () => {
    const draft = { layers: { needs: true } };
    expect(namedView(draft, "A", "")).toEqual({ name: "A", layers: { needs: true } });
    expect(namedView(draft, "A", "Look")).toEqual({
      name: "A",
      note: "Look",
      layers: { needs: true },
    });
  });
});

describe("the list of views", () => {
  it("replaces a view of the same name in its place, or adds a new one last", () => {
    const list: SavedView[] = [{ name: "A" }, { name: "B", note: "old" }, { name: "C" }];
    const replaced = upsertView(list, { name: "B", note: "new" });
    expect(replaced).toEqual([{ name: "A" }, { name: "B", note: "new" }, { name: "C" }]);
    expect(namesOf(upsertView(list, { name: "D" }))).toEqual(["A", "B", "C", "D"]);
    // The list the window holds is the project's: it must not change.
    expect(list[1]?.note).toBe("old");
  });

  it("finds a view by its name as the core compares names, case and all", () => {
    const list = named("Deals", "deals");
    expect(indexOfView(list, " deals ")).toBe(1);
    expect(indexOfView(list, "DEALS")).toBe(-1);
  });

  it("renames one view, trimmed, and leaves the list as it is for an index off it", () => {
    const list = named("A", "B");
    expect(namesOf(renameView(list, 1, "  Bee "))).toEqual(["A", "Bee"]);
    expect(namesOf(renameView(list, 5, "X"))).toEqual(["A", "B"]);
  });

  it("moves a view up or down, never past either end", () => {
    const list = named("A", "B", "C", "D");
    expect(namesOf(moveView(list, 2, -1))).toEqual(["A", "C", "B", "D"]);
    expect(namesOf(moveView(list, 0, 1))).toEqual(["B", "A", "C", "D"]);
    expect(namesOf(moveView(list, 1, 10))).toEqual(["A", "C", "D", "B"]);
    expect(namesOf(moveView(list, 0, -1))).toEqual(["A", "B", "C", "D"]);
    expect(namesOf(moveView(list, 9, 1))).toEqual(["A", "B", "C", "D"]);
  });

  it("removes one view", () => {
    expect(namesOf(removeView(named("A", "B", "C"), 1))).toEqual(["A", "C"]);
    expect(namesOf(removeView(named("A"), 3))).toEqual(["A"]);
  });

  it("offers the first free name: View 1, View 2...", () => {
    expect(uniqueViewName([])).toBe("View 1");
    expect(uniqueViewName(named("View 1", "View 2"))).toBe("View 3");
    expect(uniqueViewName(named("View 2"))).toBe("View 1");
    expect(uniqueViewName(named("Slide 1"), "Slide")).toBe("Slide 2");
  });
});

describe("what a view says it shows", () => {
  it("names its filters, its layers and its zoom", () => {
    const view: SavedView = {
      name: "V",
      filter: { market_segment: "ms-ent", buying_role: "role-dm" },
      layers: { products: true },
      camera: { zoom: 1.5, x: 0, y: 0 },
    };
    expect(describeView(view, names)).toBe(
      "Enterprise · Decision maker · products shown · zoom 150%",
    );
  });

  it("says when it keeps every persona, and reads status and confidence as words", () => {
    expect(describeView({}, names)).toBe("All personas");
    expect(describeView({ layers: { products: true, needs: true } }, names)).toBe(
      "All personas · products and needs shown",
    );
    expect(
      describeView(
        { filter: { product: "prod-crm", status: "detailed", low_confidence: true } },
        names,
      ),
    ).toBe("Atlas CRM · Detailed · low confidence");
  });

  it("lists for the dialog who is shown, what else is drawn and how it is framed", () => {
    expect(viewFacts({}, names)).toEqual([
      ["Personas", "All"],
      ["Also drawn", "Nothing else"],
      ["Framing", "Fits the map to the window"],
    ]);
    expect(
      viewFacts(
        {
          filter: { buying_role: "role-champ" },
          layers: { needs: true },
          camera: { zoom: 0.8, x: 1, y: 1 },
        },
        names,
      ),
    ).toEqual([
      ["Personas", "Champion"],
      ["Also drawn", "Needs"],
      ["Framing", "Where the map is now (zoom 80%)"],
    ]);
  });
});

describe("saving under a name a view has", () => {
  it("says which view is replaced, counted from 1, and that it keeps its place", () => {
    expect(replaceNotice("Deals", 2, 5)).toBe(
      "A view is called “Deals” already (view 3 of 5): saving replaces it, in its place.",
    );
  });
});

describe("a refusal of the list", () => {
  const refusal = (paths: string[]): IpcError => ({
    code: "invalid",
    message: `the saved views has ${paths.length} problems:`,
    problems: paths.map((path) => ({ path, message: `bad ${path}` })),
  });

  it("puts the problems of the view being saved beside its fields", () => {
    const placed = placeFailure(refusal(["views[2].name", "views[2].note"]), 2);
    expect(placed.name).toBe("bad views[2].name");
    expect(placed.note).toBe("bad views[2].note");
    expect(placed.rest).toBeNull();
  });

  it("leaves the problems of other views, and of the list, for the top", () => {
    const placed = placeFailure(refusal(["views[0].name", "views", "views[2].name"]), 2);
    expect(placed.name).toBe("bad views[2].name");
    expect(placed.rest?.problems.map((p) => p.path)).toEqual(["views[0].name", "views"]);
    expect(placed.rest?.message).toBe("the saved views has 3 problems:");
  });

  it("sends a failure without problems to the top whole", () => {
    const error: IpcError = { code: "changed_on_disk", message: "Changed on disk", problems: [] };
    expect(placeFailure(error, 0)).toEqual({ name: undefined, note: undefined, rest: error });
  });
});

describe("the keys on a row of the list", () => {
  const plain = { alt: false, ctrl: false };
  it("step between rows, stopping at either end", () => {
    expect(rowAction("ArrowDown", plain, 0, 3)).toEqual({ kind: "focus", to: 1 });
    expect(rowAction("ArrowDown", plain, 2, 3)).toEqual({ kind: "focus", to: 2 });
    expect(rowAction("ArrowUp", plain, 0, 3)).toEqual({ kind: "focus", to: 0 });
    expect(rowAction("Home", plain, 2, 3)).toEqual({ kind: "focus", to: 0 });
    expect(rowAction("End", plain, 0, 3)).toEqual({ kind: "focus", to: 2 });
  });

  it("move the view with Alt, rename it with F2 and remove it with Delete", () => {
    expect(rowAction("ArrowUp", { alt: true, ctrl: false }, 1, 3)).toEqual({
      kind: "move",
      delta: -1,
    });
    expect(rowAction("ArrowDown", { alt: true, ctrl: false }, 1, 3)).toEqual({
      kind: "move",
      delta: 1,
    });
    expect(rowAction("F2", plain, 1, 3)).toEqual({ kind: "rename" });
    expect(rowAction("Delete", plain, 1, 3)).toEqual({ kind: "remove" });
  });

  it("leave Enter to the row's button, and every Ctrl key to the menu", () => {
    expect(rowAction("Enter", plain, 0, 3)).toBeNull();
    expect(rowAction("ArrowDown", { alt: false, ctrl: true }, 0, 3)).toBeNull();
    expect(rowAction("Home", { alt: true, ctrl: false }, 1, 3)).toBeNull();
  });
});
