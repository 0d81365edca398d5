import type { MapNode } from "../ipc";

/** A map node for tests: the fields a test names, the rest empty. */
export const mapNode = (over: Partial<MapNode> & Pick<MapNode, "id" | "kind">): MapNode => ({
  label: over.id,
  parent: null,
  customer_segment: null,
  role: null,
  decides: false,
  status: null,
  confidence: null,
  low_confidence: false,
  marks: [],
  ...over,
});
