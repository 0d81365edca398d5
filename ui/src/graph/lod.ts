// Level of detail: what the names on the map look like at each zoom.
//
// A name drawn a few pixels high is a speck, not a word. Names are written
// larger as the map zooms out and left out once even that is too small to
// read, and the names the user points at or has chosen are written whole,
// always large enough to read. The map changes classes only when the zoom
// crosses one of the thresholds below, never on every zoom event: at
// 20,000 nodes, touching each node per event would make zooming stutter.

import { clampLines, nameWidth } from "./labels";

/** The smallest name, in screen pixels, the map writes. */
export const LEGIBLE_PX = 8.5;
/** The size names are written at, in map units, when zoomed in… */
export const NEAR_FONT = 12;
/** …and when zoomed out, so that they stay legible further. */
export const FAR_FONT = 18;
/** How wide a name may be written, in map units: a grid cell (170) less a
 * gap, so that two names side by side never touch. */
export const NAME_WIDTH = 150;
/** The most lines a name takes when it is not pointed at or chosen. */
export const NAME_LINES = 2;

/** How much of each name the map writes at a zoom. */
export type Detail = "near" | "far" | "off";

/** The level of detail at `zoom`: the largest font that still reads. */
export function detailAt(zoom: number): Detail {
  if (NEAR_FONT * zoom >= LEGIBLE_PX) return "near";
  if (FAR_FONT * zoom >= LEGIBLE_PX) return "far";
  return "off";
}

/** The class each level of detail puts on the nodes (none when near). */
export const DETAIL_CLASS: Record<Detail, string> = { near: "", far: "lod-far", off: "lod-off" };

/** The size, in screen pixels, that a pointed-at or chosen name is at least
 * written at, however far the map is zoomed out. */
export const EMPHASIS_PX = 12;
/** The most steps an emphasised name grows by (each √2 larger). At the
 * map's least zoom, 0.05, step 9 writes it at about 13.6 pixels. */
export const EMPHASIS_STEPS = 10;

/**
 * How many steps of √2 a pointed-at or chosen name is enlarged by at
 * `zoom`, so that it is drawn between EMPHASIS_PX and √2 times that: 0
 * while the usual size reads. Steps, rather than a size for each zoom, so
 * that the few emphasised nodes change only when a step is crossed.
 */
export function emphasisStep(zoom: number): number {
  const short = EMPHASIS_PX / (NEAR_FONT * zoom);
  if (!(short > 1)) return 0;
  // The small tolerance keeps an exact power of √2 on its own step.
  return Math.min(EMPHASIS_STEPS, Math.ceil(2 * Math.log2(short) - 1e-9));
}

/** The font of an emphasised name at `step`, in map units. */
export const emphasisFont = (step: number): number => NEAR_FONT * 2 ** (step / 2);

/** The class that sizes an emphasised name at `step` (none at 0). */
export const emphasisClass = (step: number): string => (step === 0 ? "" : `em-${step}`);

/** Every class the level of detail sets, so that redrawing keeps them. */
export const DETAIL_VIEW_CLASSES: readonly string[] = [
  DETAIL_CLASS.far,
  DETAIL_CLASS.off,
  ...Array.from({ length: EMPHASIS_STEPS }, (_, i) => emphasisClass(i + 1)),
];

/** A name as the map writes it when zoomed in (`near`) and out (`far`). */
export type NameLabels = { near: string; far: string };

const written = new Map<string, NameLabels>();

/**
 * `name` in at most NAME_LINES lines NAME_WIDTH wide, at each level's
 * font; remembered, since the map is rebuilt on every edit and names seldom
 * change. `measure` gives a text's width at a font size.
 */
export function nameLabels(
  name: string,
  measure: (text: string, px: number) => number = nameWidth,
): NameLabels {
  const known = measure === nameWidth ? written.get(name) : undefined;
  if (known !== undefined) return known;
  const lines = (px: number) =>
    clampLines(name, NAME_LINES, NAME_WIDTH, (t) => measure(t, px)).join("\n");
  const labels = { near: lines(NEAR_FONT), far: lines(FAR_FONT) };
  if (measure === nameWidth) written.set(name, labels);
  return labels;
}
