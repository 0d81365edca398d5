// A map picture that stands on its own in a deck or an email: the
// project's name and the date above it, the colour key and the marks
// below it. The same frame is drawn into the SVG text and onto the PNG's
// canvas, laid out by one function so that the two agree.

/** What frames a picture. */
export type Frame = {
  /** The project's name. */
  title: string;
  /** The line under it: the date, what the map shows. */
  subtitle: string;
  /** Each customer segment's colour and name, in the map's order. */
  colours: [name: string, colour: string][];
};

/** What the marks on the map mean, in the words of the app's legend. */
export const MARKS =
  "Gold ring: golden persona · Dashed red outline: underserved · Dashed orange line: overlap (same person?) · Diamond: decides · Box: market segment";

/** One placed entry of the colour key. */
export type KeyEntry = { name: string; colour: string; x: number; y: number };

/** Where everything of a frame goes around a map `width` wide. */
export type FrameLayout = {
  /** Height of the band above the map. */
  top: number;
  /** Height of the band below it. */
  bottom: number;
  keys: KeyEntry[];
  /** The y of the marks' line, from the top of the bottom band. */
  marksY: number;
};

export const PAD = 24;
const TITLE_BAND = 64;
const KEY_ROW = 22;
const DOT = 10;

/**
 * Lays the colour key out in rows across `width`, each entry a dot and its
 * name, `measure` giving a name's width; then the marks' line under it.
 */
export function layoutFrame(
  frame: Frame,
  width: number,
  measure: (text: string) => number,
): FrameLayout {
  const keys: KeyEntry[] = [];
  let x = PAD;
  let y = PAD / 2 + KEY_ROW / 2;
  for (const [name, colour] of frame.colours) {
    const w = DOT + 6 + measure(name) + 18;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += KEY_ROW;
    }
    keys.push({ name, colour, x, y });
    x += w;
  }
  const marksY = (keys.length > 0 ? y + KEY_ROW : PAD / 2 + KEY_ROW / 2) + 4;
  return { top: TITLE_BAND, bottom: marksY + PAD, keys, marksY };
}

/** About how wide `text` is at 12 px in a sans-serif face, for an SVG,
 * which has no way to measure before it is drawn. */
export function estimateWidth(text: string): number {
  return [...text].length * 6.6;
}

const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );

/** The colours of a frame's text and rules on `background`. */
function ink(background: string): { text: string; muted: string; rule: string } {
  const dark = isDark(background);
  return dark
    ? { text: "#e6e9ef", muted: "#9aa3b2", rule: "#323844" }
    : { text: "#1c2330", muted: "#5d6677", rule: "#dfe3e9" };
}

/** Whether a `#rrggbb` or `rgb(r, g, b)` colour is dark. */
export function isDark(colour: string): boolean {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  const rgb = /^rgba?\((\d+)[, ]+(\d+)[, ]+(\d+)/i.exec(colour.trim());
  const [r, g, b] = hex
    ? [hex[1], hex[2], hex[3]].map((h) => Number.parseInt(h ?? "0", 16))
    : rgb
      ? [rgb[1], rgb[2], rgb[3]].map((v) => Number(v))
      : [255, 255, 255];
  return 0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255) < 128;
}

/**
 * The SVG document `svg` (as `svgDocument` writes it, `width` × `height`)
 * inside the frame: the title band above, the key below, the map itself
 * moved down between them.
 */
export function framedSvg(
  svg: string,
  width: number,
  height: number,
  background: string,
  frame: Frame,
): string {
  const layout = layoutFrame(frame, width, estimateWidth);
  const total = layout.top + height + layout.bottom;
  const colours = ink(background);
  const inner = svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/^<svg /, `<svg x="0" y="${layout.top}" `);
  const below = layout.top + height;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="${xml(background)}"/>`,
    `<text x="${PAD}" y="30" font-size="20" font-weight="bold" fill="${colours.text}">${xml(frame.title)}</text>`,
    `<text x="${PAD}" y="50" font-size="12" fill="${colours.muted}">${xml(frame.subtitle)}</text>`,
    `<line x1="${PAD}" y1="${layout.top - 1}" x2="${width - PAD}" y2="${layout.top - 1}" stroke="${colours.rule}"/>`,
    inner,
    `<line x1="${PAD}" y1="${below}" x2="${width - PAD}" y2="${below}" stroke="${colours.rule}"/>`,
  ];
  for (const k of layout.keys) {
    parts.push(
      `<circle cx="${k.x + DOT / 2}" cy="${below + k.y}" r="${DOT / 2}" fill="${xml(k.colour)}"/>`,
      `<text x="${k.x + DOT + 6}" y="${below + k.y + 4}" font-size="12" fill="${colours.text}">${xml(k.name)}</text>`,
    );
  }
  parts.push(
    `<text x="${PAD}" y="${below + layout.marksY + 4}" font-size="11" fill="${colours.muted}">${xml(MARKS)}</text>`,
    "</svg>",
  );
  return parts.join("\n");
}

/**
 * The PNG `png` (base64, `width` × `height` CSS pixels drawn at `scale`)
 * inside the frame, drawn on a canvas; resolves to the framed PNG's base64.
 */
export async function framedPng(
  png: string,
  width: number,
  height: number,
  scale: number,
  background: string,
  frame: Frame,
): Promise<string> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  const measureCtx = canvas.getContext("2d");
  if (measureCtx === null) throw new Error("no canvas to draw the picture on");
  measureCtx.font = "12px system-ui, sans-serif";
  const layout = layoutFrame(frame, width, (t) => measureCtx.measureText(t).width);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((layout.top + height + layout.bottom) * scale);
  const ctx = canvas.getContext("2d");
  if (ctx === null) throw new Error("no canvas to draw the picture on");
  const colours = ink(background);
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, layout.top + height + layout.bottom);
  ctx.fillStyle = colours.text;
  ctx.font = "bold 20px system-ui, sans-serif";
  ctx.fillText(frame.title, PAD, 30, width - 2 * PAD);
  ctx.fillStyle = colours.muted;
  ctx.font = "12px system-ui, sans-serif";
  ctx.fillText(frame.subtitle, PAD, 50, width - 2 * PAD);
  ctx.strokeStyle = colours.rule;
  ctx.beginPath();
  ctx.moveTo(PAD, layout.top - 0.5);
  ctx.lineTo(width - PAD, layout.top - 0.5);
  const below = layout.top + height;
  ctx.moveTo(PAD, below + 0.5);
  ctx.lineTo(width - PAD, below + 0.5);
  ctx.stroke();
  ctx.drawImage(image, 0, layout.top, width, height);
  for (const k of layout.keys) {
    ctx.fillStyle = k.colour;
    ctx.beginPath();
    ctx.arc(k.x + DOT / 2, below + k.y, DOT / 2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = colours.text;
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillText(k.name, k.x + DOT + 6, below + k.y + 4);
  }
  ctx.fillStyle = colours.muted;
  ctx.font = "11px system-ui, sans-serif";
  ctx.fillText(MARKS, PAD, below + layout.marksY + 4, width - 2 * PAD);
  return canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}
