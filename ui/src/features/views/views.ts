// Saved views of the map: what the map shows now (its filter, its layers,
// where the camera stands) turned into the form the project keeps, and
// back, and the edits the list of views goes through. The core checks
// every list it is sent (names unique, ids that exist, a camera in range)
// and says what is wrong; nothing here checks the same rules again.

import type { Visibility } from "../../graph/elements";
import type { MapFilter } from "../../graph/filter";
import type { Camera, Choice, IpcError, IpcProblem, SavedView, ViewFilter } from "../../ipc";
import { statusLabel } from "../personas/format";

/** A view before it is named: what the map shows. */
export type ViewDraft = Omit<SavedView, "name" | "note">;

/** What applying a view puts on the map. */
export type MapState = { filter: MapFilter; layers: Visibility; camera: Camera | null };

/**
 * What the map shows as a view draft, leaving out every part that is as a
 * fresh map has it (no filter, no layer, the camera fitted), as the core
 * leaves them out of what it sends back.
 *
 * The map's filter holds a buying role by its name (what the map's persona
 * nodes carry), a view by its id (which the core checks, and clears when the
 * role is deleted), so the roles are needed to turn one into the other: a
 * name no role has is left out. O(roles).
 */
export function draftView(
  filter: MapFilter,
  layers: Visibility,
  camera: Camera | null,
  roles: readonly Choice[],
): ViewDraft {
  const f: ViewFilter = {};
  if (filter.segment !== "") f.market_segment = filter.segment;
  if (filter.role !== "") {
    const role = roles.find((r) => r.name === filter.role);
    if (role !== undefined) f.buying_role = role.id;
  }
  if (filter.product !== "") f.product = filter.product;
  if (filter.status !== "") f.status = filter.status;
  if (filter.confidence === "low") f.low_confidence = true;

  const draft: ViewDraft = {};
  if (Object.keys(f).length > 0) draft.filter = f;
  if (layers.products || layers.needs) {
    draft.layers = {};
    if (layers.products) draft.layers.products = true;
    if (layers.needs) draft.layers.needs = true;
  }
  if (camera !== null) draft.camera = { zoom: camera.zoom, x: camera.x, y: camera.y };
  return draft;
}

/** `draft` named: the name and note trimmed, a blank note left out. */
export function namedView(draft: ViewDraft, name: string, note: string): SavedView {
  const view: SavedView = { name: name.trim() };
  const said = note.trim();
  if (said !== "") view.note = said;
  if (draft.filter !== undefined) view.filter = draft.filter;
  if (draft.layers !== undefined) view.layers = draft.layers;
  if (draft.camera !== undefined) view.camera = draft.camera;
  return view;
}

/** What the map shows, as a named view (see `draftView`). O(roles). */
export function toSavedView(
  name: string,
  note: string,
  filter: MapFilter,
  layers: Visibility,
  camera: Camera | null,
  roles: readonly Choice[],
): SavedView {
  return namedView(draftView(filter, layers, camera, roles), name, note);
}

/**
 * What applying `view` puts on the map: each part it leaves out as a fresh
 * map has it. `names` turns the view's buying role id into the name the
 * map's filter holds (the map's own namer knows every role). O(1).
 */
export function fromSavedView(view: SavedView, names: (id: string) => string): MapState {
  const f = view.filter ?? {};
  return {
    filter: {
      segment: f.market_segment ?? "",
      role: f.buying_role === undefined ? "" : names(f.buying_role),
      product: f.product ?? "",
      status: f.status ?? "",
      confidence: f.low_confidence === true ? "low" : "",
    },
    layers: { products: view.layers?.products === true, needs: view.layers?.needs === true },
    camera: view.camera === undefined ? null : { ...view.camera },
  };
}

/** Where the view called `name` is in `list`, or -1. */
export function indexOfView(list: readonly SavedView[], name: string): number {
  const wanted = name.trim();
  return list.findIndex((v) => v.name === wanted);
}

/** `list` with `view` in place of the one of the same name, or added at the
 * end when none has it. */
export function upsertView(list: readonly SavedView[], view: SavedView): SavedView[] {
  const at = indexOfView(list, view.name);
  if (at < 0) return [...list, view];
  return list.map((v, i) => (i === at ? view : v));
}

/** `list` with the view at `index` called `name` (trimmed); unchanged when
 * there is no such view. Whether the name is free is the core's to say. */
export function renameView(list: readonly SavedView[], index: number, name: string): SavedView[] {
  return list.map((v, i) => (i === index ? { ...v, name: name.trim() } : v));
}

/** `list` with the view at `index` moved `delta` places (up when negative),
 * kept inside the list. */
export function moveView(list: readonly SavedView[], index: number, delta: number): SavedView[] {
  const view = list[index];
  if (view === undefined) return [...list];
  const to = Math.min(Math.max(index + delta, 0), list.length - 1);
  const out = list.filter((_, i) => i !== index);
  out.splice(to, 0, view);
  return out;
}

/** `list` without the view at `index`. */
export function removeView(list: readonly SavedView[], index: number): SavedView[] {
  return list.filter((_, i) => i !== index);
}

/** "View 1", "View 2"...: the first such name no view in `list` has. */
export function uniqueViewName(list: readonly SavedView[], base = "View"): string {
  const taken = new Set(list.map((v) => v.name));
  for (let n = 1; ; n++) {
    const name = `${base} ${n}`;
    if (!taken.has(name)) return name;
  }
}

/** Which layers besides the personas a view draws, in words; null when
 * none. */
function layersShown(view: ViewDraft): string | null {
  const products = view.layers?.products === true;
  const needs = view.layers?.needs === true;
  if (products && needs) return "products and needs shown";
  if (products) return "products shown";
  if (needs) return "needs shown";
  return null;
}

/** What a view narrows the map to, part by part, by name. */
function filterParts(view: ViewDraft, names: (id: string) => string): string[] {
  const f = view.filter ?? {};
  const parts: string[] = [];
  if (f.market_segment !== undefined) parts.push(names(f.market_segment));
  if (f.buying_role !== undefined) parts.push(names(f.buying_role));
  if (f.product !== undefined) parts.push(names(f.product));
  if (f.status !== undefined) parts.push(statusLabel(f.status));
  if (f.low_confidence === true) parts.push("low confidence");
  return parts;
}

/** A zoom as people read it: 1.5 is "150%". */
function zoomText(camera: Camera): string {
  return `zoom ${Math.round(camera.zoom * 100)}%`;
}

/**
 * A short line saying what a view shows, e.g. "Enterprise · Decision maker
 * · products shown · zoom 150%"; "All personas" leads when nothing is
 * filtered. `names` turns ids into names.
 */
export function describeView(view: ViewDraft, names: (id: string) => string): string {
  const parts = filterParts(view, names);
  if (parts.length === 0) parts.push("All personas");
  const layers = layersShown(view);
  if (layers !== null) parts.push(layers);
  if (view.camera !== undefined) parts.push(zoomText(view.camera));
  return parts.join(" · ");
}

/** What a view keeps, one fact a line, for the Save View dialog. */
export function viewFacts(
  view: ViewDraft,
  names: (id: string) => string,
): [label: string, value: string][] {
  const parts = filterParts(view, names);
  const layers = layersShown(view);
  return [
    ["Personas", parts.length === 0 ? "All" : parts.join(" · ")],
    ["Also drawn", layers === null ? "Nothing else" : capitalised(layers.replace(/ shown$/, ""))],
    [
      "Framing",
      view.camera === undefined
        ? "Fits the map to the window"
        : `Where the map is now (${zoomText(view.camera)})`,
    ],
  ];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A refusal of a list of views, sorted: the problems with the name and
 * the note of the view at `index` (shown beside those fields), and the
 * rest (shown above them), null when nothing is left for the top. */
export type PlacedFailure = {
  name: string | undefined;
  note: string | undefined;
  rest: IpcError | null;
};

/**
 * Sorts what the core said about a list of views: its problems carry paths
 * such as `views[2].name`. A failure without problems (the file changed
 * on disk, no project open) goes to the top whole. O(problems).
 */
export function placeFailure(error: IpcError, index: number): PlacedFailure {
  if (error.problems.length === 0) return { name: undefined, note: undefined, rest: error };
  let name: string | undefined;
  let note: string | undefined;
  const rest: IpcProblem[] = [];
  for (const p of error.problems) {
    if (p.path === `views[${index}].name` && name === undefined) name = p.message;
    else if (p.path === `views[${index}].note` && note === undefined) note = p.message;
    else rest.push(p);
  }
  return { name, note, rest: rest.length === 0 ? null : { ...error, problems: rest } };
}

/** What a key does on a row of the list of views. */
export type RowAction =
  | { kind: "focus"; to: number }
  | { kind: "move"; delta: -1 | 1 }
  | { kind: "rename" }
  | { kind: "remove" };

/**
 * What a key pressed on the row at `index` of `count` rows does: Up and
 * Down (Home, End) go to another row, as in a list box; Alt+Up and
 * Alt+Down move the view; F2 renames it, Delete removes it. Enter is the
 * row's button's own (it applies the view). Null for any other key.
 */
export function rowAction(
  key: string,
  mods: { alt: boolean; ctrl: boolean },
  index: number,
  count: number,
): RowAction | null {
  if (mods.ctrl || count === 0) return null;
  if (mods.alt) {
    if (key === "ArrowUp") return { kind: "move", delta: -1 };
    if (key === "ArrowDown") return { kind: "move", delta: 1 };
    return null;
  }
  switch (key) {
    case "ArrowUp":
      return { kind: "focus", to: Math.max(index - 1, 0) };
    case "ArrowDown":
      return { kind: "focus", to: Math.min(index + 1, count - 1) };
    case "Home":
      return { kind: "focus", to: 0 };
    case "End":
      return { kind: "focus", to: count - 1 };
    case "F2":
      return { kind: "rename" };
    case "Delete":
      return { kind: "remove" };
    default:
      return null;
  }
}

/** What the Save View dialog says when the name typed is a saved view's. */
export function replaceNotice(name: string, index: number, count: number): string {
  return `A view is called “${name}” already (view ${index + 1} of ${count}): saving replaces it, in its place.`;
}
