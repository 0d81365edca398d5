import { useCallback, useEffect, useState } from "react";
import { countsSummary, filterGroups, plural } from "../features/personas/format";
import { PersonaList } from "../features/personas/PersonaList";
import {
  appStatus,
  type IpcError,
  newProjectDialog,
  type Overview,
  onAppError,
  onProjectChanged,
  openDemo,
  openProjectDialog,
  saveAsDialog,
  toIpcError,
} from "../ipc";

type Load = { state: "loading" } | { state: "ready"; project: Overview | null };

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

function EmptyState({ run }: { run: (a: () => Promise<void>) => () => void }) {
  return (
    <div className="empty">
      <h2>No project is open</h2>
      <p>
        A project maps your market segments, buying roles, customer segments and the personas your
        product teams design for. Start a new one, open a <code>.patlas</code> file, or explore the
        demo portfolio.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={run(newProjectDialog)}>
          New project…
        </button>
        <button type="button" onClick={run(openProjectDialog)}>
          Open…
        </button>
        <button type="button" onClick={run(openDemo)}>
          Open the demo
        </button>
      </div>
    </div>
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function App() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<IpcError[]>([]);
  const [query, setQuery] = useState("");

  const report = useCallback((e: IpcError) => setErrors((list) => [...list, e]), []);
  const run = useAction(report);

  const refresh = useCallback(() => {
    appStatus()
      .then((status) => {
        setLoad({ state: "ready", project: status.project });
        if (status.notice !== null) setNotice(status.notice);
      })
      .catch((e: unknown) => {
        report(toIpcError(e));
        setLoad({ state: "ready", project: null });
      });
  }, [report]);

  useEffect(() => {
    refresh();
    const unlisteners = [
      onProjectChanged(() => {
        setErrors([]);
        setQuery("");
        refresh();
      }),
      onAppError(report),
    ];
    return () => {
      for (const u of unlisteners) u.then((f) => f()).catch(() => undefined);
    };
  }, [refresh, report]);

  const project = load.state === "ready" ? load.project : null;
  const groups = project ? filterGroups(project.groups, query) : [];
  const shown = groups.reduce((n, g) => n + g.personas.length, 0);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-hidden="true">
          Persona Atlas
        </div>
        {project && (
          <div className="project-title">
            <h1>{project.name}</h1>
            <span className="file" title={project.file}>
              {fileName(project.file)}
            </span>
          </div>
        )}
        {project && (
          <div className="toolbar">
            <label className="search">
              <span className="visually-hidden">Search personas</span>
              <input
                type="search"
                placeholder="Search personas, roles, products"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <button type="button" onClick={run(saveAsDialog)}>
              Save As…
            </button>
          </div>
        )}
      </header>

      <div className="banners">
        {notice && <Banner kind="notice" message={notice} onDismiss={() => setNotice(null)} />}
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

      <main className="content">
        {load.state === "loading" && <p className="muted">Opening the project…</p>}
        {load.state === "ready" && project === null && <EmptyState run={run} />}
        {project && (
          <>
            <section className="summary" aria-label="Project summary">
              {project.description && <p className="description">{project.description}</p>}
              <p className="counts">{countsSummary(project.counts)}</p>
            </section>
            {project.counts.personas === 0 ? (
              <div className="empty">
                <h2>No personas yet</h2>
                <p>
                  This project has no personas. Import a portfolio with{" "}
                  <code>persona-atlas import</code>, or open the demo to see how one looks.
                </p>
                <div className="actions">
                  <button type="button" onClick={run(openDemo)}>
                    Open the demo
                  </button>
                </div>
              </div>
            ) : query.trim() !== "" && shown === 0 ? (
              <p className="muted">No persona matches “{query.trim()}”.</p>
            ) : (
              <>
                {query.trim() !== "" && (
                  <p className="muted">
                    {plural(shown, "persona")} match “{query.trim()}”.
                  </p>
                )}
                <PersonaList groups={groups} />
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}
