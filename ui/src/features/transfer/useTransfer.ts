import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type Comparison,
  chooseImport,
  chooseMerge,
  compareWith,
  exportProject,
  type IpcError,
  type MenuCommand,
  type MergeChoice,
  toIpcError,
} from "../../ipc";
import type { ImportStart } from "./ImportDialog";
import { exportFormatOf, showsProblems } from "./transfer";

/** The transfer dialog shown, with what it shows. */
export type Opened =
  | { kind: "import"; start: ImportStart }
  | { kind: "merge"; choice: MergeChoice }
  | { kind: "compare"; comparison: Comparison };

export type Transfer = {
  /** What is open, numbered: a file chosen again opens a new dialog, not
   * the old one with its choices. */
  opened: (Opened & { serial: number }) | null;
  /** File > Import, and the button of the window with no project. */
  startImport: () => void;
  /** Answers File > Import, Export, Merge and Compare. */
  answer: (command: MenuCommand) => void;
  close: () => void;
  /** A dialog's work is done: it closes, and `message` is shown. */
  done: (message: string) => void;
};

// What the window says to a command that needs a project when none is open.
const NEEDS_PROJECT = {
  export: "Open a project to export it.",
  merge: "Open the project to merge another one into first.",
  compare: "Open a project to compare it with another version.",
} as const;

/**
 * The flows of File > Import, Export, Merge and Compare: each asks the
 * shell, which shows the system's dialog, then opens our dialog with what
 * came back, or does nothing when the user cancelled. A failure goes to
 * `report`, except a file with problems to import, which the import
 * dialog lists one by one. Export, Merge and Compare need `projectOpen`.
 */
export function useTransfer(
  report: (error: IpcError) => void,
  notify: (message: string) => void,
  projectOpen: boolean,
): Transfer {
  const [opened, setShown] = useState<Transfer["opened"]>(null);
  const serial = useRef(0);
  const setOpened = useCallback((next: Opened | null) => {
    serial.current += 1;
    setShown(next === null ? null : { ...next, serial: serial.current });
  }, []);
  // Read when a command comes, so that `answer` stays the same function
  // as projects open and close.
  const hasProject = useRef(projectOpen);
  useEffect(() => {
    hasProject.current = projectOpen;
  }, [projectOpen]);

  const startImport = useCallback(() => {
    chooseImport()
      .then((choice) => {
        if (choice !== null) setOpened({ kind: "import", start: { choice } });
      })
      .catch((e: unknown) => {
        const error = toIpcError(e);
        if (showsProblems(error)) setOpened({ kind: "import", start: { failure: error } });
        else report(error);
      });
  }, [report, setOpened]);

  const answer = useCallback(
    (command: MenuCommand) => {
      if (command === "import") {
        startImport();
        return;
      }
      const format = exportFormatOf(command);
      const need =
        format !== null ? "export" : command === "merge" || command === "compare" ? command : null;
      if (need === null) return;
      if (!hasProject.current) {
        notify(NEEDS_PROJECT[need]);
        return;
      }
      // Each wrapper reads the session before it sends: starting it in a
      // promise turns a throw there into a rejection, reported as any other.
      const fail = (e: unknown) => report(toIpcError(e));
      if (format !== null) {
        Promise.resolve()
          .then(() => exportProject(format))
          .then((path) => {
            if (path !== null) notify(`Exported to ${path}.`);
          })
          .catch(fail);
      } else if (need === "merge") {
        Promise.resolve()
          .then(chooseMerge)
          .then((choice) => {
            if (choice !== null) setOpened({ kind: "merge", choice });
          })
          .catch(fail);
      } else {
        Promise.resolve()
          .then(compareWith)
          .then((comparison) => {
            if (comparison !== null) setOpened({ kind: "compare", comparison });
          })
          .catch(fail);
      }
    },
    [startImport, notify, report, setOpened],
  );

  const close = useCallback(() => setOpened(null), [setOpened]);
  const done = useCallback(
    (message: string) => {
      setOpened(null);
      notify(message);
    },
    [notify, setOpened],
  );

  return useMemo(
    () => ({ opened, startImport, answer, close, done }),
    [opened, startImport, answer, close, done],
  );
}
