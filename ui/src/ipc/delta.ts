// The window's copy of a view the core sends whole once and then as what
// changed (src/delta.rs). Sends are numbered across the whole app: a change
// applies only to the copy of the send it names, and a copy is replaced
// only by a newer send, so replies that arrive out of order never leave an
// older view on screen.
import type { Op, Sent } from "./bindings";

type Json = unknown;

// A step that is not there means the copy is not the one the change was
// made against: it is refused (and the view asked for whole), as the core's
// own `delta::apply` refuses it, rather than written in.
function child(parent: Json, step: string): Json {
  if (Array.isArray(parent)) {
    const index = Number(step);
    if (Number.isInteger(index) && index >= 0 && index < parent.length) return parent[index];
  } else if (typeof parent === "object" && parent !== null && Object.hasOwn(parent, step)) {
    return (parent as Record<string, Json>)[step];
  }
  throw new Error(`no "${step}" in the view`);
}

function withChild(parent: Json, step: string, value: Json): Json {
  if (Array.isArray(parent)) {
    const copy = parent.slice();
    copy[Number(step)] = value;
    return copy;
  }
  return { ...(parent as Record<string, Json>), [step]: value };
}

/** `root` with `update` made to the value at `path`; what is not on the
 * path keeps its identity, so views that hold it need not draw again. */
function along(root: Json, path: readonly string[], update: (here: Json) => Json): Json {
  const [step, ...rest] = path;
  if (step === undefined) return update(root);
  return withChild(root, step, along(child(root, step), rest, update));
}

/** Applies `ops` in order to `root`, which is left as it was. Throws when
 * an op does not fit the view (a path that is not there). */
export function applyOps<T>(root: T, ops: readonly Op[]): T {
  let out: Json = root;
  for (const op of ops) {
    out = along(out, op.path, (here) => {
      if (op.op === "set") return op.value;
      if (!Array.isArray(here)) throw new Error(`${op.path.join(".")} is not a list`);
      if (op.start + op.delete > here.length) throw new Error(`${op.path.join(".")} is too short`);
      return [...here.slice(0, op.start), ...op.insert, ...here.slice(op.start + op.delete)];
    });
  }
  return out as T;
}

/** What taking a send gave: a newer view, nothing newer, or a change that
 * does not apply to the copy held, so the view must be asked for whole. */
export type Taken<T> = { kind: "view"; value: T } | { kind: "older" } | { kind: "ask_whole" };

/** The copy of one view the window holds. */
export class HeldView<T> {
  private seq = 0;
  private value: T | null = null;

  /** Takes a send of the view. */
  take(sent: Sent<T>): Taken<T> {
    if (sent.seq <= this.seq) return { kind: "older" };
    if (sent.kind === "whole") {
      this.seq = sent.seq;
      this.value = sent.value;
      return { kind: "view", value: sent.value };
    }
    if (this.value === null || sent.base !== this.seq) return { kind: "ask_whole" };
    let value: T;
    try {
      value = applyOps(this.value, sent.ops);
    } catch {
      return { kind: "ask_whole" };
    }
    this.seq = sent.seq;
    this.value = value;
    return { kind: "view", value };
  }

  /** The view held, if any. */
  current(): T | null {
    return this.value;
  }
}
