import cytoscape, {
  type Core,
  type EventObject,
  type NodeCollection,
  type NodeSingular,
} from "cytoscape";
import fcose from "cytoscape-fcose";
import { memo, useEffect, useRef, useState } from "react";
import { elements, isOverview, type Visibility } from "../../graph/elements";
import { isFiltered, keptPersonas, type MapFilter } from "../../graph/filter";
import { type Frame, framedPng, framedSvg } from "../../graph/frame";
import { highlightPlan } from "../../graph/highlight";
import { bestFlow, NO_SEGMENT, type Position } from "../../graph/layout";
import { patch } from "../../graph/patch";
import { stylesheet } from "../../graph/style";
import { sceneOf, svgDocument } from "../../graph/svg";
import {
  exportMapImage,
  type IpcError,
  type MapView,
  type NodePosition,
  toIpcError,
} from "../../ipc";

cytoscape.use(fcose);

/** What a persona can be linked to by dragging. */
export type LinkTarget = { persona: string; target: string; kind: "product" | "need" };

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
};

/** What the menu can ask of the map. */
export type MapCommand = { kind: "png" | "svg" | "fit" };

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

/** The current view of `cy` as a picture in `format`. */
/** The most a chosen persona is zoomed to: its labels read at about 16
 * pixels, and the personas around it stay in view. */
export const MAX_FRAME_ZOOM = 1.6;

/**
 * Where to look at `chosen`: the chosen nodes with their neighbours,
 * centred, zoomed to fit them but never beyond {@link MAX_FRAME_ZOOM}, so
 * that a single persona is shown in its context rather than filling the
 * screen.
 */
function lookAt(c: Core, chosen: cytoscape.Collection): { zoom: number; pan: cytoscape.Position } {
  const around = chosen.union(chosen.neighborhood().nodes());
  const box = around.boundingBox({});
  const pad = 120;
  const fit = Math.min(
    (c.width() - 2 * pad) / Math.max(box.w, 1),
    (c.height() - 2 * pad) / Math.max(box.h, 1),
  );
  const zoom = Math.max(c.minZoom(), Math.min(fit, MAX_FRAME_ZOOM, c.maxZoom()));
  const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
  return { zoom, pan: { x: c.width() / 2 - centre.x * zoom, y: c.height() / 2 - centre.y * zoom } };
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

/**
 * Shows everything that is displayed, no closer than FIT_ZOOM. The box is
 * taken without labels: measuring every label of a large map cost half a
 * second at launch, and the padding leaves room for the outer ones.
 */
function fitView(cy: Core) {
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
    w: 0,
    h: 0,
  };
  box.w = box.x2 - box.x1;
  box.h = box.y2 - box.y1;
  const pad = 40;
  const fits = Math.min(
    (cy.width() - 2 * pad) / Math.max(box.w, 1),
    (cy.height() - 2 * pad) / Math.max(box.h, 1),
  );
  const zoom = Math.max(cy.minZoom(), Math.min(fits, FIT_ZOOM, cy.maxZoom()));
  cy.viewport({
    zoom,
    pan: {
      x: (cy.width() - zoom * (box.x1 + box.x2)) / 2,
      y: (cy.height() - zoom * (box.y1 + box.y2)) / 2,
    },
  });
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
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
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
  handlers.current = { onSelect, onMoved, onLink, linking, openBoxes };
  // The overview's boxes and personas, for its note and its controls.
  const gathered = (() => {
    if (open === null) return null;
    const boxes = new Set<string>();
    let personas = 0;
    for (const n of map.nodes) {
      if (n.kind !== "persona") continue;
      personas += 1;
      boxes.add(n.parent ?? NO_SEGMENT);
    }
    const closed = [...boxes].filter((b) => !open.has(b)).length;
    return { personas, boxes: boxes.size, closed };
  })();
  const large = map.nodes.length > LARGE;
  // What the map draws now, read when it is drawn from scratch; and what
  // it last drew, so that a change is patched in rather than redrawn.
  const latest = useRef({ map, visible, open });
  latest.current = { map, visible, open };
  const drawn = useRef<{
    map: MapView;
    visible: Visibility;
    open: ReadonlySet<string> | null;
  } | null>(null);
  const unfitted = useRef(false);

  // The map is drawn from scratch only for another file, or when it crosses
  // the size at which it draws less; every edit is patched in (below), so
  // the zoom, the pan and the window stay as they were.
  // biome-ignore lint/correctness/useExhaustiveDependencies: another file is drawn anew
  useEffect(() => {
    if (!container.current) return;
    const { map, visible, open } = latest.current;
    performance.mark("atlas:map-start");
    const built = elements(map, visible, placed.current, open);
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
    // A dragged node (a box drags its personas along) keeps its new place.
    instance.on("dragfree", "node", (e) => {
      const list = placesOf(
        (e.target as NodeSingular).union((e.target as NodeSingular).descendants()),
      );
      for (const p of list) placed.current.set(p.id, { x: p.x, y: p.y });
      if (list.length > 0) handlers.current.onMoved(list, false);
    });

    // Linking: drag from a persona and drop on a product or a need.
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
      const hit = instance.nodes("node.product, node.need").filter((n) => {
        if (!n.visible()) return false;
        const bb = n.boundingBox({ includeLabels: false });
        return x >= bb.x1 - 4 && x <= bb.x2 + 4 && y >= bb.y1 - 4 && y <= bb.y2 + 4;
      });
      const target = hit.first();
      if (target.nonempty()) {
        handlers.current.onLink({
          persona,
          target: target.id(),
          kind: target.hasClass("product") ? "product" : "need",
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
    drawn.current = { map, visible, open };
    // Drawn while hidden, the map has no size to fit to yet.
    unfitted.current = instance.width() === 0;
    performance.mark("atlas:map-fit");
    if (!unfitted.current) fitView(instance);
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
      fitView(core);
    }
  }, [core, shown]);

  // An edit, or a layer shown or hidden: patch the map in place.
  useEffect(() => {
    if (!core) return;
    const last = drawn.current;
    if (last && last.map === map && last.visible === visible && last.open === open) return;
    performance.mark("atlas:patch-start");
    patch(core, elements(map, visible, placed.current, open));
    drawn.current = { map, visible, open };
    performance.measure("atlas:patch", "atlas:patch-start");
    // A box opened by a click is framed; closing every box shows them all.
    const framed = frame.current;
    frame.current = null;
    if (framed === "") fitView(core);
    else if (framed !== null) {
      const box = core.getElementById(framed);
      if (box.nonempty()) core.animate({ fit: { eles: box, padding: 60 }, duration: 300 });
    }
  }, [core, map, visible, open]);

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
  // A box opened in the overview adds elements the filter must judge too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for the added elements
  useEffect(() => {
    const c = core;
    if (!c) return;
    c.batch(() => {
      c.elements().removeClass("hidden");
      if (!isFiltered(filter)) return;
      const kept = keptPersonas(map, filter);
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
      fitView(c);
    }
  }, [core, map, filter, open]);

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
      focused.not(wasFocused).addClass("focused");
    });
    if (shownMatches.current !== matches) {
      shownMatches.current = matches;
      // Read by the measuring tools: from a keystroke to its highlight.
      performance.mark("atlas:search-shown");
    }
    if (focus.length > 0 && framedFocus.current !== focus && chosen.nonempty()) {
      framedFocus.current = focus;
      c.animate({ ...lookAt(c, chosen), duration: 300 });
    }
  }, [core, map, focus, matches, open]);

  const zoom = (factor: number) => {
    const c = cy.current;
    if (!c) return;
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
          fitView(c);
          done([]);
          return;
        }
        organic(c, map.nodes.length > LARGE);
        fitView(c);
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
    fitView(c);
  };

  // The menu's Export and Fit act on this map once it is drawn.
  const run = useRef({ save, fit });
  run.current = { save, fit };
  const done = useRef<MapCommand | null>(null);
  useEffect(() => {
    if (!core || command === null || done.current === command) return;
    done.current = command;
    if (command.kind === "fit") run.current.fit();
    else run.current.save(command.kind);
    onCommandDone();
  }, [core, command, onCommandDone]);

  return (
    <div
      className={linking ? "map-frame linking" : "map-frame"}
      style={shown ? undefined : { display: "none" }}
    >
      {linking && (
        <p className="map-hint" role="status">
          Drag from a persona onto a product or a need to link them. Press Link again to stop.
        </p>
      )}
      <div className="map-canvas" ref={container} role="img" aria-label="Ecosystem map" />
      {gathered && !linking && (
        <p className="map-note" role="status">
          {gathered.personas.toLocaleString("en")} personas in {gathered.boxes}{" "}
          {gathered.boxes === 1 ? "market segment" : "market segments"}
          {gathered.closed > 0 ? ": click a bubble to show its personas." : ", every one shown."}
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
