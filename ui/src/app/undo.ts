/** What a focused element is, as far as Undo cares. */
export type Focused = {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  readOnly?: boolean;
} | null;

/** Input types whose text the browser can undo. */
const TEXT_INPUTS = new Set(["text", "search", "number", "email", "url", "tel", "password", ""]);

/**
 * What Undo and Redo act on: the typing in a focused text field ("text"),
 * nothing while a form is open ("none": its Cancel is the way back, and the
 * project must not change under it), or else the project's edits.
 */
export function undoTarget(focused: Focused, formOpen: boolean): "text" | "none" | "project" {
  if (focused && !focused.readOnly) {
    const tag = focused.tagName.toUpperCase();
    if (tag === "TEXTAREA" || focused.isContentEditable) return "text";
    if (tag === "INPUT" && TEXT_INPUTS.has((focused.type ?? "").toLowerCase())) return "text";
  }
  return formOpen ? "none" : "project";
}
