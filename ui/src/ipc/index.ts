// The only module that talks to the desktop shell. Every command and event
// the UI uses is wrapped here with its types, which are generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  Catalog,
  Comparison,
  DataStatus,
  Edit,
  EntityKind,
  EntityOf,
  EvidenceKind,
  ExportFormat,
  ImageFormat,
  ImportChoice,
  Insights,
  IpcError,
  JourneyView,
  MatchProgress,
  Matrices,
  MenuCommand,
  MergeChoice,
  NodePosition,
  Overview,
  Paper,
  PersonaProfile,
  RuleCheck,
  RuleCount,
  SavedView,
  Sent,
  Changed as SentChange,
  StarterAdded as SentStarterAdded,
  AppStatus as SentStatus,
  StarterSet,
  TableFile,
  TableMatch,
  Thresholds,
  TypeChoice,
} from "./bindings";

import { HeldView } from "./delta";

export type * from "./bindings";

/** The open project and any message the user has not seen yet. */
export type AppStatus = Omit<SentStatus, "project"> & { project: Overview | null };

/** What an edit, an undo or a redo did, with what the window shows after
 * it: the new findings and map, and the new overview, each absent when the
 * change left it as the window holds it. */
export type Changed = Omit<SentChange, "insights" | "overview"> & {
  insights: Insights | null;
  overview: Overview | null;
};

/** Turns whatever a command rejected with into an IpcError. */
export function toIpcError(error: unknown): IpcError {
  if (typeof error === "object" && error !== null && "message" in error) {
    const { message, code, problems } = error as {
      message: unknown;
      code?: unknown;
      problems?: unknown;
    };
    return {
      message: String(message),
      code: typeof code === "string" ? code : null,
      problems: Array.isArray(problems) ? (problems as IpcError["problems"]) : [],
    };
  }
  return { message: String(error), code: null, problems: [] };
}

// Told whenever the shell refused a change because another program changed
// the open file, whichever view asked for it, so the window can offer to
// reopen the file once instead of every view explaining it.
const outdatedListeners = new Set<(error: IpcError) => void>();

/** Calls `handler` whenever a change was refused because another program
 * changed the open file since it was read. */
export function onChangedOnDisk(handler: (error: IpcError) => void): () => void {
  outdatedListeners.add(handler);
  return () => outdatedListeners.delete(handler);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    const error = toIpcError(raw);
    if (error.code === "changed_on_disk") for (const listener of outdatedListeners) listener(error);
    throw error;
  }
}

// The session the window shows: set by every status and change reply, and
// sent with every command, so that the shell refuses a command meant for a
// project that is no longer open instead of applying it to another.
let session: number | null = null;

function current(): number {
  if (session === null) throw toIpcError({ message: "No project is open." });
  return session;
}

// Everything that changes the project replies with what changed; the
// window's one listener shows it, whichever view asked for the change.
const changeListeners = new Set<(change: Changed) => void>();

/** Calls `handler` with the reply of every edit, undo and redo. */
export function onChange(handler: (change: Changed) => void): () => void {
  changeListeners.add(handler);
  return () => changeListeners.delete(handler);
}

// The window's copies of the views the core sends as changes after the
// first time (src/delta.rs): about 3.4 MB of JSON on 2,000 personas, of
// which an edit changes a few hundred bytes.
const heldInsights = new HeldView<Insights>();
const heldOverview = new HeldView<Overview>();

/** The view a send gives, asking for it whole when the send is a change to
 * a copy this window does not hold; null when nothing newer came. */
async function receive<T>(
  held: HeldView<T>,
  sent: Sent<T>,
  whole: () => Promise<Sent<T>>,
): Promise<T | null> {
  const taken = held.take(sent);
  if (taken.kind === "view") return taken.value;
  if (taken.kind === "older") return null;
  const again = held.take(await whole());
  return again.kind === "view" ? again.value : null;
}

const wholeInsights = (): Promise<Sent<Insights>> =>
  call<Sent<Insights>>("insights", { session: current() });
const wholeOverview = (): Promise<Sent<Overview>> =>
  call<Sent<Overview>>("overview", { session: current() });

async function changed(reply: SentChange): Promise<Changed> {
  session = reply.status.id;
  // The change is made whatever happens here: a view that cannot be asked
  // for again stays as it is, and the next send brings it up to date.
  const settle = <T>(view: Promise<T | null>) => view.catch(() => null);
  const [insights, overview] = await Promise.all([
    reply.insights === null ? null : settle(receive(heldInsights, reply.insights, wholeInsights)),
    reply.overview === null ? null : settle(receive(heldOverview, reply.overview, wholeOverview)),
  ]);
  const out: Changed = { ...reply, insights, overview };
  for (const listener of changeListeners) listener(out);
  return out;
}

/** The open project and any message the user has not seen yet. */
export const appStatus = async (): Promise<AppStatus> => {
  const status = await call<SentStatus>("app_status");
  session = status.session?.id ?? null;
  const project =
    status.project === null
      ? null
      : ((await receive(heldOverview, status.project, wholeOverview)) ?? heldOverview.current());
  return { ...status, project };
};
/** Shows the Open dialog; the outcome arrives through the events below. */
export const openProjectDialog = (): Promise<void> => call("open_project_dialog");
/** Shows the New Project dialog. */
export const newProjectDialog = (): Promise<void> => call("new_project_dialog");
/** Opens the built-in demo portfolio. */
export const openDemo = (): Promise<void> => call("open_demo");
/** Shows the Save As dialog. */
export const saveAsDialog = (): Promise<void> => call("save_as_dialog");
/** Reads the open project's file again after another program changed it;
 * `project-changed` follows. */
export const reloadProject = (): Promise<void> => call("reload_project");

/** The findings and the map of the open project. */
export const insights = async (): Promise<Insights> => {
  const view =
    (await receive(heldInsights, await wholeInsights(), wholeInsights)) ?? heldInsights.current();
  if (view === null) throw toIpcError({ message: "The findings could not be read." });
  return view;
};

/** Applies one edit to the open project (one transaction); the reply also
 * reaches every `onChange` listener. */
export const edit = async (change: Edit): Promise<Changed> => {
  // Marks for measure-map, which reports where the time of an edit goes.
  performance.mark("atlas:edit-sent");
  const reply = await call<SentChange>("edit", { session: current(), edit: change });
  performance.mark("atlas:edit-replied");
  return changed(reply);
};
/** Saves new thresholds in the project, as an edit that undo takes back. */
export const setThresholds = (thresholds: Thresholds): Promise<Changed> =>
  edit({ op: "set_thresholds", thresholds });
/** Stores where nodes were placed, as an edit; `replaceAll` forgets the
 * earlier layout. */
export const savePositions = (positions: NodePosition[], replaceAll: boolean): Promise<Changed> =>
  edit({ op: "set_positions", positions, replace_all: replaceAll });
/** Undoes (forward = false) or redoes the last edit. */
export const stepHistory = async (forward: boolean): Promise<Changed> =>
  changed(await call<SentChange>("step_history", { session: current(), forward }));
/** The starter sets an empty project is offered. */
export const starterSets = (): Promise<StarterSet[]> => call<StarterSet[]>("starter_sets");
/** Adds a starter set to the open project as one edit that one undo takes
 * back; says how many entities it added. */
export const addStarterSet = async (set: string): Promise<{ changed: Changed; added: number }> => {
  const reply = await call<SentStarterAdded>("add_starter_set", { session: current(), set });
  return { changed: await changed(reply.changed), added: reply.added };
};
/** Replaces the saved views of the map, whole and in order, as one edit. */
export const setViews = (views: SavedView[]): Promise<Changed> => edit({ op: "set_views", views });
/** What the forms can link to. */
export const catalog = (): Promise<Catalog> => call<Catalog>("catalog", { session: current() });

/** `A`, which must be one of `B`: a check that fails to compile otherwise. */
type Within<A extends B, B> = A;
/** Every kind of entity has its type in `EntityOf`, and nothing else does:
 * a kind added in Rust without a type stops the build here, naming it. */
export type EveryKindTyped = [
  Within<EntityKind, keyof EntityOf>,
  Within<keyof EntityOf, EntityKind>,
];

/** One entity as the interchange format writes it. */
export const entity = <K extends EntityKind>(kind: K, id: string): Promise<EntityOf[K]> =>
  call<EntityOf[K]>("entity", { session: current(), kind, id });
/** Every entity of `kind` as the interchange format writes it, sorted by id:
 * one call for a whole list. */
export const entities = <K extends EntityKind>(kind: K): Promise<EntityOf[K][]> =>
  call<EntityOf[K][]>("entities", { session: current(), kind });
/** Creates an entity; the core refuses it when its id is taken, and says
 * what is wrong with any field, placed by its path in `value`. */
export const createEntity = <K extends EntityKind>(kind: K, value: EntityOf[K]): Promise<Changed> =>
  edit({ op: "create", kind, value });
/** Replaces the entity of `kind` with `value`'s id, which must exist (so a
 * form never creates by accident); checked as `createEntity` is. */
export const updateEntity = <K extends EntityKind>(kind: K, value: EntityOf[K]): Promise<Changed> =>
  edit({ op: "update", kind, value });

/** One persona with everything its page shows, judged on today's date. */
export const profile = (id: string): Promise<PersonaProfile> =>
  call<PersonaProfile>("profile", { session: current(), id });

/** Every journey with its stages, each stage's needs judged against our
 * products. */
export const journeys = (): Promise<JourneyView[]> =>
  call<JourneyView[]>("journeys", { session: current() });

/** The persona × product, need × product and segment × product matrices. */
export const matrices = (): Promise<Matrices> => call<Matrices>("matrices", { session: current() });
/** Asks where to save a picture of the map and saves it: a base64 PNG or an
 * SVG text. Resolves to the path saved to, or null when the user cancelled. */
export const exportMapImage = (format: ImageFormat, data: string): Promise<string | null> =>
  call<string | null>("export_map_image", { format, data });

/** Asks where to save the one-pager of `persona` (PDF, or PNG) and saves
 * it. Resolves to the path saved to, or null when the user cancelled. */
export const exportOnePager = (persona: string, paper: Paper): Promise<string | null> =>
  call<string | null>("export_one_pager", { session: current(), persona, paper });
/** Asks where to save the portfolio report (PDF) and saves it. Resolves to
 * the path saved to, or null when the user cancelled. */
export const exportReport = (paper: Paper): Promise<string | null> =>
  call<string | null>("export_report", { session: current(), paper });

/** Asks for a table of customer records (CSV, TSV, Excel) in the system's
 * dialog; it becomes the table the Data view reads. Resolves to null when
 * the user cancelled. */
export const chooseTable = (): Promise<TableFile | null> =>
  call<TableFile | null>("choose_table", { session: current() });
/** Makes the demo's made-up contacts the table read (the demo only). */
export const pickDemoTable = (): Promise<TableFile> =>
  call<TableFile>("use_demo_table", { session: current() });
/** The table the Data view reads, if one was chosen, and whether the open
 * project is the demo (whose made-up contacts can be tried). */
export const dataStatus = (): Promise<DataStatus> =>
  call<DataStatus>("data_status", { session: current() });
/** Matches every persona's rules against the chosen table; progress comes
 * through `onMatchProgress`, and `cancelMatch` stops it (rejecting with the
 * code "cancelled"). */
export const runMatch = (account: string | null, sheet: string | null): Promise<TableMatch> =>
  call<TableMatch>("run_match", { session: current(), account, sheet });
/** Stops the match that is running. */
export const cancelMatch = (): Promise<void> => call("cancel_match");
/** Saves the last match as evidence (counts only) on every persona with a
 * rule: one edit, which undo takes back. */
export const saveMatch = async (kind: EvidenceKind): Promise<Changed> =>
  changed(await call<SentChange>("save_match", { session: current(), kind }));
/** Where a rule is wrong as it is typed, and the columns it names. */
export const checkRule = (text: string): Promise<RuleCheck> =>
  call<RuleCheck>("check_rule", { text });
/** How many records of the chosen table `rules` matches as `persona`'s;
 * null when no table is chosen. */
export const countRule = (
  persona: string,
  rules: string,
  sheet: string | null,
): Promise<RuleCount | null> =>
  call<RuleCount | null>("count_rule", { session: current(), persona, rules, sheet });
/** Asks for a file to import (a project's JSON, a workbook, a CSV file, a
 * Kumu map) and reads it: what it would bring in. Null when cancelled; a
 * file with problems rejects with each problem placed on its cell. */
export const chooseImport = (): Promise<ImportChoice | null> =>
  call<ImportChoice | null>("choose_import");
/** Reads the chosen file again with Kumu's types mapped as chosen. */
export const previewImport = (types: TypeChoice[]): Promise<ImportChoice> =>
  call<ImportChoice>("preview_import", { types });
/** Asks where to save the imported project, writes it and opens it;
 * resolves to its path, or null when cancelled. */
export const importProject = (types: TypeChoice[]): Promise<string | null> =>
  call<string | null>("import_project", { types });
/** Asks where to export the open project in `format` and writes it;
 * resolves to the path, or null when cancelled. */
export const exportProject = (format: ExportFormat): Promise<string | null> =>
  call<string | null>("export_project", { session: current(), format });
/** Asks for another team's project and says what merging it into the open
 * one would do; nothing is written. Null when cancelled. */
export const chooseMerge = (): Promise<MergeChoice | null> =>
  call<MergeChoice | null>("choose_merge", { session: current() });
/** Asks where to save the merged project, writes it and opens it. */
export const mergeProjects = (): Promise<string | null> =>
  call<string | null>("merge_projects", { session: current() });
/** Asks for another version of the project and says what changed from it
 * to the open one. Null when cancelled. */
export const compareWith = (): Promise<Comparison | null> =>
  call<Comparison | null>("compare_with", { session: current() });

/** Calls `handler` as a match reads its table. */
export const onMatchProgress = (handler: (progress: MatchProgress) => void): Promise<UnlistenFn> =>
  listen<MatchProgress>("match-progress", (event) => handler(event.payload));

/** Calls `handler` whenever a menu item asks the window to do something. */
export const onMenuCommand = (handler: (command: MenuCommand) => void): Promise<UnlistenFn> =>
  listen<MenuCommand>("menu-command", (event) => handler(event.payload));

/** Calls `handler` whenever another project is shown. */
export const onProjectChanged = (handler: () => void): Promise<UnlistenFn> =>
  listen("project-changed", () => handler());

/** Calls `handler` whenever an operation failed in the shell. */
export const onAppError = (handler: (error: IpcError) => void): Promise<UnlistenFn> =>
  listen<IpcError>("app-error", (event) => handler(toIpcError(event.payload)));
