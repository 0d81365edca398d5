import type { MapView } from "../../ipc";

/** Resolves ids to the names people gave them; an unknown id reads as itself. */
export function namer(map: MapView): (id: string) => string {
  const names = new Map<string, string>(map.names);
  for (const n of map.nodes) names.set(n.id, n.label);
  for (const [id, name] of map.customer_segments) names.set(id, name);
  return (id) => names.get(id) ?? id;
}

/** A share as a whole percentage, rounded down like the core's sentences. */
export function percent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}
