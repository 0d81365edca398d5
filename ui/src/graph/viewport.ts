// Where the map looks. The map's toolbars, its note and its hint float over
// the canvas; a view framed on the whole canvas put the overview's large
// words under the toolbars. Views are framed in what those leave clear.

/** Room kept clear at each side of the map, in screen pixels. */
export type Insets = { top: number; right: number; bottom: number; left: number };

/** A box on the map, in map units. */
export type Box = { x1: number; y1: number; x2: number; y2: number };

/** A zoom and a pan, as Cytoscape takes them. */
export type View = { zoom: number; pan: { x: number; y: number } };

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** `insets` with `pad` more on every side. */
export function padded(insets: Insets, pad: number): Insets {
  return {
    top: insets.top + pad,
    right: insets.right + pad,
    bottom: insets.bottom + pad,
    left: insets.left + pad,
  };
}

/**
 * What overlays leave clear of a map `height` pixels high: each overlay
 * (its top and bottom, from the map's top) in the upper half keeps the
 * band above its bottom clear, one in the lower half the band below its
 * top, with `margin` more. The bands span the whole width: the toolbars
 * sit at both corners, and a view framed between them reads better than
 * one squeezed beside them.
 */
export function clearInsets(
  height: number,
  overlays: readonly { top: number; bottom: number }[],
  margin: number,
): Insets {
  let top = 0;
  let bottom = 0;
  for (const o of overlays) {
    if (o.bottom <= o.top) continue;
    if (o.top + o.bottom < height) top = Math.max(top, o.bottom + margin);
    else bottom = Math.max(bottom, height - o.top + margin);
  }
  return { top, right: 0, bottom, left: 0 };
}

/**
 * The view that shows `box` whole and centred in the part of a `width` ×
 * `height` map that `insets` leave clear, zoomed as close as that allows
 * within `min` and `max`.
 */
export function viewFor(
  box: Box,
  width: number,
  height: number,
  insets: Insets,
  min: number,
  max: number,
): View {
  const clearW = Math.max(width - insets.left - insets.right, 1);
  const clearH = Math.max(height - insets.top - insets.bottom, 1);
  const fits = Math.min(
    clearW / Math.max(box.x2 - box.x1, 1),
    clearH / Math.max(box.y2 - box.y1, 1),
  );
  const zoom = Math.max(min, Math.min(fits, max));
  return {
    zoom,
    pan: {
      x: insets.left + clearW / 2 - (zoom * (box.x1 + box.x2)) / 2,
      y: insets.top + clearH / 2 - (zoom * (box.y1 + box.y2)) / 2,
    },
  };
}

/** Whether `box` is drawn whole inside what `insets` leave clear of a
 * `width` × `height` map seen through `view`. */
export function showsWhole(
  box: Box,
  view: View,
  width: number,
  height: number,
  insets: Insets,
): boolean {
  const { zoom, pan } = view;
  return (
    box.x1 * zoom + pan.x >= insets.left &&
    box.y1 * zoom + pan.y >= insets.top &&
    box.x2 * zoom + pan.x <= width - insets.right &&
    box.y2 * zoom + pan.y <= height - insets.bottom
  );
}

/** A saved camera: the zoom, and the map point at the window's centre. */
export type CameraAt = { zoom: number; x: number; y: number };

/**
 * The camera of `view` in a `width` × `height` window: the map point at its
 * centre, so that a saved view frames the same place in any window size.
 */
export function cameraOf(view: View, width: number, height: number): CameraAt {
  return {
    zoom: view.zoom,
    x: (width / 2 - view.pan.x) / view.zoom,
    y: (height / 2 - view.pan.y) / view.zoom,
  };
}

/** The view that puts `camera`'s point at the centre of a `width` ×
 * `height` window, its zoom kept within `min` and `max`. */
export function viewOf(
  camera: CameraAt,
  width: number,
  height: number,
  min: number,
  max: number,
): View {
  const zoom = Math.min(max, Math.max(min, camera.zoom));
  return {
    zoom,
    pan: { x: width / 2 - camera.x * zoom, y: height / 2 - camera.y * zoom },
  };
}
