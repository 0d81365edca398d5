// Presenting the saved views: one after the other, full-window, stepped by
// the keys a presenter's clicker sends (Page Down, Page Up) as well as the
// arrows and Space.

/** Where a key takes the presentation of `count` views from `index`: the
 * index of the view to show (the same one at either end, where there is no
 * further to go), "exit", or null when the key is not the presentation's. */
export function step(index: number, count: number, key: string): number | "exit" | null {
  if (key === "Escape") return "exit";
  if (count <= 0) return null;
  const last = count - 1;
  const at = Math.min(Math.max(index, 0), last);
  switch (key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      return Math.min(at + 1, last);
    case "ArrowLeft":
    case "PageUp":
      return Math.max(at - 1, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** "3 / 7": where the presentation is, counted from 1. */
export function position(index: number, count: number): string {
  return `${index + 1} / ${count}`;
}
