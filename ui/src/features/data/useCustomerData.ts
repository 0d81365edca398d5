import { useCallback, useEffect, useRef, useState } from "react";
import {
  type Changed,
  cancelMatch,
  chooseTable,
  dataStatus,
  type EvidenceKind,
  type IpcError,
  type MatchProgress,
  onMatchProgress,
  pickDemoTable,
  runMatch,
  saveMatch,
  type TableFile,
  type TableMatch,
  toIpcError,
} from "../../ipc";

/** What the Data view holds between visits, so that a match survives a
 * look at the map. */
export type CustomerData = {
  /** The table chosen, if any. */
  table: TableFile | null;
  /** The open project is the demo, whose made-up contacts can be tried. */
  isDemo: boolean;
  /** The last match of the open project, if any. */
  found: TableMatch | null;
  /** How far the running match has read; null when none runs. */
  running: MatchProgress | null;
  /** The system's dialog for a table is open. */
  choosing: boolean;
  /** Why the last match or choice failed. */
  error: IpcError | null;
  /** The column accounts are grouped by, and the sheet read. */
  account: string | null;
  sheet: string | null;
  /** Chooses a table in the system's dialog, then matches it. */
  choose: () => void;
  /** Matches the demo's made-up contacts. */
  demo: () => void;
  /** Matches the chosen table again, with an account column and a sheet. */
  match: (account: string | null, sheet: string | null) => void;
  cancel: () => void;
  /** Saves the last match as evidence; resolves when saved. */
  save: (kind: EvidenceKind) => Promise<Changed>;
};

/**
 * The Data view's state and its work, kept by the window: `session` is the
 * open project's file, and a new one forgets the match of the last (the
 * chosen table stays, as a user often tests several projects on one
 * export).
 */
export function useCustomerData(session: string | null): CustomerData {
  const [table, setTable] = useState<TableFile | null>(null);
  const [isDemo, setIsDemo] = useState(false);
  const [found, setFound] = useState<TableMatch | null>(null);
  const [running, setRunning] = useState<MatchProgress | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [account, setAccount] = useState<string | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  // Each match is numbered; the reply of one replaced by a newer is dropped.
  const ticket = useRef(0);

  // A new project forgets the last match.
  useEffect(() => {
    ticket.current += 1;
    setFound(null);
    setRunning(null);
    setError(null);
    let live = true;
    setIsDemo(false);
    if (session === null) return;
    dataStatus()
      .then((status) => {
        if (!live) return;
        setTable(status.table);
        setIsDemo(status.demo);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [session]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    onMatchProgress((p) => {
      if (live) setRunning((now) => (now === null ? now : p));
    }).then((unlisten) => {
      if (live) stop = unlisten;
      else unlisten();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  const match = useCallback((nextAccount: string | null, nextSheet: string | null) => {
    const mine = ++ticket.current;
    setAccount(nextAccount);
    setSheet(nextSheet);
    setError(null);
    setRunning({ read: 0, total: 0 });
    runMatch(nextAccount, nextSheet)
      .then((result) => {
        if (mine !== ticket.current) return;
        setFound(result);
        setSheet(result.sheet);
      })
      .catch((e: unknown) => {
        if (mine !== ticket.current) return;
        const err = toIpcError(e);
        if (err.code !== "cancelled") setError(err);
      })
      .finally(() => {
        if (mine === ticket.current) setRunning(null);
      });
  }, []);

  const pick = useCallback(
    (get: () => Promise<TableFile | null>, nextAccount: string | null) => {
      setError(null);
      setChoosing(true);
      get()
        .then((t) => {
          if (t === null) return;
          setTable(t);
          setFound(null);
          match(nextAccount, null);
        })
        .catch((e: unknown) => setError(toIpcError(e)))
        .finally(() => setChoosing(false));
    },
    [match],
  );

  const choose = useCallback(() => pick(chooseTable, null), [pick]);
  const demo = useCallback(() => pick(pickDemoTable, null), [pick]);
  const cancel = useCallback(() => {
    cancelMatch().catch((e: unknown) => setError(toIpcError(e)));
  }, []);
  const save = useCallback((kind: EvidenceKind) => saveMatch(kind), []);

  return {
    table,
    isDemo,
    found,
    running,
    error,
    choosing,
    account,
    sheet,
    choose,
    demo,
    match,
    cancel,
    save,
  };
}
