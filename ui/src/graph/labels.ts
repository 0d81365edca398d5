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
