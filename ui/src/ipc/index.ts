// The only module that talks to the desktop shell. Every command and event
// the UI uses is wrapped here with its types, which are generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppStatus,
  Catalog,
  Edit,
  EntityKind,
  HistoryState,
  ImageFormat,
  Insights,
  IpcError,
  Matrices,
  MenuCommand,
  NodePosition,
  Thresholds,
} from "./bindings";

export type * from "./bindings";

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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toIpcError(error);
  }
}

/** The open project and any message the user has not seen yet. */
export const appStatus = (): Promise<AppStatus> => call<AppStatus>("app_status");
/** Shows the Open dialog; the outcome arrives through the events below. */
export const openProjectDialog = (): Promise<void> => call("open_project_dialog");
/** Shows the New Project dialog. */
export const newProjectDialog = (): Promise<void> => call("new_project_dialog");
/** Opens the built-in demo portfolio. */
export const openDemo = (): Promise<void> => call("open_demo");
/** Shows the Save As dialog. */
export const saveAsDialog = (): Promise<void> => call("save_as_dialog");

/** The findings and the map of the open project. */
export const insights = (): Promise<Insights> => call<Insights>("insights");
/** Saves new thresholds in the project and returns the findings they give. */
export const setThresholds = (thresholds: Thresholds): Promise<Insights> =>
  call<Insights>("set_thresholds", { thresholds });

/** Applies one edit to the open project (one transaction). */
export const edit = (change: Edit): Promise<HistoryState> =>
  call<HistoryState>("edit", { edit: change });
/** Undoes (forward = false) or redoes the last edit. */
export const stepHistory = (forward: boolean): Promise<HistoryState> =>
  call<HistoryState>("step_history", { forward });
/** What the forms can link to. */
export const catalog = (): Promise<Catalog> => call<Catalog>("catalog");
/** One entity as the interchange format writes it. */
export const entity = (kind: EntityKind, id: string): Promise<Record<string, unknown>> =>
  call<Record<string, unknown>>("entity", { kind, id });
/** Every entity of `kind` as the interchange format writes it, sorted by id:
 * one call for a whole list, where `entity` per row would read the project
 * each time. */
export const entities = (kind: EntityKind): Promise<Record<string, unknown>[]> =>
  call<Record<string, unknown>[]>("entities", { kind });

/** The persona × product, need × product and segment × product matrices. */
export const matrices = (): Promise<Matrices> => call<Matrices>("matrices");
/** Stores where nodes were placed; `replaceAll` forgets the earlier layout. */
export const savePositions = (positions: NodePosition[], replaceAll: boolean): Promise<void> =>
  call("save_positions", { positions, replaceAll });
/** Asks where to save a picture of the map and saves it: a base64 PNG or an
 * SVG text. Resolves to the path saved to, or null when the user cancelled. */
export const exportMapImage = (format: ImageFormat, data: string): Promise<string | null> =>
  call<string | null>("export_map_image", { format, data });

/** Calls `handler` whenever a menu item asks the window to do something. */
export const onMenuCommand = (handler: (command: MenuCommand) => void): Promise<UnlistenFn> =>
  listen<MenuCommand>("menu-command", (event) => handler(event.payload));

/** Calls `handler` whenever another project is shown. */
export const onProjectChanged = (handler: () => void): Promise<UnlistenFn> =>
  listen("project-changed", () => handler());

/** Calls `handler` whenever an operation failed in the shell. */
export const onAppError = (handler: (error: IpcError) => void): Promise<UnlistenFn> =>
  listen<IpcError>("app-error", (event) => handler(toIpcError(event.payload)));
