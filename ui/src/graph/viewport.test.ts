import { describe, expect, it } from "vitest";
import { cameraOf, clearInsets, NO_INSETS, padded, showsWhole, viewFor, viewOf } from "./viewport";

/** Where map point (x, y) is drawn in `view`. */
const drawnAt = (view: ReturnType<typeof viewFor>, x: number, y: number) => ({
  x: x * view.zoom + view.pan.x,
  y: y * view.zoom + view.pan.y,
});

describe("what the map's overlays leave clear", () => {
  it("keeps the band under the toolbars clear at the top, and over the note at the bottom", () => {
    const insets = clearInsets(
      600,
      [
        { top: 8, bottom: 38 }, // the tools, top left
        { top: 8, bottom: 66 }, // the zoom controls, wrapped onto two lines
        { top: 560, bottom: 590 }, // the overview's note
      ],
      8,
    );
    expect(insets).toEqual({ top: 74, right: 0, bottom: 48, left: 0 });
  });

  it("ignores overlays that are not drawn", () => {
    expect(clearInsets(600, [{ top: 0, bottom: 0 }], 8)).toEqual(NO_INSETS);
    expect(padded(NO_INSETS, 5)).toEqual({ top: 5, right: 5, bottom: 5, left: 5 });
  });
});

describe("a framed view", () => {
  const box = { x1: 0, y1: 0, x2: 1000, y2: 400 };

  it("puts the whole box inside what the insets leave clear, centred there", () => {
    const insets = { top: 80, right: 20, bottom: 40, left: 20 };
    const view = viewFor(box, 800, 500, insets, 0.05, 3);
    const topLeft = drawnAt(view, box.x1, box.y1);
    const bottomRight = drawnAt(view, box.x2, box.y2);
    expect(topLeft.x).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(topLeft.y, "nothing under the toolbars").toBeGreaterThanOrEqual(80 - 1e-9);
    expect(bottomRight.x).toBeLessThanOrEqual(780 + 1e-9);
    expect(bottomRight.y).toBeLessThanOrEqual(460 + 1e-9);
    // As close as that allows: the width is what limits it here.
    expect(view.zoom).toBeCloseTo(760 / 1000);
    expect((topLeft.y + bottomRight.y) / 2, "centred in the clear band").toBeCloseTo(270);
    expect(showsWhole(box, view, 800, 500, insets)).toBe(true);
  });

  it("differs from a view of the whole canvas only by the insets", () => {
    const bare = viewFor(box, 800, 500, NO_INSETS, 0.05, 3);
    expect(bare.zoom).toBeCloseTo(0.8);
    expect(drawnAt(bare, 500, 200)).toEqual({ x: 400, y: 250 });
  });

  it("zooms no closer than its limit, nor further out than the least zoom", () => {
    const small = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(viewFor(small, 800, 500, NO_INSETS, 0.05, 1.25).zoom).toBe(1.25);
    const huge = { x1: 0, y1: 0, x2: 1e6, y2: 1e6 };
    expect(viewFor(huge, 800, 500, NO_INSETS, 0.05, 1.25).zoom).toBe(0.05);
  });

  it("tells a box drawn partly under an overlay from one drawn clear of it", () => {
    const view = { zoom: 1, pan: { x: 0, y: 0 } };
    const insets = { top: 50, right: 0, bottom: 0, left: 0 };
    expect(showsWhole({ x1: 10, y1: 60, x2: 100, y2: 100 }, view, 800, 500, insets)).toBe(true);
    expect(showsWhole({ x1: 10, y1: 40, x2: 100, y2: 100 }, view, 800, 500, insets)).toBe(false);
    expect(showsWhole({ x1: 10, y1: 60, x2: 900, y2: 100 }, view, 800, 500, insets)).toBe(false);
  });
});

describe("a saved camera", () => {
  it("keeps the map point at the centre whatever the window's size", () => {
    const view = { zoom: 2, pan: { x: -100, y: 40 } };
    const camera = cameraOf(view, 800, 600);
    expect(drawnAt(view, camera.x, camera.y)).toEqual({ x: 400, y: 300 });
    const wider = viewOf(camera, 1600, 900, 0.05, 3);
    expect(wider.zoom).toBe(2);
    expect(drawnAt(wider, camera.x, camera.y)).toEqual({ x: 800, y: 450 });
  });

  it("keeps the zoom within what the map allows", () => {
    const view = viewOf({ zoom: 50, x: 0, y: 0 }, 800, 600, 0.05, 3);
    expect(view.zoom).toBe(3);
    expect(view.pan).toEqual({ x: 400, y: 300 });
  });
});
