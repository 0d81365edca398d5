// Figures as people read them, one way across the app.

/** A count with thousands separated: 1,240. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
