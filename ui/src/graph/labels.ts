/** The font a product's name is written in, inside its box on the map. */
export const PRODUCT_FONT_PX = 11;
const PRODUCT_FONT = `bold ${PRODUCT_FONT_PX}px system-ui, sans-serif`;

/** Room on each side of a product's name inside its box. */
const PRODUCT_PAD = 12;
/** A product's box is never narrower than this… */
const PRODUCT_MIN = 120;
/** …nor wider: past it, the name ends in an ellipsis. */
export const PRODUCT_MAX = 320;
/** How wide a product's name may be written. */
export const PRODUCT_TEXT_MAX = PRODUCT_MAX - 2 * PRODUCT_PAD;

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * How wide `text` is written in the product font, at zoom 1: measured on a
 * canvas in the window, or estimated (0.62 em a character, generous for
 * bold text) where there is none, as in the unit tests.
 */
export function productTextWidth(text: string): number {
  if (canvas === undefined) {
    canvas =
      typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  }
  if (canvas === null) return text.length * PRODUCT_FONT_PX * 0.62;
  canvas.font = PRODUCT_FONT;
  return canvas.measureText(text).width;
}

/**
 * The width of a product's box on the map: its whole name and some room
 * (a fixed 120 cut longer names off at both ends, white on white), within
 * PRODUCT_MIN and PRODUCT_MAX.
 */
export function productWidth(label: string, measure = productTextWidth): number {
  const fits = Math.ceil(measure(label)) + 2 * PRODUCT_PAD;
  return Math.min(PRODUCT_MAX, Math.max(PRODUCT_MIN, fits));
}

/** The face persona and need names are written in on the map. */
const NAME_FAMILY = "system-ui, sans-serif";
/** Widths of names at 100 px, by text: the map asks again on every edit. */
const nameWidths = new Map<string, number>();

/**
 * How wide `text` is written at `px` in the names' face: measured once at
 * 100 px on a canvas and scaled (text widths grow in step with the size),
 * or estimated at 0.55 em a character where there is no window.
 */
export function nameWidth(text: string, px: number): number {
  let at100 = nameWidths.get(text);
  if (at100 === undefined) {
    if (canvas === undefined) {
      canvas =
        typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    }
    if (canvas === null) at100 = [...text].length * 55;
    else {
      canvas.font = `100px ${NAME_FAMILY}`;
      at100 = canvas.measureText(text).width;
    }
    nameWidths.set(text, at100);
  }
  return (at100 * px) / 100;
}

/**
 * `text` broken between words into lines no wider than `max` (as `measure`
 * gives widths), each word kept whole: a word wider than `max` has a line
 * of its own. Nothing is left out. O(words) measurements.
 */
export function wrapWords(text: string, max: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    const longer = line === "" ? word : `${line} ${word}`;
    if (line === "" || measure(longer) <= max) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * `text` in at most `count` lines no wider than `max`: wrapped between
 * words, and only when it needs more lines than that does the last one end
 * in "…", after as many whole words as fit (or as much of the first word,
 * found by halving, when not even that fits).
 */
export function clampLines(
  text: string,
  count: number,
  max: number,
  measure: (t: string) => number,
): string[] {
  const lines = wrapWords(text, max, measure);
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count - 1);
  const rest = lines
    .slice(count - 1)
    .join(" ")
    .split(" ");
  let last = "";
  for (const word of rest) {
    const longer = last === "" ? word : `${last} ${word}`;
    if (measure(`${longer}…`) > max) break;
    last = longer;
  }
  if (last === "") {
    const chars = [...(rest[0] ?? "")];
    let [fits, fails] = [0, chars.length];
    while (fails - fits > 1) {
      const mid = Math.floor((fits + fails) / 2);
      if (measure(`${chars.slice(0, mid).join("")}…`) <= max) fits = mid;
      else fails = mid;
    }
    last = chars.slice(0, fits).join("");
  }
  return [...kept, `${last}…`];
}
