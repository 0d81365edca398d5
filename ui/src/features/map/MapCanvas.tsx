import cytoscape, { type Core } from "cytoscape";
import { useEffect, useRef } from "react";
import { elements, type Visibility } from "../../graph/elements";
import { stylesheet } from "../../graph/style";
import type { MapView } from "../../ipc";

type Props = {
  map: MapView;
  visible: Visibility;
  /** Ids to bring into view and highlight; everything else fades. */
  focus: string[];
  /** Personas matching the search, highlighted the same way. */
  matches: string[] | null;
  onSelect: (id: string | null) => void;
};

/** The ecosystem map, drawn by Cytoscape.js. */
export function MapCanvas({ map, visible, focus, matches, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  useEffect(() => {
    if (!container.current) return;
    performance.mark("atlas:map-start");
    const instance = cytoscape({
      container: container.current,
      elements: elements(map, visible),
      style: stylesheet(map.nodes.length > 800),
      layout: { name: "preset", fit: true, padding: 40 },
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      // Large maps draw with WebGL, and without labels or edges while the
      // view moves.
      webgl: false,
      hideEdgesOnViewport: map.nodes.length > 800,
      hideLabelsOnViewport: map.nodes.length > 800,
      textureOnViewport: map.nodes.length > 800,
    });
    instance.on("tap", "node.persona, node.product", (e) => onSelect(e.target.id()));
    instance.on("tap", (e) => {
      if (e.target === instance) onSelect(null);
    });
    performance.mark("atlas:map-built");
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("atlas:map-drawn")));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [map, visible, onSelect]);

  // Highlighting is derived at render time and never stored in the data.
  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const ids = focus.length > 0 ? focus : (matches ?? []);
    c.batch(() => {
      c.elements().removeClass("faded focused");
      if (ids.length === 0) return;
      const chosen = c.collection();
      for (const id of ids) chosen.merge(c.getElementById(id));
      const keep = chosen.union(chosen.edgesWith(chosen)).union(chosen.ancestors());
      c.elements().not(keep).addClass("faded");
      chosen.addClass("focused");
      chosen.edgesWith(chosen).addClass("focused");
    });
    if (focus.length > 0) {
      const target = c.collection();
      for (const id of focus) target.merge(c.getElementById(id));
      if (target.nonempty()) c.animate({ fit: { eles: target, padding: 120 }, duration: 300 });
    }
  }, [focus, matches]);

  const zoom = (factor: number) => {
    const c = cy.current;
    if (!c) return;
    c.zoom({
      level: c.zoom() * factor,
      renderedPosition: { x: c.width() / 2, y: c.height() / 2 },
    });
  };

  return (
    <div className="map-frame">
      <div className="map-canvas" ref={container} role="img" aria-label="Ecosystem map" />
      <div className="map-controls">
        <button type="button" onClick={() => cy.current?.fit(undefined, 40)} title="Fit the map">
          Fit
        </button>
        <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom out">
          −
        </button>
      </div>
    </div>
  );
}
