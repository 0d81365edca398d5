import { useCallback, useEffect, useState } from "react";
import { InsightsPanel } from "../features/insights/InsightsPanel";
import { MapCanvas } from "../features/map/MapCanvas";
import { countsSummary, filterGroups, plural } from "../features/personas/format";
import { PersonaList } from "../features/personas/PersonaList";
import type { Visibility } from "../graph/elements";
import {
  appStatus,
  type Insights,
  type IpcError,
  insights as loadInsights,
  newProjectDialog,
  type Overview,
  onAppError,
  onProjectChanged,
  openDemo,
  openProjectDialog,
  saveAsDialog,
  setThresholds,
  type Thresholds,
  toIpcError,
} from "../ipc";

type Load = { state: "loading" } | { state: "ready"; project: Overview | null };
type View = "map" | "personas";

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

function Legend() {
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
      <li className="muted">Colour: customer segment · Box: market segment</li>
    </ul>
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
  const [view, setView] = useState<View>("map");
  const [found, setFound] = useState<Insights | null>(null);
  const [focus, setFocus] = useState<string[]>([]);
  const [visible, setVisible] = useState<Visibility>({ products: false, needs: false });

  const report = useCallback((e: IpcError) => setErrors((list) => [...list, e]), []);
  const run = useAction(report);

  const refresh = useCallback(() => {
    appStatus()
      .then((status) => {
        setLoad({ state: "ready", project: status.project });
        if (status.notice !== null) setNotice(status.notice);
        setFound(null);
        setFocus([]);
        if (status.project !== null) {
          loadInsights()
            .then(setFound)
            .catch((e: unknown) => report(toIpcError(e)));
        }
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
  const matches = query.trim() === "" ? null : groups.flatMap((g) => g.personas.map((p) => p.id));
  const applyThresholds = useCallback(
    (t: Thresholds) =>
      setThresholds(t).then((next) => {
        setFound(next);
      }),
    [],
  );
  const focusOnMap = useCallback((ids: string[]) => {
    setFocus(ids);
    setView("map");
  }, []);
  const select = useCallback((id: string | null) => setFocus(id ? [id] : []), []);

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
              <p className="counts" title={project.description ?? undefined}>
                {countsSummary(project.counts)}
              </p>
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
            ) : (
              <div className="workspace">
                <div className="stage">
                  <div className="tabs" role="tablist" aria-label="Views">
                    {(["map", "personas"] as const).map((v) => (
                      <button
                        key={v}
                        type="button"
                        role="tab"
                        aria-selected={view === v}
                        className={view === v ? "tab active" : "tab"}
                        onClick={() => setView(v)}
                      >
                        {v === "map" ? "Map" : "Personas"}
                      </button>
                    ))}
                    {view === "map" && (
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
                      </div>
                    )}
                  </div>
                  {view === "map" ? (
                    found ? (
                      <MapCanvas
                        map={found.map}
                        visible={visible}
                        focus={focus}
                        matches={matches}
                        onSelect={select}
                      />
                    ) : (
                      <p className="muted">Drawing the map…</p>
                    )
                  ) : query.trim() !== "" && shown === 0 ? (
                    <p className="muted">No persona matches “{query.trim()}”.</p>
                  ) : (
                    <div className="scroll">
                      {query.trim() !== "" && (
                        <p className="muted">
                          {plural(shown, "persona")} match “{query.trim()}”.
                        </p>
                      )}
                      <PersonaList groups={groups} />
                    </div>
                  )}
                  {view === "map" && <Legend />}
                </div>
                {found ? (
                  <InsightsPanel
                    insights={found}
                    onFocus={focusOnMap}
                    onThresholds={applyThresholds}
                  />
                ) : (
                  <aside className="insights">
                    <p className="muted">Finding golden, underserved and overlapping personas…</p>
                  </aside>
                )}
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}
