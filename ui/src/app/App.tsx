import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";
import { CustomerDataView } from "../features/data/CustomerDataView";
import { useCustomerData } from "../features/data/useCustomerData";
import { NeedEditor } from "../features/editing/NeedEditor";
import { PersonaEditor } from "../features/editing/PersonaEditor";
import { ProductEditor } from "../features/editing/ProductEditor";
import { InsightsPanel } from "../features/insights/InsightsPanel";
import { namer } from "../features/insights/names";
import { JourneysView } from "../features/journeys/JourneysView";
import { LinkDialog } from "../features/map/LinkDialog";
import { type LinkTarget, MapCanvas, type MapCommand } from "../features/map/MapCanvas";
import { MapFilters } from "../features/map/MapFilters";
import { MatricesView } from "../features/matrices/MatricesView";
import { countsSummary, keepPersonas, plural } from "../features/personas/format";
import { DeleteButton, PersonaList } from "../features/personas/PersonaList";
import { PortfolioView } from "../features/portfolio/PortfolioView";
import { ProfilePage } from "../features/profile/ProfilePage";
import { neighbours, personaOrder } from "../features/profile/profile";
import { ProjectDialog } from "../features/project/ProjectDialog";
import { SearchBox } from "../features/search/SearchBox";
import { searchIndex, searchMatches } from "../features/search/search";
import { ShortcutsDialog } from "../features/shortcuts/ShortcutsDialog";
import { EmptyProjectPanel } from "../features/starter/EmptyProjectPanel";
import { StarterSetsDialog } from "../features/starter/StarterSetsDialog";
import { useStarterSets } from "../features/starter/useStarterSets";
import { OpenTransfer } from "../features/transfer/OpenTransfer";
import { isTransferCommand } from "../features/transfer/transfer";
import { useTransfer } from "../features/transfer/useTransfer";
import { Presentation } from "../features/views/Presentation";
import { SaveViewDialog } from "../features/views/SaveViewDialog";
import { ViewsPanel } from "../features/views/ViewsPanel";
import { draftView, fromSavedView, type ViewDraft } from "../features/views/views";
import { colourKey, type Visibility } from "../graph/elements";
import { isFiltered, keptPersonas, type MapFilter, NO_FILTER } from "../graph/filter";
import type { Frame } from "../graph/frame";
import type { CameraAt } from "../graph/viewport";
import {
  appStatus,
  catalog,
  edit,
  exportOnePager,
  exportReport,
  type Insights,
  type IpcError,
  insights as loadInsights,
  type MapView,
  type MenuCommand,
  type NodePosition,
  newProjectDialog,
  type Overview,
  onAppError,
  onChange,
  onChangedOnDisk,
  onMenuCommand,
  onProjectChanged,
  openDemo,
  openProjectDialog,
  reloadProject,
  type SavedView,
  saveAsDialog,
  savePositions,
  setThresholds,
  setViews,
  stepHistory,
  type Thresholds,
  toIpcError,
  type UnitFinding,
} from "../ipc";

import { paperFor } from "../shared/paper";
import { NOTHING_CHOSEN, spotlight } from "./spotlight";
import { type Focused, undoTarget } from "./undo";

type Load = { state: "loading" } | { state: "ready"; project: Overview | null };
type History = { can_undo: boolean; can_redo: boolean };
const NO_HISTORY: History = { can_undo: false, can_redo: false };
/** The views; "profile" is one persona's page, which has no tab of its own. */
type View = "map" | "personas" | "portfolio" | "matrices" | "journeys" | "data" | "profile";

/** The views with a tab, in tab order. */
const VIEWS: { id: Exclude<View, "profile">; label: string }[] = [
  { id: "map", label: "Map" },
  { id: "personas", label: "Personas" },
  { id: "portfolio", label: "Portfolio" },
  { id: "matrices", label: "Matrices" },
  { id: "journeys", label: "Journeys" },
  { id: "data", label: "Data" },
];

/** Runs a shell action, showing its failure instead of dropping it. */
function useAction(report: (e: IpcError) => void) {
  return useCallback(
    (action: () => Promise<void>) => () => {
      action().catch((e: unknown) => report(toIpcError(e)));
    },
    [report],
  );
}

function Banner({
  kind,
  message,
  onDismiss,
}: {
  kind: "error" | "notice";
  message: string;
  onDismiss: () => void;
}) {
  return (
    <div className={`banner banner-${kind}`} role={kind === "error" ? "alert" : "status"}>
      <p>{message}</p>
      <button type="button" className="ghost" onClick={onDismiss} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}

function EmptyState({
  run,
  onImport,
}: {
  run: (a: () => Promise<void>) => () => void;
  onImport: () => void;
}) {
  return (
    <div className="empty">
      <h2>No project is open</h2>
      <p>
        A project maps your market segments, buying roles, customer segments and the personas your
        product teams design for. Start a new one, open a <code>.patlas</code> file, import a
        workbook, CSV file or Kumu map, or explore the demo portfolio.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={run(newProjectDialog)}>
          New project…
        </button>
        <button type="button" onClick={run(openProjectDialog)}>
          Open…
        </button>
        <button type="button" onClick={onImport}>
          Import…
        </button>
        <button type="button" onClick={run(openDemo)}>
          Open the demo
        </button>
      </div>
    </div>
  );
}

/** A buying unit on the map: its members, who decides, and the empty
 * slots of the required roles nobody plays. */
function UnitCard({
  unit,
  name,
  onClose,
}: {
  unit: UnitFinding;
  name: (id: string) => string;
  onClose: () => void;
}) {
  return (
    <section className="selection unit" aria-label="Buying unit">
      <div className="unit-head">
        <strong>{name(unit.unit)}</strong>
        <span className={unit.complete ? "status status-validated" : "status status-proto"}>
          {unit.complete ? "Can close" : "Cannot close"}
        </span>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close">
          Close
        </button>
      </div>
      <ul className="slots">
        {unit.members.map((m) => (
          <li key={m} className={unit.decision_makers.includes(m) ? "slot decider" : "slot"}>
            {name(m)}
            {unit.decision_makers.includes(m) && <span className="small"> · decides</span>}
          </li>
        ))}
        {unit.missing_roles.map((r) => (
          <li key={r} className="slot missing" title="A required role nobody in the unit plays">
            {name(r)} — missing
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the map's marks mean, and which colour is which customer segment. */
function Legend({ map }: { map: MapView | null }) {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <span className="key key-golden" /> Golden persona
      </li>
      <li>
        <span className="key key-underserved" /> Underserved
      </li>
      <li>
        <span className="key key-overlap" /> Overlap (same person?)
      </li>
      <li>
        <span className="key key-multi" /> Drawn to several products
      </li>
      <li>
        <span className="key key-decides" /> Decides
      </li>
      <li>
        <span className="key key-low" /> Low confidence
      </li>
      {map && (
        <>
          <li className="legend-break" aria-hidden="true" />
          <li className="muted">Colour, by customer segment:</li>
          {colourKey(map).map(([name, colour]) => (
            <li key={name}>
              <span className="key" style={{ background: colour }} /> {name}
            </li>
          ))}
          <li className="muted">Box or bubble: market segment</li>
        </>
      )}
    </ul>
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function App() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [notice, setNotice] = useState<string | null>(null);
  // Set when another program changed the open file: edits are refused
  // until the user reopens it.
  const [outdated, setOutdated] = useState<string | null>(null);
  const [errors, setErrors] = useState<IpcError[]>([]);
  const [query, setQuery] = useState("");
  const [view, setView] = useState<View>("map");
  // The persona whose profile is shown, and the view its Back returns to.
  const [profileOf, setProfileOf] = useState<string | null>(null);
  const [cameFrom, setCameFrom] = useState<Exclude<View, "profile">>("personas");
  const [found, setFound] = useState<Insights | null>(null);
  // What the user chose to look at on the map, and the buying unit shown.
  const [spot, dispatchSpot] = useReducer(spotlight, NOTHING_CHOSEN);
  const focus = spot.focus;
  const unit = spot.unit;
  const [visible, setVisible] = useState<Visibility>({ products: false, needs: false });
  const [filter, setFilter] = useState<MapFilter>(NO_FILTER);
  const [linking, setLinking] = useState(false);
  const [linkTarget, setLinkTarget] = useState<LinkTarget | null>(null);
  const [mapCommand, setMapCommand] = useState<MapCommand | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<{
    kind: "persona" | "product" | "need";
    id: string | null;
  } | null>(null);
  // Saved views: the one being saved, the one presented, the last applied,
  // and whether their list is open over the map.
  const [savingView, setSavingView] = useState<ViewDraft | null>(null);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [currentView, setCurrentView] = useState<string | null>(null);
  const [viewsOpen, setViewsOpen] = useState(false);
  const camera = useRef<(() => CameraAt | null) | null>(null);
  const [startersOpen, setStartersOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const starter = useStarterSets();
  const [history, setHistory] = useState<History>(NO_HISTORY);
  // The project's name and description are being edited.
  const [projectOpen, setProjectOpen] = useState(false);
  // The open session's id: a new one (another project, or the same file
  // opened again) starts the Data view afresh.
  const [sessionId, setSessionId] = useState<number | null>(null);
  const data = useCustomerData(sessionId === null ? null : String(sessionId));
  // Counts the times the project's content changed (an edit, an undo,
  // another project), so that views holding their own data know to refetch.
  const [revision, setRevision] = useState(0);

  const report = useCallback((e: IpcError) => setErrors((list) => [...list, e]), []);
  const run = useAction(report);
  // File > Import, Export, Merge and Compare, and their dialogs.
  const transfer = useTransfer(report, setNotice, load.state === "ready" && load.project !== null);
  const answerTransfer = transfer.answer;

  const refresh = useCallback(() => {
    appStatus()
      .then((status) => {
        setLoad({ state: "ready", project: status.project });
        setHistory(status.session ?? NO_HISTORY);
        setSessionId(status.session?.id ?? null);
        setRevision((r) => r + 1);
        if (status.notice !== null) setNotice(status.notice);
        setFound(null);
        dispatchSpot({ kind: "gone" });
        if (status.project !== null) {
          performance.mark("atlas:insights-asked");
          loadInsights()
            .then((next) => {
              // Marks for measure-map, which reports where the time goes.
              performance.mark("atlas:insights-received");
              setFound(next);
            })
            .catch((e: unknown) => report(toIpcError(e)));
        }
      })
      .catch((e: unknown) => {
        report(toIpcError(e));
        setLoad({ state: "ready", project: null });
      });
  }, [report]);

  // Every edit, undo and redo replies with what changed: new data, same
  // view, search and focus, and nothing asked for again.
  useEffect(
    () =>
      onChange((reply) => {
        setHistory(reply.status);
        if (reply.insights !== null) setFound(reply.insights);
        if (reply.overview !== null) {
          const overview = reply.overview;
          setLoad({ state: "ready", project: overview });
        }
        if (reply.changed) setRevision((r) => r + 1);
      }),
    [],
  );

  useEffect(() => onChangedOnDisk((error) => setOutdated(error.message)), []);

  const change = useCallback(
    (work: () => Promise<unknown>) => {
      work().catch((e: unknown) => {
        const error = toIpcError(e);
        // The Reopen banner says it already.
        if (error.code !== "changed_on_disk") report(error);
      });
    },
    [report],
  );

  // What File > Export Persona One-Pager prints: the persona whose profile
  // is shown, or else the one selected on the map (set as the view renders).
  const onePagerOf = useRef<string | null>(null);
  const saveOnePager = useCallback(
    (persona: string | null) => {
      if (persona === null) {
        setNotice("Open a persona's profile, or select one on the map, to export its one-pager.");
        return;
      }
      exportOnePager(persona, paperFor(navigator.language))
        .then((path) => {
          if (path !== null) setNotice(`Saved the one-pager to ${path}.`);
        })
        .catch((e: unknown) => report(toIpcError(e)));
    },
    [report],
  );
  const saveReport = useCallback(() => {
    exportReport(paperFor(navigator.language))
      .then((path) => {
        if (path !== null) setNotice(`Saved the report to ${path}.`);
      })
      .catch((e: unknown) => report(toIpcError(e)));
  }, [report]);

  useEffect(() => {
    refresh();
    const unlisteners = [
      onProjectChanged(() => {
        setErrors([]);
        setOutdated(null);
        setQuery("");
        setFilter(NO_FILTER);
        setLinking(false);
        // The views, their list and a presentation were the other project's.
        setPresenting(null);
        setSavingView(null);
        setCurrentView(null);
        setViewsOpen(false);
        setStartersOpen(false);
        // The persona shown belonged to the project that was closed.
        setView((v) => (v === "profile" ? "personas" : v));
        refresh();
      }),
      onAppError(report),
      onMenuCommand((command: MenuCommand) => {
        const show: Partial<Record<MenuCommand, View>> = {
          show_map: "map",
          show_personas: "personas",
          show_portfolio: "portfolio",
          show_matrices: "matrices",
          show_journeys: "journeys",
          show_data: "data",
        };
        const view = show[command];
        if (command === "undo" || command === "redo") {
          const target = undoTarget(
            document.activeElement as Focused,
            document.querySelector("dialog[open]") !== null,
          );
          // The menu took the key from the field, so the field's own undo is
          // done here; execCommand is the one way to reach it.
          if (target === "text") document.execCommand(command);
          else if (target === "project") change(() => stepHistory(command === "redo"));
        } else if (view) setView(view);
        else if (command === "find") search.current?.focus();
        else if (command === "export_one_pager") saveOnePager(onePagerOf.current);
        else if (command === "export_report") saveReport();
        else if (isTransferCommand(command)) answerTransfer(command);
        else if (menuActions.current.handle(command)) {
          // Carried out by this render's handler.
        } else {
          // Export and Fit act on the map, so it is shown first.
          setView("map");
          setMapCommand({
            kind: command === "export_png" ? "png" : command === "export_svg" ? "svg" : "fit",
          });
        }
      }),
    ];
    return () => {
      for (const u of unlisteners) u.then((f) => f()).catch(() => undefined);
    };
  }, [refresh, report, change, saveOnePager, saveReport, answerTransfer]);

  const project = load.state === "ready" ? load.project : null;
  const savedViews = project?.views ?? [];
  // Leaving the map ends a presentation.
  useEffect(() => {
    if (view !== "map") setPresenting(null);
  }, [view]);

  /** Saves what the map shows now as a view: the filter, the layers and
   * the camera. A role is filtered by name on the map and kept by id. */
  const startSaveView = () => {
    if (!found) return;
    const shownAlready = view === "map";
    setView("map");
    setViewsOpen(false);
    // The camera is read once the map is on screen: hidden, it has no size.
    const read = () => {
      const at = camera.current?.() ?? null;
      const roles =
        filter.role === "" ? Promise.resolve([]) : catalog().then((c) => c.buying_roles);
      roles
        .then((r) => setSavingView(draftView(filter, visible, at, r)))
        .catch((e: unknown) => report(toIpcError(e)));
    };
    if (shownAlready) read();
    else requestAnimationFrame(() => requestAnimationFrame(read));
  };
  /** Puts a saved view on the map: its filter, layers and camera. */
  const applyView = (saved: SavedView) => {
    if (!found) return;
    const state = fromSavedView(saved, namer(found.map));
    setView("map");
    setFilter(state.filter);
    dispatchSpot({ kind: "filtered" });
    setVisible(state.layers);
    setMapCommand({ kind: "camera", camera: state.camera });
    setCurrentView(saved.name);
  };
  const startPresenting = (start: number) => {
    if (savedViews.length === 0) {
      setNotice(
        "No saved views to present yet. Set the filters and zoom, then View › Save View (Ctrl+D).",
      );
      return;
    }
    setViewsOpen(false);
    setView("map");
    setPresenting(Math.min(start, savedViews.length - 1));
  };
  // A refusal is shown in the panel or dialog that sent the list.
  const saveViews = (list: SavedView[]) => setViews(list).then(() => undefined);
  // The menu's commands that need this render's state.
  const menuActions = useRef<{ handle: (command: MenuCommand) => boolean }>({
    handle: () => false,
  });
  menuActions.current.handle = (command: MenuCommand) => {
    switch (command) {
      case "new_persona":
        setEditing({ kind: "persona", id: null });
        return true;
      case "new_product":
        setEditing({ kind: "product", id: null });
        return true;
      case "new_need":
        setEditing({ kind: "need", id: null });
        return true;
      case "draw_relationship":
        setView("map");
        startLinking(true);
        return true;
      case "starter_sets":
        setStartersOpen(true);
        return true;
      case "save_view":
        startSaveView();
        return true;
      case "present":
        startPresenting(0);
        return true;
      case "shortcuts":
        setShortcutsOpen(true);
        return true;
      case "project_details":
        if (project) setProjectOpen(true);
        return true;
      default:
        return false;
    }
  };

  // The search: the box, its list of matches and the map's highlight follow
  // every keystroke (the map restyles only what changed, in milliseconds);
  // the persona list, whose cards take longer to draw, follows a deferred
  // copy, which React drops for a newer one while the user is still typing.
  const index = useMemo(() => searchIndex(project?.groups ?? []), [project]);
  const matches = useMemo(() => searchMatches(index, query), [index, query]);
  const listedMatches = useDeferredValue(matches);
  const listedQuery = useDeferredValue(query);
  const groups = useMemo(() => {
    if (!project) return [];
    if (listedMatches === null) return project.groups;
    const kept = new Set(listedMatches);
    return keepPersonas(project.groups, (p) => kept.has(p.id));
  }, [project, listedMatches]);
  const shown = listedMatches?.length ?? project?.counts.personas ?? 0;
  // A new search, or another filter, replaces what was chosen on the map.
  const changeQuery = useCallback((q: string) => {
    setQuery(q);
    dispatchSpot({ kind: "searched" });
  }, []);
  const changeFilter = useCallback((f: MapFilter) => {
    setFilter(f);
    dispatchSpot({ kind: "filtered" });
  }, []);
  const fitted = useCallback(() => dispatchSpot({ kind: "fitted" }), []);
  const applyThresholds = useCallback(
    (t: Thresholds) => setThresholds(t).then(() => undefined),
    [],
  );
  const focusOnMap = useCallback((ids: string[], unit?: UnitFinding) => {
    dispatchSpot(unit ? { kind: "finding", ids, unit } : { kind: "finding", ids });
    setView("map");
  }, []);
  const select = useCallback((id: string | null) => dispatchSpot({ kind: "select", id }), []);
  // A move is saved at once, like every change; a failure is never silent.
  const moved = useCallback(
    (positions: NodePosition[], replaceAll: boolean) => {
      change(() => savePositions(positions, replaceAll));
    },
    [change],
  );
  const commandDone = useCallback(() => setMapCommand(null), []);

  // Previous and Next follow the persona list's order, whatever the search.
  const order = useMemo(() => (project ? personaOrder(project.groups) : []), [project]);
  const personaName = useCallback(
    (id: string) => project?.groups.flatMap((g) => g.personas).find((p) => p.id === id)?.name ?? id,
    [project],
  );
  const around = profileOf === null ? null : neighbours(order, profileOf);
  const showProfile = (id: string) => {
    if (view !== "profile") setCameFrom(view);
    setProfileOf(id);
    setView("profile");
  };
  // The same function on every render, so that the panels it is given are
  // not drawn again for it; it calls this render's showProfile.
  const latestShowProfile = useRef(showProfile);
  latestShowProfile.current = showProfile;
  const openProfile = useCallback((id: string) => latestShowProfile.current(id), []);
  // Set by Back, so that the list puts the focus on the card of the persona
  // the user was last on.
  const returnTo = useRef<string | null>(null);
  const closeProfile = () => {
    returnTo.current = profileOf;
    if (cameFrom === "map" && profileOf !== null) select(profileOf);
    setView(cameFrom);
  };
  useEffect(() => {
    const id = returnTo.current;
    if (view !== "personas" || id === null) return;
    returnTo.current = null;
    const name = document.querySelector<HTMLElement>(
      `[data-persona-id="${CSS.escape(id)}"] .persona-name button`,
    );
    name?.scrollIntoView({ block: "nearest" });
    name?.focus({ preventScroll: true });
  }, [view]);

  // On a profile: Alt+Left/Right (and [ ] outside text fields) go to the
  // previous or next persona, Escape goes back. A field being edited or an
  // open form handles its own Escape first (and marks it handled).
  const profileKeys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  profileKeys.current = (e: KeyboardEvent) => {
    // On the map, Escape lets go of what was chosen, and its dimming.
    if (view === "map" && e.key === "Escape" && !e.defaultPrevented) {
      if (document.querySelector("dialog[open]") !== null) return;
      if (focus.length > 0 || unit !== null) {
        e.preventDefault();
        dispatchSpot({ kind: "escape" });
      }
      return;
    }
    if (view !== "profile" || around === null || e.defaultPrevented) return;
    if (document.querySelector("dialog[open]") !== null) return;
    const focused = document.activeElement;
    const typing = undoTarget(focused as Focused, false) === "text";
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
    let step = 0;
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.key === "ArrowLeft") step = -1;
    else if (e.altKey && !e.ctrlKey && !e.metaKey && e.key === "ArrowRight") step = 1;
    else if (plain && !typing && e.key === "[") step = -1;
    else if (plain && !typing && e.key === "]") step = 1;
    if (step !== 0) {
      // Also keeps the web view from taking Alt+Left as "go back a page".
      e.preventDefault();
      const to = step < 0 ? around.previous : around.next;
      if (to === null) return;
      // Leaving a field saves it, as a click elsewhere would.
      if (typing && focused instanceof HTMLElement) focused.blur();
      openProfile(to);
    } else if (plain && !typing && e.key === "Escape") {
      e.preventDefault();
      closeProfile();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => profileKeys.current(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const exported = useCallback((path: string) => setNotice(`Saved the map to ${path}.`), []);
  const startLinking = useCallback((on: boolean) => {
    setLinking(on);
    // Links go to products and needs, so they must be on the map.
    if (on) setVisible((v) => (v.products && v.needs ? v : { products: true, needs: true }));
  }, []);
  const actions = useMemo(
    () => ({
      onOpen: openProfile,
      onEdit: (id: string) => setEditing({ kind: "persona", id }),
      onDelete: (id: string) => {
        dispatchSpot({ kind: "gone" });
        change(() => edit({ op: "delete", kind: "persona", id }));
      },
    }),
    [openProfile, change],
  );
  // The saved edit's reply has reached the onChange listener already.
  const afterEdit = () => setEditing(null);
  const merge = useCallback(
    (keep: string, remove: string) => {
      dispatchSpot({ kind: "finding", ids: [keep] });
      change(() => edit({ op: "merge_personas", keep, remove }));
    },
    [change],
  );
  // Stable between renders, so that an open form does not reload its draft.
  const taken = useMemo(
    () =>
      new Set(
        found
          ? [
              ...found.map.nodes.map((n) => n.id),
              ...found.map.names.map(([id]) => id),
              ...found.map.customer_segments.map(([id]) => id),
            ]
          : [],
      ),
    [found],
  );
  const selected = useMemo(
    () =>
      focus.length === 1
        ? found?.map.nodes.find(
            (n) => n.id === focus[0] && (n.kind === "persona" || n.kind === "product"),
          )
        : undefined,
    [found, focus],
  );
  // A saved picture of the map carries the project's name, the day and
  // what the map shows, and the colour key.
  // The personas the map's filter keeps (null: all), for the insights that
  // follow it and the pictures that say it.
  const kept = useMemo(
    () => (found && isFiltered(filter) ? keptPersonas(found.map, filter) : null),
    [found, filter],
  );
  const frame = useMemo<Frame | undefined>(() => {
    if (!project || !found) return undefined;
    const day = new Date().toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    const shown = kept
      ? `${plural(kept.size, "persona")} of ${project.counts.personas}, filtered`
      : plural(project.counts.personas, "persona");
    return {
      title: project.name,
      subtitle: `Persona map · ${shown} · ${day}`,
      colours: colourKey(found.map),
    };
  }, [project, found, kept]);

  onePagerOf.current =
    view === "profile" ? profileOf : selected?.kind === "persona" ? selected.id : null;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-hidden="true">
          Persona Atlas
        </div>
        {project && (
          <div className="project-title">
            <h1>
              <button
                type="button"
                className="project-title-button"
                aria-label={`${project.name}: rename or describe the project`}
                onClick={() => setProjectOpen(true)}
              >
                {project.name}
              </button>
            </h1>
            <span className="file" title={project.file}>
              {fileName(project.file)}
            </span>
          </div>
        )}
        {project && (
          <div className="toolbar">
            <SearchBox
              index={index}
              query={query}
              matches={matches}
              onQuery={changeQuery}
              onOpen={openProfile}
              input={search}
            />
            <button type="button" onClick={() => setEditing({ kind: "persona", id: null })}>
              New persona
            </button>
            <button type="button" onClick={() => setEditing({ kind: "product", id: null })}>
              New product
            </button>
            <button
              type="button"
              disabled={!history.can_undo}
              onClick={() => change(() => stepHistory(false))}
              aria-keyshortcuts="Control+Z"
            >
              Undo
            </button>
            <button
              type="button"
              disabled={!history.can_redo}
              onClick={() => change(() => stepHistory(true))}
              aria-keyshortcuts="Control+Shift+Z"
            >
              Redo
            </button>
            <button type="button" onClick={run(saveAsDialog)}>
              Save As…
            </button>
          </div>
        )}
      </header>

      <div className="banners">
        {notice && <Banner kind="notice" message={notice} onDismiss={() => setNotice(null)} />}
        {outdated && (
          <div className="banner banner-error" role="alert">
            <p>{outdated}</p>
            <button type="button" className="primary" onClick={run(reloadProject)}>
              Reopen
            </button>
          </div>
        )}
        {errors.map((e, i) => (
          <Banner
            // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity but their order
            key={i}
            kind="error"
            message={e.message}
            onDismiss={() => setErrors((list) => list.filter((_, j) => j !== i))}
          />
        ))}
      </div>

      {editing?.kind === "persona" && (
        <PersonaEditor id={editing.id} taken={taken} onDone={afterEdit} />
      )}
      {linkTarget && found && (
        <LinkDialog link={linkTarget} name={namer(found.map)} onDone={() => setLinkTarget(null)} />
      )}
      {editing?.kind === "product" && (
        <ProductEditor id={editing.id} taken={taken} onDone={afterEdit} />
      )}
      {editing?.kind === "need" && <NeedEditor id={editing.id} taken={taken} onDone={afterEdit} />}
      {savingView && found && (
        <SaveViewDialog
          views={savedViews}
          draft={savingView}
          names={namer(found.map)}
          onSave={saveViews}
          onClose={() => setSavingView(null)}
        />
      )}
      {startersOpen && project && (
        <StarterSetsDialog
          sets={starter.sets}
          failure={starter.failure}
          onClose={() => setStartersOpen(false)}
        />
      )}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      <OpenTransfer transfer={transfer} into={project?.name ?? ""} />
      <main className="content">
        {load.state === "loading" && <p className="muted">Opening the project…</p>}
        {load.state === "ready" && project === null && (
          <EmptyState run={run} onImport={transfer.startImport} />
        )}
        {project && (
          <>
            <section className="summary" aria-label="Project summary">
              <p className="counts" title={project.description ?? undefined}>
                {countsSummary(project.counts)}
              </p>
            </section>
            {
              <div
                className={
                  view === "profile" || view === "journeys" || view === "data"
                    ? "workspace solo"
                    : "workspace"
                }
              >
                <div className="stage">
                  <div className="tabs" role="tablist" aria-label="Views">
                    {VIEWS.map((v) => (
                      <button
                        key={v.id}
                        type="button"
                        role="tab"
                        aria-selected={view === v.id || (view === "profile" && v.id === "personas")}
                        className={
                          view === v.id || (view === "profile" && v.id === "personas")
                            ? "tab active"
                            : "tab"
                        }
                        onClick={() => setView(v.id)}
                      >
                        {v.label}
                      </button>
                    ))}
                  </div>
                  {view === "map" && found && project.counts.personas > 0 && (
                    <div className="map-bar">
                      <MapFilters map={found.map} filter={filter} onChange={changeFilter} />
                      <div className="layers">
                        {(["products", "needs"] as const).map((k) => (
                          <label key={k}>
                            <input
                              type="checkbox"
                              checked={visible[k]}
                              onChange={(e) => setVisible({ ...visible, [k]: e.target.checked })}
                            />
                            {k === "products" ? "Products" : "Needs"}
                          </label>
                        ))}
                        <button
                          type="button"
                          className="views-toggle"
                          aria-expanded={viewsOpen}
                          aria-controls="saved-views"
                          onClick={() => setViewsOpen((o) => !o)}
                        >
                          Views{savedViews.length > 0 ? ` (${savedViews.length})` : ""}
                        </button>
                      </div>
                      {viewsOpen && (
                        <div id="saved-views" className="views-popover">
                          <ViewsPanel
                            views={savedViews}
                            names={namer(found.map)}
                            current={currentView}
                            onApply={(v) => {
                              setViewsOpen(false);
                              applyView(v);
                            }}
                            onChange={saveViews}
                            onPresent={startPresenting}
                            onSaveNew={startSaveView}
                          />
                        </div>
                      )}
                    </div>
                  )}
                  {view === "map" && presenting !== null && savedViews.length > 0 && (
                    <Presentation
                      views={savedViews}
                      start={presenting}
                      onShow={(v) => applyView(v)}
                      onExit={() => setPresenting(null)}
                    />
                  )}
                  {/* The map stays drawn while another view is shown, so that
                      coming back to it is instant and keeps its zoom. */}
                  {found && project.counts.personas > 0 && (
                    <MapCanvas
                      shown={view === "map"}
                      map={found.map}
                      positions={found.positions}
                      viewKey={project.file}
                      visible={visible}
                      filter={filter}
                      kept={kept}
                      focus={focus}
                      matches={matches}
                      linking={linking}
                      onSelect={select}
                      onFit={fitted}
                      onMoved={moved}
                      onLink={setLinkTarget}
                      onLinking={startLinking}
                      onError={report}
                      onExported={exported}
                      framing={frame}
                      command={mapCommand}
                      onCommandDone={commandDone}
                      cameraOut={camera}
                    />
                  )}
                  {view === "map" && project.counts.personas === 0 ? (
                    <EmptyProjectPanel
                      key={sessionId}
                      sets={starter.sets}
                      failure={starter.failure}
                      onNewPersona={() => setEditing({ kind: "persona", id: null })}
                    >
                      <button type="button" onClick={transfer.startImport}>
                        Import…
                      </button>
                      <button type="button" onClick={() => setView("portfolio")}>
                        Open Portfolio
                      </button>
                      <button type="button" onClick={run(openDemo)}>
                        Open the demo
                      </button>
                    </EmptyProjectPanel>
                  ) : view === "map" ? (
                    found === null && <p className="muted">Drawing the map…</p>
                  ) : view === "profile" && profileOf !== null ? (
                    <ProfilePage
                      id={profileOf}
                      revision={revision}
                      previous={
                        around?.previous
                          ? { id: around.previous, name: personaName(around.previous) }
                          : null
                      }
                      next={
                        around?.next ? { id: around.next, name: personaName(around.next) } : null
                      }
                      position={
                        order.includes(profileOf)
                          ? { index: order.indexOf(profileOf), count: order.length }
                          : null
                      }
                      backTo={VIEWS.find((v) => v.id === cameFrom)?.label ?? "Personas"}
                      onOpen={openProfile}
                      onBack={closeProfile}
                      onEditLinks={(id) => setEditing({ kind: "persona", id })}
                      onExport={saveOnePager}
                      table={
                        data.found
                          ? {
                              name: data.found.report.source.name,
                              columns: data.found.report.source.columns,
                              sheet: data.found.sheet,
                            }
                          : null
                      }
                    />
                  ) : view === "portfolio" ? (
                    <PortfolioView
                      insights={found}
                      counts={project.counts}
                      revision={revision}
                      taken={taken}
                      change={change}
                      onEdited={afterEdit}
                    />
                  ) : view === "matrices" ? (
                    <MatricesView revision={revision} onError={report} />
                  ) : view === "journeys" ? (
                    <JourneysView revision={revision} taken={taken} onOpen={openProfile} />
                  ) : view === "data" ? (
                    <CustomerDataView
                      data={data}
                      name={found ? namer(found.map) : (id) => id}
                      overlaps={found?.analysis.overlaps ?? []}
                      onOpen={openProfile}
                      onShow={(ids) => focusOnMap(ids)}
                    />
                  ) : listedMatches !== null && shown === 0 ? (
                    <p className="muted">No persona matches “{listedQuery.trim()}”.</p>
                  ) : (
                    <div className="scroll">
                      {listedMatches !== null && (
                        <p className="muted">
                          {plural(shown, "persona")} match “{listedQuery.trim()}”.
                        </p>
                      )}
                      <PersonaList groups={groups} actions={actions} />
                    </div>
                  )}
                  {view === "map" && unit && found && (
                    <UnitCard unit={unit} name={namer(found.map)} onClose={() => select(null)} />
                  )}
                  {view === "map" && selected && (
                    <section className="selection" aria-label="Selection">
                      <strong>{selected.label}</strong>
                      <span className="muted small">
                        {selected.kind === "product"
                          ? "Product"
                          : (selected.role ?? "No buying role")}
                      </span>
                      {selected.kind === "persona" && (
                        <button
                          type="button"
                          className="primary"
                          onClick={() => openProfile(selected.id)}
                        >
                          Open profile
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() =>
                          setEditing({
                            kind: selected.kind === "product" ? "product" : "persona",
                            id: selected.id,
                          })
                        }
                      >
                        Edit
                      </button>
                      <DeleteButton
                        onConfirm={() => {
                          dispatchSpot({ kind: "gone" });
                          change(() =>
                            edit({
                              op: "delete",
                              kind: selected.kind === "product" ? "product" : "persona",
                              id: selected.id,
                            }),
                          );
                        }}
                      />
                    </section>
                  )}
                  {view === "map" && project.counts.personas > 0 && (
                    <Legend map={found?.map ?? null} />
                  )}
                </div>
                {found ? (
                  <InsightsPanel
                    insights={found}
                    onFocus={focusOnMap}
                    onThresholds={applyThresholds}
                    onMerge={merge}
                    onOpen={openProfile}
                    kept={kept}
                  />
                ) : (
                  <aside className="insights">
                    <p className="muted">Finding golden, underserved and overlapping personas…</p>
                  </aside>
                )}
              </div>
            }
          </>
        )}
      </main>
      {projectOpen && project && (
        <ProjectDialog
          name={project.name}
          description={project.description}
          save={(name, description) => edit({ op: "set_project", name, description })}
          onClose={() => setProjectOpen(false)}
        />
      )}
    </div>
  );
}
