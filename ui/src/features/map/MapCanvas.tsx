import cytoscape, {
  type Core,
  type EventObject,
  type NodeCollection,
  type NodeSingular,
} from "cytoscape";
import fcose from "cytoscape-fcose";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { elements, isOverview, type Visibility } from "../../graph/elements";
import { isFiltered, keptPersonas, type MapFilter } from "../../graph/filter";
import { type Frame, framedPng, framedSvg } from "../../graph/frame";
import { highlightPlan } from "../../graph/highlight";
import { dropTarget, type Spot } from "../../graph/hit";
import { bestFlow, NO_SEGMENT, type Position } from "../../graph/layout";
import {
  DETAIL_CLASS,
  type Detail,
  detailAt,
  EMPHASIS_STEPS,
  emphasisClass,
  emphasisStep,
} from "../../graph/lod";
import { type Bubble, bubbleToOpen, type Gathered, overviewNote } from "../../graph/overview";
import { patch } from "../../graph/patch";
import { stylesheet } from "../../graph/style";
import { sceneOf, svgDocument } from "../../graph/svg";
import {
  type CameraAt,
  cameraOf,
  clearInsets,
  type Insets,
  NO_INSETS,
  padded,
  showsWhole,
  viewFor,
  viewOf,
} from "../../graph/viewport";
import {
  exportMapImage,
  type IpcError,
  type MapView,
  type NodePosition,
  toIpcError,
} from "../../ipc";

cytoscape.use(fcose);

/** What a persona can be linked to by dragging: a product, a need, or
 * another persona (`target`), whom the dragged `persona` then acts on. */
export type LinkTarget = { persona: string; target: string; kind: "product" | "need" | "persona" };

type Props = {
  /** Whether the map is on screen; it stays drawn while another view is. */
  shown: boolean;
  map: MapView;
  /** Where the user placed nodes, as stored in the project. */
  positions: NodePosition[];
  /** The open file: while it stays the same, redrawing keeps the zoom and pan. */
  viewKey: string;
  visible: Visibility;
  filter: MapFilter;
  /** The personas `filter` keeps (null: every one), reckoned once by the
   * window for the insights and the map alike. */
  kept: ReadonlySet<string> | null;
  /** Ids to bring into view and highlight; everything else fades. */
  focus: string[];
  /** Personas matching the search, highlighted the same way. */
  matches: string[] | null;
  /** Dragging from a persona draws a link instead of moving it. */
  linking: boolean;
  onSelect: (id: string | null) => void;
  /** The user asked to see the whole map (Fit): what was chosen is let go. */
  onFit: () => void;
  /** Nodes were moved (`replaceAll`: the whole layout changed). */
  onMoved: (positions: NodePosition[], replaceAll: boolean) => void;
  onLink: (link: LinkTarget) => void;
  /** Turns link mode on or off. */
  onLinking: (on: boolean) => void;
  onError: (error: IpcError) => void;
  /** A picture of the map was saved at `path`. */
  onExported: (path: string) => void;
  /** The title, date and colour key a saved picture is framed with. */
  framing?: Frame | undefined;
  /** Something the menu asked of the map; a new object each time it asks. */
  command: MapCommand | null;
  /** The command was carried out, so a map drawn later does not repeat it. */
  onCommandDone: () => void;
  /** Set to a function that says where the camera stands now, for Save View. */
  cameraOut?: { current: (() => CameraAt | null) | null };
};

/** What the menu can ask of the map: save a picture, fit, or stand the
 * camera where a saved view stood it (`null`: fit). */
export type MapCommand =
  | { kind: "png" | "svg" | "fit" }
  | { kind: "camera"; camera: CameraAt | null };

/** Above this many nodes the map draws less while it moves. */
const LARGE = 800;
const GHOST = "__link_ghost";
/** No box opened in the overview. */
const NONE_OPEN: ReadonlySet<string> = new Set();
const DRAFT = "__link_draft";

/** Where a node is drawn: in the window (`x`, `y`) and on the map (`mapX`, `mapY`). */
export type DrawnAt = { x: number; y: number; mapX: number; mapY: number };

/**
 * The map's element answers `atlasNodeAt(id)`: where a node is drawn, or null
 * when it is not shown. A canvas has no elements per node, so this is how
 * end-to-end tests (and assistive tools) find one.
 */
export type MapElement = HTMLDivElement & {
  atlasNodeAt?: (id: string) => DrawnAt | null;
  /** The map alone, as drawn: a base64 PNG or an SVG text. */
  atlasPicture?: (format: "png" | "svg") => string;
  /** The picture an export saves: the map in its frame (title, date,
   * colour key). */
  atlasFramedPicture?: (format: "png" | "svg") => Promise<string>;
  /** The overview's bubbles drawn now, by id (`<segment>::all`). */
  atlasBubbles?: () => string[];
  /** The map's zoom now (1: map units are pixels). */
  atlasZoom?: () => number;
};

/** The most a chosen persona, or an opened box, is zoomed to: its labels
 * read at about 16 pixels, and the personas around it stay in view. */
export const MAX_FRAME_ZOOM = 1.6;

/** What floats over the map's canvas: its toolbars, note and hint. */
const OVERLAYS = ".map-tools, .map-controls, .map-note, .map-hint";

/** What the overlays of the map in `frame` leave clear, measured now:
 * they wrap onto more lines in a narrow window. */
function clearOf(frame: HTMLElement | null): Insets {
  if (frame === null) return NO_INSETS;
  const overlays = [...frame.querySelectorAll<HTMLElement>(OVERLAYS)].map((e) => ({
    top: e.offsetTop,
    bottom: e.offsetTop + e.offsetHeight,
  }));
  return clearInsets(frame.clientHeight, overlays, 8);
}

/**
 * Where to look at `chosen`: the chosen nodes with their neighbours,
 * centred in what the overlays leave clear (`insets`), zoomed to fit them
 * but never beyond {@link MAX_FRAME_ZOOM}, so that a single persona is
 * shown in its context rather than filling the screen.
 */
function lookAt(c: Core, chosen: cytoscape.Collection, insets: Insets) {
  const around = chosen.union(chosen.neighborhood().nodes());
  const limit = Math.min(MAX_FRAME_ZOOM, c.maxZoom());
  return viewFor(
    around.boundingBox({}),
    c.width(),
    c.height(),
    padded(insets, 100),
    c.minZoom(),
    limit,
  );
}

/** Frames box `box` of the map, just opened, in what the overlays leave
 * clear (`insets`). */
function frameBox(c: Core, box: cytoscape.Collection, insets: Insets) {
  const limit = Math.min(MAX_FRAME_ZOOM, c.maxZoom());
  const view = viewFor(
    box.boundingBox({}),
    c.width(),
    c.height(),
    padded(insets, 40),
    c.minZoom(),
    limit,
  );
  c.animate({ ...view, duration: 300 });
}

/** Pixels per CSS pixel of a saved PNG: sharp on a slide or a print. */
const PNG_SCALE = 2;

/** The picture an export saves: the map in `framing`'s frame, if any. */
async function framedPicture(
  cy: Core,
  format: "png" | "svg",
  framing: Frame | undefined,
): Promise<string> {
  const raw = picture(cy, format);
  if (framing === undefined) return raw;
  const [w, h, bg] = [cy.width(), cy.height(), background()];
  return format === "svg"
    ? framedSvg(raw, w, h, bg, framing)
    : framedPng(raw, w, h, PNG_SCALE, bg, framing);
}

function picture(cy: Core, format: "png" | "svg"): string {
  return format === "png"
    ? String(cy.png({ output: "base64", full: false, scale: PNG_SCALE, bg: background() }))
    : svgDocument(sceneOf(cy, background()));
}

/** The closest a fit zooms: a small map fills the window, not with giant labels. */
const FIT_ZOOM = 1.25;

/** Room around a fitted map, past what the overlays take. */
const FIT_PAD = 32;

/**
 * Shows everything that is displayed, no closer than FIT_ZOOM, in what the
 * overlays leave clear (`insets`). The box is taken without labels:
 * measuring every label of a large map cost half a second at launch, and
 * the padding leaves room for the outer ones.
 */
function fitView(cy: Core, insets: Insets) {
  const shown = cy.elements(":visible");
  if (shown.empty()) return;
  const bare = shown.boundingBox({ includeLabels: false, includeOverlays: false });
  // The overview's few bubbles are written beside, so their words count.
  const bubbles = shown.filter(".cluster");
  const worded = bubbles.nonempty() ? bubbles.boundingBox({ includeLabels: true }) : bare;
  const box = {
    x1: Math.min(bare.x1, worded.x1),
    y1: Math.min(bare.y1, worded.y1),
    x2: Math.max(bare.x2, worded.x2),
    y2: Math.max(bare.y2, worded.y2),
  };
  const limit = Math.min(FIT_ZOOM, cy.maxZoom());
  cy.viewport(viewFor(box, cy.width(), cy.height(), padded(insets, FIT_PAD), cy.minZoom(), limit));
}

/** Space between packed boxes and between the rows of products and needs. */
const GAP = 90;

/**
 * The organic layout: inside each market segment the personas are placed by
 * fCoSE, a force-directed layout, so that related ones sit together; then
 * the boxes are packed into rows that fill a wide window, with products in a
 * row above and needs below. Packing is done here because fCoSE lays
 * unconnected boxes on top of each other without a packing extension.
 */
function organic(cy: Core, large: boolean) {
  const boxes = cy.nodes(".segment");
  boxes.forEach((box) => {
    const people = box.children(":visible");
    if (people.length < 2) return;
    people
      .union(people.edgesWith(people))
      .layout({
        name: "fcose",
        quality: large ? "draft" : "default",
        randomize: true,
        animate: false,
        fit: false,
        packComponents: false,
        nodeDimensionsIncludeLabels: true,
        nodeSeparation: 70,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 9000,
      } as cytoscape.LayoutOptions)
      .run();
  });
  const shown = boxes.filter((b) => b.visible());
  const sizes = shown.map((b) => {
    const bb = b.boundingBox({ includeLabels: true });
    return { width: bb.w, height: bb.h };
  });
  const { origins, rowWidth, bottom } = bestFlow(sizes);
  shown.forEach((box, i) => {
    const bb = box.boundingBox({ includeLabels: true });
    const to = origins[i] ?? { x: 0, y: 0 };
    const dx = to.x - bb.x1;
    const dy = to.y - bb.y1;
    box.children().positions((n) => ({ x: n.position("x") + dx, y: n.position("y") + dy }));
  });
  for (const [kind, y] of [
    ["product", -GAP * 2],
    ["need", bottom + GAP * 2],
  ] as const) {
    const row = cy.nodes(`.${kind}`);
    // Products are as wide as their names: room for the widest.
    const widest = row.reduce((w, n) => Math.max(w, n.width()), 0);
    const step = Math.max(140, rowWidth / Math.max(1, row.length), widest + 30);
    row.positions((_, i) => ({ x: i * step + Math.max(140, widest) / 2, y }));
  }
}

/** Where the leaf nodes among `nodes` sit now, to a tenth of a unit; boxes
 * follow their personas and the placeholders and the link line are drawn
 * by the app, so none of those is stored. */
function placesOf(nodes: NodeCollection): NodePosition[] {
  const out: NodePosition[] = [];
  nodes.forEach((n) => {
    if (
      n.isParent() ||
      n.hasClass("placeholder") ||
      n.hasClass("transient") ||
      n.hasClass("cluster")
    ) {
      return;
    }
    const p = n.position();
    out.push({ id: n.id(), x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
  });
  return out;
}

const EMPHASIS_CLASSES = Array.from({ length: EMPHASIS_STEPS }, (_, i) =>
  emphasisClass(i + 1),
).join(" ");

/** Writes the names of `nodes` at `detail` (see graph/lod.ts). */
function setDetail(nodes: NodeCollection, detail: Detail) {
  nodes.removeClass(`${DETAIL_CLASS.far} ${DETAIL_CLASS.off}`);
  if (DETAIL_CLASS[detail] !== "") nodes.addClass(DETAIL_CLASS[detail]);
}

/** Sizes the names of `nodes`, when emphasised, for emphasis step `step`. */
function setEmphasis(nodes: NodeCollection, step: number) {
  nodes.removeClass(EMPHASIS_CLASSES);
  if (step > 0) nodes.addClass(emphasisClass(step));
}

/** After a bubble opened on a zoom, how long zooming opens no other one,
 * in milliseconds: the framing of the box takes 300. */
const ZOOM_OPEN_PAUSE = 700;

function background(): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue("--bg").trim();
  return v || "#ffffff";
}

/** The ecosystem map, drawn by Cytoscape.js. */
function EcosystemMap({
  shown,
  map,
  positions,
  viewKey,
  visible,
  filter,
  kept,
  focus,
  matches,
  linking,
  onSelect,
  onFit,
  onMoved,
  onLink,
  onLinking,
  onError,
  onExported,
  framing,
  command,
  onCommandDone,
  cameraOut,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  // The map's frame, whose overlays a framed view keeps clear of.
  const frameEl = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  // Whether the user zoomed or panned since the map was last fitted.
  const steered = useRef(false);
  // The level of detail the names are drawn at now, and the step their
  // emphasised ones are enlarged by (graph/lod.ts).
  const lod = useRef<{ detail: Detail; step: number }>({ detail: "near", step: 0 });
  // The frame as of the last render, for the test hook set when drawn.
  const framingNow = useRef(framing);
  framingNow.current = framing;
  // The same instance as state, so that what derives from it reruns when
  // the map is drawn anew.
  const [core, setCore] = useState<Core | null>(null);
  const [arranging, setArranging] = useState(false);
  const [exporting, setExporting] = useState(false);
  // Where nodes are now: the stored layout, then every move since, so that
  // showing a layer again does not undo a drag. A new `positions` (the
  // project was read again) is the truth again.
  const placed = useRef(new Map<string, Position>());
  useEffect(() => {
    const next = new Map(positions.map((p) => [p.id, { x: p.x, y: p.y }]));
    // Moves are in the history: after an undo or redo, each node whose
    // stored place changed goes there. (A node whose place the undo took
    // away stays where it is; the layout gives it one when it is drawn.)
    core?.batch(() => {
      for (const [id, at] of next) {
        const was = placed.current.get(id);
        if (was !== undefined && was.x === at.x && was.y === at.y) continue;
        const node = core.getElementById(id);
        if (node.nonempty() && node.isNode() && !node.isParent()) node.position(at);
      }
    });
    placed.current = next;
  }, [positions, core]);
  // The latest callbacks, read by Cytoscape's handlers without rebuilding it.
  const handlers = useRef({
    onSelect,
    onMoved,
    onLink,
    linking,
    openBoxes: (_boxes: string[], _framed: string | null) => {},
    bubbles: false,
  });
  const lastFilter = useRef(filter);
  // A large map opens as an overview, a bubble per market segment; the
  // boxes the user opened since this file was drawn show their personas.
  const overview = isOverview(map);
  const [opened, setOpened] = useState({ key: viewKey, boxes: NONE_OPEN });
  const open = overview ? (opened.key === viewKey ? opened.boxes : NONE_OPEN) : null;
  // A box just opened by a click, framed once it is drawn.
  const frame = useRef<string | null>(null);
  const openBoxes = (boxes: string[], framed: string | null) => {
    frame.current = framed;
    setOpened((was) => {
      const base = was.key === viewKey ? was.boxes : NONE_OPEN;
      if (boxes.every((b) => base.has(b))) return was;
      return { key: viewKey, boxes: new Set([...base, ...boxes]) };
    });
  };
  const closeAll = () => {
    setOpened({ key: viewKey, boxes: NONE_OPEN });
    frame.current = "";
  };
  // The personas the filter keeps (null: all of them); the overview's
  // bubbles count them.
  const bubbleKept = open === null ? null : kept;
  // The overview's boxes and personas, for its note and its controls.
  const gathered = ((): Gathered | null => {
    if (open === null) return null;
    const boxes = new Set<string>();
    let personas = 0;
    for (const n of map.nodes) {
      if (n.kind !== "persona") continue;
      personas += 1;
      boxes.add(n.parent ?? NO_SEGMENT);
    }
    const closed = [...boxes].filter((b) => !open.has(b)).length;
    return { personas, kept: kept?.size ?? null, boxes: boxes.size, closed };
  })();
  handlers.current = {
    onSelect,
    onMoved,
    onLink,
    linking,
    openBoxes,
    bubbles: gathered !== null && gathered.closed > 0,
  };
  const large = map.nodes.length > LARGE;
  // What the map draws now, read when it is drawn from scratch; and what
  // it last drew, so that a change is patched in rather than redrawn.
  const latest = useRef({ map, visible, open, bubbleKept });
  latest.current = { map, visible, open, bubbleKept };
  const drawn = useRef<{
    map: MapView;
    visible: Visibility;
    open: ReadonlySet<string> | null;
    bubbleKept: ReadonlySet<string> | null;
  } | null>(null);
  const unfitted = useRef(false);

  // The map is drawn from scratch only for another file, or when it crosses
  // the size at which it draws less; every edit is patched in (below), so
  // the zoom, the pan and the window stay as they were.
  // biome-ignore lint/correctness/useExhaustiveDependencies: another file is drawn anew
  useEffect(() => {
    if (!container.current) return;
    const { map, visible, open, bubbleKept } = latest.current;
    performance.mark("atlas:map-start");
    const built = elements(map, visible, placed.current, open, bubbleKept);
    performance.mark("atlas:map-elements");
    const instance = cytoscape({
      container: container.current,
      elements: built,
      style: stylesheet(large),
      layout: { name: "preset", fit: false },
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      // Large maps draw without labels or edges while the view moves.
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      textureOnViewport: large,
    });
    performance.mark("atlas:map-core");
    instance.on("tap", "node.persona, node.product", (e) =>
      handlers.current.onSelect(e.target.id()),
    );
    instance.on("tap", (e) => {
      if (e.target === instance) handlers.current.onSelect(null);
    });
    // A bubble of the overview opens into its personas.
    instance.on("tap", "node.cluster", (e) => {
      const box = String(e.target.data("box"));
      handlers.current.openBoxes([box], box);
    });
    // Zooming in on a closed bubble of the overview opens it, as a click
    // does: when it is under the pointer and large, or fills the view.
    // Only the wheel does (Cytoscape says "scrollzoom" for it alone), never
    // a fit or a framing, which zoom by themselves.
    let openedByZoom = Number.NEGATIVE_INFINITY;
    // The user moved the camera: edits no longer refit the map under them.
    instance.on("scrollzoom pinchzoom dragpan", () => {
      steered.current = true;
    });
    // A window made larger or smaller shows the whole map again, unless the
    // user is looking at a part of it.
    instance.on("resize", () => {
      if (steered.current || instance.width() === 0) return;
      fitView(instance, clearOf(frameEl.current));
    });
    instance.on("scrollzoom", (e: EventObject) => {
      if (!handlers.current.bubbles) return;
      const wheel = e.originalEvent as unknown as WheelEvent | undefined;
      if (!wheel || !(wheel.deltaY < 0)) return;
      if (performance.now() - openedByZoom < ZOOM_OPEN_PAUSE) return;
      const bubbles: Bubble[] = [];
      instance.nodes(".cluster").forEach((n) => {
        if (!n.visible()) return;
        const p = n.position();
        bubbles.push({ id: n.id(), x: p.x, y: p.y, radius: n.width() / 2 });
      });
      const id = bubbleToOpen(bubbles, e.position, instance.extent());
      if (id === null) return;
      openedByZoom = performance.now();
      const box = String(instance.getElementById(id).data("box"));
      handlers.current.openBoxes([box], box);
    });

    // Names: written larger as the map zooms out, then left out; the one
    // pointed at and the chosen ones whole and legible. Classes change only
    // when the zoom crosses a threshold (graph/lod.ts).
    lod.current = { detail: "near", step: 0 };
    instance.on("zoom", () => {
      const zoom = instance.zoom();
      const detail = detailAt(zoom);
      if (detail !== lod.current.detail) {
        lod.current.detail = detail;
        instance.batch(() => setDetail(instance.nodes(), detail));
      }
      const step = emphasisStep(zoom);
      if (step !== lod.current.step) {
        lod.current.step = step;
        setEmphasis(instance.nodes(".hover, .focused, .drop-target"), step);
      }
    });
    // A node added later (a box opened, a layer shown) is drawn at the
    // same level of detail as the others.
    instance.on("add", "node", (e) => {
      const at = DETAIL_CLASS[lod.current.detail];
      if (at !== "") (e.target as NodeSingular).addClass(at);
    });
    const named = "node.persona, node.product, node.need";
    instance.on("mouseover", named, (e) => {
      const n = e.target as NodeSingular;
      setEmphasis(n, lod.current.step);
      n.addClass("hover");
    });
    instance.on("mouseout", named, (e) => (e.target as NodeSingular).removeClass("hover"));

    // Outside link mode, a persona dropped on another opens the link
    // dialog for the two and goes back where it was; dropped anywhere
    // else, it stays there. The personas it could land on are listed once
    // a drag moves it (O(personas)), then each move looks through that list
    // only.
    let dragged: { id: string; from: Position; spots: Spot[] | null } | null = null;
    let over: string | null = null;
    // The persona whose drag became a link: its place is not kept.
    let unmoved: string | null = null;
    const showOver = (id: string | null) => {
      if (id === over) return;
      if (over !== null) instance.getElementById(over).removeClass("drop-target");
      over = id;
      if (id === null) return;
      const target = instance.getElementById(id);
      setEmphasis(target, lod.current.step);
      target.addClass("drop-target");
    };
    instance.on("grabon", "node.persona", (e: EventObject) => {
      const n = e.target as NodeSingular;
      dragged = null;
      // With several personas selected, all of them move: a plain move.
      if (handlers.current.linking || (n.selected() && instance.$("node:selected").length > 1)) {
        return;
      }
      dragged = { id: n.id(), from: { x: n.position("x"), y: n.position("y") }, spots: null };
    });
    instance.on("drag", "node.persona", (e: EventObject) => {
      if (dragged === null || (e.target as NodeSingular).id() !== dragged.id) return;
      if (dragged.spots === null) {
        const spots: Spot[] = [];
        const self = dragged.id;
        instance.nodes(".persona").forEach((n) => {
          if (n.id() === self || !n.visible()) return;
          const p = n.position();
          spots.push({ id: n.id(), x: p.x, y: p.y, radius: Math.max(n.width(), n.height()) / 2 });
        });
        dragged.spots = spots;
      }
      showOver(dropTarget(dragged.spots, e.position));
    });
    instance.on("dragfreeon", "node.persona", (e: EventObject) => {
      const drag = dragged;
      dragged = null;
      showOver(null);
      const n = e.target as NodeSingular;
      if (drag === null || drag.spots === null || n.id() !== drag.id) return;
      const target = dropTarget(drag.spots, e.position);
      if (target === null) return;
      n.position(drag.from);
      unmoved = drag.id;
      handlers.current.onLink({ persona: drag.id, target, kind: "persona" });
    });
    // A dragged node (a box drags its personas along) keeps its new place.
    instance.on("dragfree", "node", (e) => {
      if ((e.target as NodeSingular).id() === unmoved) {
        unmoved = null;
        return;
      }
      const list = placesOf(
        (e.target as NodeSingular).union((e.target as NodeSingular).descendants()),
      );
      for (const p of list) placed.current.set(p.id, { x: p.x, y: p.y });
      if (list.length > 0) handlers.current.onMoved(list, false);
    });

    // Linking: drag from a persona and drop on a product, a need or
    // another persona.
    let from: string | null = null;
    instance.on("tapstart", "node.persona", (e: EventObject) => {
      if (!handlers.current.linking) return;
      from = e.target.id();
      instance.userPanningEnabled(false);
      instance.add([
        {
          group: "nodes",
          data: { id: GHOST },
          position: { ...e.position },
          classes: "ghost transient",
        },
        {
          group: "edges",
          data: { id: DRAFT, source: from, target: GHOST },
          classes: "draft transient",
        },
      ]);
    });
    instance.on("tapdrag", (e: EventObject) => {
      if (from !== null) instance.getElementById(GHOST).position({ ...e.position });
    });
    instance.on("tapend", (e: EventObject) => {
      if (from === null) return;
      const persona = from;
      from = null;
      instance.remove(instance.getElementById(DRAFT).union(instance.getElementById(GHOST)));
      instance.userPanningEnabled(true);
      const { x, y } = e.position;
      const hit = instance.nodes("node.product, node.need, node.persona").filter((n) => {
        if (n.id() === persona || !n.visible()) return false;
        const bb = n.boundingBox({ includeLabels: false });
        return x >= bb.x1 - 4 && x <= bb.x2 + 4 && y >= bb.y1 - 4 && y <= bb.y2 + 4;
      });
      const target = hit.first();
      if (target.nonempty()) {
        handlers.current.onLink({
          persona,
          target: target.id(),
          kind: target.hasClass("product")
            ? "product"
            : target.hasClass("need")
              ? "need"
              : "persona",
        });
      }
    });
    const element: MapElement = container.current;
    element.atlasNodeAt = (id) => {
      const n = instance.getElementById(id);
      if (n.empty() || !n.visible()) return null;
      const box = element.getBoundingClientRect();
      const r = n.renderedPosition();
      const m = n.position();
      return { x: box.left + r.x, y: box.top + r.y, mapX: m.x, mapY: m.y };
    };
    element.atlasPicture = (format) => picture(instance, format);
    element.atlasFramedPicture = (format) => framedPicture(instance, format, framingNow.current);
    element.atlasBubbles = () => instance.nodes(".cluster").map((n) => n.id());
    element.atlasZoom = () => instance.zoom();
    drawn.current = { map, visible, open, bubbleKept };
    // Drawn while hidden, the map has no size to fit to yet.
    unfitted.current = instance.width() === 0;
    performance.mark("atlas:map-fit");
    if (!unfitted.current) fitView(instance, clearOf(frameEl.current));
    steered.current = false;
    performance.mark("atlas:map-built");
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("atlas:map-drawn")));
    cy.current = instance;
    setCore(instance);
    return () => {
      instance.destroy();
      cy.current = null;
      setCore(null);
    };
  }, [large, viewKey]);

  // Shown again: the container's size may have changed while it was hidden.
  useEffect(() => {
    if (!core || !shown) return;
    core.resize();
    if (unfitted.current) {
      unfitted.current = false;
      fitView(core, clearOf(frameEl.current));
    }
  }, [core, shown]);

  // An edit, a layer shown or hidden, a box opened or closed, or (in the
  // overview, whose bubbles count what it keeps) another filter: patch the
  // map in place.
  useEffect(() => {
    if (!core) return;
    const last = drawn.current;
    if (
      last &&
      last.map === map &&
      last.visible === visible &&
      last.open === open &&
      last.bubbleKept === bubbleKept
    ) {
      return;
    }
    performance.mark("atlas:patch-start");
    patch(core, elements(map, visible, placed.current, open, bubbleKept));
    drawn.current = { map, visible, open, bubbleKept };
    performance.measure("atlas:patch", "atlas:patch-start");
    // A box opened by a click is framed; closing every box shows them all.
    const framed = frame.current;
    frame.current = null;
    if (framed === "") fitView(core, clearOf(frameEl.current));
    else if (framed !== null) {
      const box = core.getElementById(framed);
      if (box.nonempty()) {
        steered.current = true;
        frameBox(core, box, clearOf(frameEl.current));
      }
    } else if (!steered.current && core.width() === 0) {
      // Hidden behind another view: fitted when it is shown again.
      unfitted.current = true;
    } else if (!steered.current) {
      // A map the user has not moved grows with what is added to it: a
      // new persona never lands outside the window.
      const shown = core.elements(":visible");
      const insets = clearOf(frameEl.current);
      const box = shown.boundingBox({ includeLabels: false, includeOverlays: false });
      const now = { zoom: core.zoom(), pan: core.pan() };
      if (shown.nonempty() && !showsWhole(box, now, core.width(), core.height(), insets)) {
        fitView(core, insets);
      }
    }
  }, [core, map, visible, open, bubbleKept]);

  // The map's colours come from the page's; when the system switches
  // between light and dark, the map follows at once.
  useEffect(() => {
    if (!core) return;
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    const restyle = () => core.style(stylesheet(large));
    scheme.addEventListener("change", restyle);
    return () => scheme.removeEventListener("change", restyle);
  }, [core, large]);

  // In link mode personas stay put, so a drag can only draw a link.
  useEffect(() => {
    core?.autoungrabify(linking);
  }, [core, linking]);

  // Filters hide what they leave out; derived at render time, never stored.
  // A box opened in the overview, or a layer shown, adds elements the
  // filter must judge too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for the added elements
  useEffect(() => {
    const c = core;
    if (!c) return;
    c.batch(() => {
      c.elements().removeClass("hidden");
      if (kept === null) return;
      const hide = c.nodes(".persona").filter((n) => !kept.has(n.id()));
      hide.addClass("hidden");
      // A bubble stays while any persona it stands for is kept.
      const keptBoxes = new Set<string>();
      for (const n of map.nodes) {
        if (n.kind === "persona" && kept.has(n.id)) keptBoxes.add(n.parent ?? NO_SEGMENT);
      }
      const isKept = (n: NodeSingular) =>
        n.hasClass("cluster") ? keptBoxes.has(String(n.data("box"))) : kept.has(n.id());
      c.nodes(".cluster")
        .filter((n) => !isKept(n))
        .addClass("hidden");
      // A box with nobody left in it, and products and needs no kept
      // persona touches, leave the map too.
      c.nodes(".segment").forEach((box) => {
        if (
          box
            .children(".persona")
            .filter((n) => kept.has(n.id()))
            .empty()
        ) {
          box.addClass("hidden");
          box.children().addClass("hidden");
        }
      });
      c.nodes(".product, .need").forEach((n) => {
        if (n.connectedEdges().connectedNodes(".persona, .cluster").filter(isKept).empty()) {
          n.addClass("hidden");
        }
      });
    });
    if (lastFilter.current !== filter) {
      lastFilter.current = filter;
      fitView(c, clearOf(frameEl.current));
      steered.current = false;
    }
  }, [core, map, filter, kept, open, visible]);

  // Link mode shows products and needs, drawn above and below the
  // personas: when they are not all in view, or sit under the hint, the
  // map is fitted so that they are (and the hint is kept clear of).
  const wasLinking = useRef(linking);
  useEffect(() => {
    const c = core;
    const started = linking && !wasLinking.current;
    wasLinking.current = linking;
    if (!c || !started) return;
    const ends = c.nodes(".product, .need").filter((n) => n.visible());
    if (ends.empty()) return;
    const insets = clearOf(frameEl.current);
    const now = { zoom: c.zoom(), pan: c.pan() };
    const box = ends.boundingBox({ includeLabels: true, includeOverlays: false });
    if (showsWhole(box, now, c.width(), c.height(), insets)) return;
    c.stop(true, false);
    fitView(c, insets);
  }, [core, linking]);

  // Highlighting is derived at render time and never stored in the data.
  // In the overview, a persona inside a closed box is stood for by its
  // bubble; what the user chose to look at (a finding, a selection) opens
  // the boxes it is in. Only the elements whose look changes are touched:
  // restyling every element of an open 2,000-persona map on each keystroke
  // of a search made typing lag by seconds.
  const framedFocus = useRef<string[] | null>(null);
  const shownMatches = useRef<string[] | null>(null);
  useEffect(() => {
    const c = core;
    if (!c) return;
    const plan = highlightPlan(map, open, focus, matches);
    if (plan.open.length > 0) {
      handlers.current.openBoxes(plan.open, null);
      return;
    }
    const chosen = c.collection();
    for (const id of plan.chosen) chosen.merge(c.getElementById(id));
    c.batch(() => {
      const wasFaded = c.elements(".faded");
      const wasFocused = c.elements(".focused");
      let faded = c.collection();
      let focused = c.collection();
      if (chosen.nonempty()) {
        const links = chosen.edgesWith(chosen);
        faded = c.elements().not(chosen.union(links).union(chosen.ancestors()));
        focused = chosen.union(links);
      }
      wasFaded.not(faded).removeClass("faded");
      faded.not(wasFaded).addClass("faded");
      wasFocused.not(focused).removeClass("focused");
      const newly = focused.not(wasFocused);
      // Chosen names are written whole, at the size this zoom needs.
      setEmphasis(newly.nodes(), lod.current.step);
      newly.addClass("focused");
    });
    if (shownMatches.current !== matches) {
      shownMatches.current = matches;
      // Read by the measuring tools: from a keystroke to its highlight.
      performance.mark("atlas:search-shown");
    }
    if (focus.length > 0 && framedFocus.current !== focus && chosen.nonempty()) {
      framedFocus.current = focus;
      steered.current = true;
      c.animate({ ...lookAt(c, chosen, clearOf(frameEl.current)), duration: 300 });
    }
  }, [core, map, focus, matches, open]);

  const zoom = (factor: number) => {
    const c = cy.current;
    if (!c) return;
    steered.current = true;
    c.zoom({
      level: c.zoom() * factor,
      renderedPosition: { x: c.width() / 2, y: c.height() / 2 },
    });
  };

  /** Lays the map out again, and keeps that layout in the project. */
  const arrange = (how: "grid" | "organic") => {
    const c = cy.current;
    if (!c || arranging) return;
    setArranging(true);
    const done = (replace: NodePosition[]) => {
      placed.current = new Map(replace.map((p) => [p.id, { x: p.x, y: p.y }]));
      handlers.current.onMoved(replace, true);
      setArranging(false);
    };
    // Let the "Arranging…" state paint before the work blocks the window.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (how === "grid") {
          // Where everything drawn goes when nobody placed it, bubbles too.
          const grid = new Map<string, Position>();
          for (const e of elements(map, visible, new Map(), open)) {
            if (e.position) grid.set(String(e.data.id), e.position);
          }
          c.nodes()
            .not(":parent")
            .positions((n) => grid.get(n.id()) ?? n.position());
          fitView(c, clearOf(frameEl.current));
          done([]);
          return;
        }
        organic(c, map.nodes.length > LARGE);
        fitView(c, clearOf(frameEl.current));
        done(placesOf(c.nodes()));
      }, 0),
    );
  };

  const save = (format: "png" | "svg") => {
    const c = cy.current;
    if (!c || exporting) return;
    setExporting(true);
    framedPicture(c, format, framing)
      .catch((e: unknown) => {
        throw {
          message: `The map could not be drawn as ${format.toUpperCase()}: ${String(e)}`,
          code: null,
          problems: [],
        };
      })
      .then((data) => exportMapImage(format, data))
      .then((path) => {
        if (path !== null) onExported(path);
      })
      .catch((e: unknown) => onError(toIpcError(e)))
      .finally(() => setExporting(false));
  };

  /** Shows the whole map: the focus is let go, and a framing under way
   * stops, so that neither undoes the fit. */
  const fit = () => {
    onFit();
    const c = cy.current;
    if (!c) return;
    c.stop(true, false);
    fitView(c, clearOf(frameEl.current));
    steered.current = false;
  };

  /** Stands the camera where a saved view stood it, once the frame has its
   * size (presenting hides the panels around the map); `null` fits. */
  const aim = (camera: CameraAt | null) => {
    requestAnimationFrame(() => {
      const c = cy.current;
      if (!c) return;
      c.stop(true, false);
      c.resize();
      // A saved camera stays where it was put when the window changes.
      steered.current = camera !== null;
      if (camera === null) fitView(c, clearOf(frameEl.current));
      else c.viewport(viewOf(camera, c.width(), c.height(), c.minZoom(), c.maxZoom()));
    });
  };
  if (cameraOut) {
    cameraOut.current = () => {
      const c = cy.current;
      // A map the user has not moved shows the whole of what the filter
      // keeps, and a view saved so fits it in any window (null); hidden
      // behind another view, the map has no centre to keep.
      return c && steered.current && c.width() > 0
        ? cameraOf({ zoom: c.zoom(), pan: c.pan() }, c.width(), c.height())
        : null;
    };
  }

  // The menu's Export and Fit, and a saved view, act on this map once it
  // is drawn.
  const run = useRef({ save, fit, aim });
  run.current = { save, fit, aim };
  const done = useRef<MapCommand | null>(null);
  useEffect(() => {
    if (!core || command === null || done.current === command) return;
    done.current = command;
    if (command.kind === "fit") run.current.fit();
    else if (command.kind === "camera") run.current.aim(command.camera);
    else run.current.save(command.kind);
    onCommandDone();
  }, [core, command, onCommandDone]);

  return (
    <div
      ref={frameEl}
      className={linking ? "map-frame linking" : "map-frame"}
      style={shown ? undefined : { display: "none" }}
    >
      {linking && (
        <p className="map-hint" role="status">
          Drag from a persona onto a product, a need or another persona to link them. Press Link
          again to stop.
        </p>
      )}
      <div className="map-canvas" ref={container} role="img" aria-label="Ecosystem map" />
      {gathered && !linking && (
        <p className="map-note" role="status">
          {overviewNote(gathered)}
        </p>
      )}
      <div className="map-controls" role="toolbar" aria-label="Zoom">
        {/* No tooltips here: WebKitGTK leaves a button's tooltip on screen
            after the click has changed the map under it. */}
        {gathered && gathered.closed < gathered.boxes && (
          <button type="button" onClick={closeAll}>
            Overview
          </button>
        )}
        <button type="button" onClick={fit}>
          Fit
        </button>
        <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom out">
          −
        </button>
      </div>
      <div className="map-tools" role="toolbar" aria-label="Layout and export">
        <button
          type="button"
          disabled={arranging}
          onClick={() => arrange("grid")}
          title="Personas in a grid inside their market segment; forgets where you placed nodes"
        >
          Grid
        </button>
        <button
          type="button"
          disabled={arranging || (gathered !== null && gathered.closed > 0)}
          onClick={() => arrange("organic")}
          title={
            gathered !== null && gathered.closed > 0
              ? "Open every market segment to lay its personas out by how they relate"
              : "Force-directed layout (fCoSE): related personas, products and needs drawn together"
          }
        >
          {arranging ? "Arranging…" : "Organic"}
        </button>
        <span className="divider" aria-hidden="true" />
        <button
          type="button"
          className={linking ? "toggle on" : "toggle"}
          aria-pressed={linking}
          onClick={() => onLinking(!linking)}
        >
          {linking ? "Linking…" : "Link"}
        </button>
        <span className="divider" aria-hidden="true" />
        <button
          type="button"
          disabled={exporting}
          onClick={() => save("png")}
          aria-label="PNG: save the current view as an image"
        >
          PNG
        </button>
        <button
          type="button"
          disabled={exporting}
          onClick={() => save("svg")}
          aria-label="SVG: save the current view as a drawing"
        >
          SVG
        </button>
      </div>
    </div>
  );
}

/** The map, drawn again only when one of its props changes: each keystroke
 * in the search box renders the app again, and most change nothing here. */
export const MapCanvas = memo(EcosystemMap);
