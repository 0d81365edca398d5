import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { SavedView } from "../../ipc";
import { position, step } from "./present";
import "./views.css";

export type PresentationProps = {
  /** The views to step through, in their order. */
  views: readonly SavedView[];
  /** The index of the view to start at. */
  start: number;
  /** Puts the view on the map: called for the first view, and whenever
   * another one (or the same one, edited) is to be shown. */
  onShow: (view: SavedView, index: number) => void;
  /** Escape, or Exit; also called when no view is left to show. */
  onExit: () => void;
};

/**
 * Presents the saved views one after the other. While it is shown the
 * window is the map's (`html.presenting` takes the bars and the side panel
 * away, views.css), with a slim bar at the bottom: the view's name, its
 * note, where in the list it is, and Previous, Next and Exit.
 *
 * The keys are the presentation's while it is open: Right, Page Down and
 * Space go on, Left and Page Up go back, Home and End go to either end,
 * Escape leaves. Keys with Ctrl or Alt stay the menu's.
 */
export function Presentation({ views, start, onShow, onExit }: PresentationProps) {
  const [index, setIndex] = useState(start);
  const count = views.length;
  const at = Math.min(Math.max(index, 0), Math.max(count - 1, 0));
  const view = views[at];
  const bar = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  // The latest of what the listeners need, so that they are added once.
  const latest = useRef({ views, at, count, onShow, onExit });
  latest.current = { views, at, count, onShow, onExit };

  // The window is the map's while presenting; the page keeps room at the
  // bottom for the bar, so the map's centre (where a view's camera looks)
  // is not under it.
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.classList.add("presenting");
    const room = () =>
      html.style.setProperty("--vw-present-room", `${bar.current?.offsetHeight ?? 0}px`);
    room();
    const watch = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(room);
    if (bar.current) watch?.observe(bar.current);
    return () => {
      watch?.disconnect();
      html.classList.remove("presenting");
      html.style.removeProperty("--vw-present-room");
    };
  }, []);

  // The focus starts on Next and goes back where it was afterwards.
  useEffect(() => {
    const before = document.activeElement;
    next.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before !== document.body && before.isConnected)
        before.focus();
    };
  }, []);

  // Shown again only when another view is due, or this one was edited: a
  // list sent again unchanged must not undo the presenter's own zoom.
  const shownKey = view === undefined ? "" : `${at}:${JSON.stringify(view)}`;
  useEffect(() => {
    if (shownKey === "") {
      latest.current.onExit();
      return;
    }
    const { views: list, at: i } = latest.current;
    const shown = list[i];
    if (shown !== undefined) latest.current.onShow(shown, i);
  }, [shownKey]);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
      // A dialog opened over the presentation has its own keys.
      if (document.querySelector("dialog[open]") !== null) return;
      const target = e.target;
      if (
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLElement && target.isContentEditable)
      )
        return;
      // Space on a focused button presses it.
      if (e.key === " " && target instanceof HTMLButtonElement) return;
      const { at: i, count: n } = latest.current;
      const to = step(i, n, e.key);
      if (to === null) return;
      // Taken before the page's own listeners (the map's Escape, a
      // profile's arrows) see it.
      e.preventDefault();
      e.stopPropagation();
      if (to === "exit") latest.current.onExit();
      else setIndex(to);
    };
    window.addEventListener("keydown", keys, true);
    return () => window.removeEventListener("keydown", keys, true);
  }, []);

  if (view === undefined) return null;
  const first = at === 0;
  const last = at === count - 1;
  return (
    <section className="vw-present" aria-label="Presenting the saved views">
      <div ref={bar} className="vw-present-bar">
        <div className="vw-present-where" aria-live="polite" aria-atomic="true">
          <span className="vw-present-count">
            <span aria-hidden="true">{position(at, count)}</span>
            <span className="visually-hidden">{`View ${at + 1} of ${count}`}</span>
          </span>
          <div className="vw-present-text">
            <h2 className="vw-present-name">{view.name}</h2>
            {view.note && <p className="vw-present-note">{view.note}</p>}
          </div>
        </div>
        <div className="vw-present-actions">
          <button
            type="button"
            aria-disabled={first}
            aria-keyshortcuts="ArrowLeft PageUp"
            onClick={() => !first && setIndex(at - 1)}
          >
            ‹ Previous
          </button>
          <button
            ref={next}
            type="button"
            className="primary"
            aria-disabled={last}
            aria-keyshortcuts="ArrowRight PageDown Space"
            onClick={() => !last && setIndex(at + 1)}
          >
            Next ›
          </button>
          <button type="button" aria-keyshortcuts="Escape" onClick={onExit}>
            Exit
          </button>
          <span className="vw-present-hint" aria-hidden="true">
            ← → to step · Esc to leave
          </span>
        </div>
      </div>
    </section>
  );
}
