// When a form shows its choices as chips rather than a dropdown, and how the
// keyboard moves among them. A dropdown takes two clicks (open, pick); a
// chip takes one, which matters when a whole map is built by hand. Chips
// only pay while they fit in a line or two, hence the limits.

/** Most choices (None and New aside) a single choice shows as chips; past
 * that it is a dropdown. */
export const CHIP_LIMIT = 8;

/** Most quick picks a list field shows under its rows; past that there are
 * none, and the rows' dropdowns are the way to add. */
export const QUICK_LIMIT = 12;

/** Whether a single choice among `count` is drawn as chips. */
export const asChips = (count: number): boolean => count <= CHIP_LIMIT;

/** A key press, as a KeyboardEvent (React's or the DOM's) holds it. */
export type KeyPress = {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
};

/**
 * The chip an arrow key moves to (and picks) from chip `index` of `count`,
 * as among native radio buttons: Left and Up go back, Right and Down go on,
 * each wrapping around at the ends. Null for any other key, and for arrows
 * held with Alt, Ctrl or Meta, which belong to the system and the app.
 * O(1).
 */
export function arrowTarget(press: KeyPress, index: number, count: number): number | null {
  if (count <= 0 || press.altKey || press.ctrlKey || press.metaKey) return null;
  let step: number;
  switch (press.key) {
    case "ArrowLeft":
    case "ArrowUp":
      step = -1;
      break;
    case "ArrowRight":
    case "ArrowDown":
      step = 1;
      break;
    default:
      return null;
  }
  return (((index + step) % count) + count) % count;
}

/**
 * Which chip of a group the Tab key reaches (the only one with
 * tabIndex 0): the chosen one, or the first when the value is none of
 * them (an id the choices no longer hold). O(values).
 */
export function tabStop(values: readonly string[], chosen: string): number {
  const at = values.indexOf(chosen);
  return Math.max(at, 0);
}

/**
 * The quick picks a list field offers under its rows: the choices no row
 * has picked yet, in their order, when there are at most `limit` of them;
 * none when there are more (a wall of chips helps nobody) or none left.
 * `picked` holds every row's choice, "" for a row with none. O(choices +
 * rows).
 */
export function quickPicks<C extends { id: string }>(
  choices: readonly C[],
  picked: readonly string[],
  limit: number = QUICK_LIMIT,
): C[] {
  const taken = new Set(picked);
  const left = choices.filter((c) => !taken.has(c.id));
  return left.length <= limit ? left : [];
}

/**
 * Which quick pick takes the focus after pick `index` of `count` was
 * clicked and left the row: the one that moved into its place, or the new
 * last one; null when none is left. O(1).
 */
export function focusAfterPick(index: number, count: number): number | null {
  const left = count - 1;
  if (left <= 0) return null;
  return Math.min(Math.max(index, 0), left - 1);
}
