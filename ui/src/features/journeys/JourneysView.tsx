import { useEffect, useRef, useState } from "react";
import {
  type Catalog,
  createEntity,
  edit,
  type IpcError,
  type JourneyView,
  catalog as loadCatalog,
  journeys as loadJourneys,
  toIpcError,
} from "../../ipc";
import { plural } from "../personas/format";
import { DeleteButton } from "../personas/PersonaList";
import { EditableText, type SaveText } from "../profile/EditableText";
import { InlineForm } from "../profile/InlineForm";
import { messageAt, optionalText, problemAt, removeItem, unplaced } from "../profile/profile";
import { usePatch } from "../profile/usePatch";
import { journeyFacts, newJourneyId, offeredPersonas, shownJourney, unmetTotal } from "./journeys";
import { StageGrid } from "./StageGrid";
import "./journeys.css";

type Props = {
  /** Goes up with every change of the project (an edit, Undo, Redo): the
   * view reads the journeys again, so it never shows what it assumes. */
  revision: number;
  /** Ids the project's entities already have, so a new journey gets a
   * free one. */
  taken: Set<string>;
  /** Opens a persona's profile. */
  onOpen: (id: string) => void;
};

type Loaded =
  | { state: "loading" }
  | { state: "ready"; journeys: JourneyView[]; catalog: Catalog }
  | { state: "failed"; error: IpcError };

/** Saves some fields of a journey as one patch; resolves to the core's
 * refusal, or null. */
type Patch = (fields: Record<string, unknown>) => Promise<IpcError | null>;

/** The small form that names and creates a journey. */
function NewJourney({
  id,
  onCreated,
  onCancel,
}: {
  /** The id the new journey will have. */
  id: string;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const save = () => {
    setBusy(true);
    setError(null);
    createEntity("journey", { id, name: name.trim() })
      .then(() => onCreated(id))
      .catch((e: unknown) => {
        setError(toIpcError(e));
        setBusy(false);
      });
  };
  return (
    <InlineForm
      label="New journey"
      busy={busy}
      error={unplaced(error, ["name"])}
      onSave={save}
      onCancel={onCancel}
    >
      <label className="field">
        <span>Name</span>
        <input
          name="journey-name"
          value={name}
          placeholder="From first need to renewal"
          aria-invalid={problemAt(error, "name") !== undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {problemAt(error, "name") && (
          <span className="field-error">{problemAt(error, "name")}</span>
        )}
      </label>
    </InlineForm>
  );
}

/** The journey's personas as chips that open their profiles, with a form
 * to add one of the project's personas and a button to take one off. */
function Personas({
  journey,
  all,
  onOpen,
  patch,
}: {
  journey: JourneyView;
  all: Catalog["personas"];
  onOpen: (id: string) => void;
  patch: Patch;
}) {
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const ids = journey.personas.map((p) => p.id);
  const offered = offeredPersonas(all, journey);
  const at = `personas[${ids.length}]`;

  const save = (next: string[], closing: boolean) => {
    setBusy(true);
    setError(null);
    patch({ personas: next })
      .then((refused) => {
        setError(refused);
        if (refused === null && closing) setAdding(false);
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="jr-personas">
      <span className="jr-label">Personas</span>
      {journey.personas.length === 0 && (
        <span className="empty-line">None yet — add the personas this journey compares.</span>
      )}
      <ul className="jr-chips">
        {journey.personas.map((p, i) => (
          <li key={p.id} className="jr-chip">
            <button
              type="button"
              className="link-button"
              aria-label={`Open profile: ${p.name}`}
              onClick={() => onOpen(p.id)}
            >
              {p.name}
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Remove ${p.name} from the journey`}
              onClick={() => save(removeItem(ids, i), false)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {!adding && offered.length > 0 && (
        <button
          type="button"
          className="ghost add"
          onClick={() => {
            setChosen(offered[0]?.id ?? "");
            setError(null);
            setAdding(true);
          }}
        >
          + Add persona
        </button>
      )}
      {adding && (
        <div className="jr-persona-form">
          <InlineForm
            label="Add a persona to the journey"
            busy={busy}
            error={unplaced(error, [at])}
            onSave={() => chosen !== "" && save([...ids, chosen], true)}
            onCancel={() => {
              setAdding(false);
              setError(null);
            }}
          >
            <label className="field">
              <span>Persona</span>
              <select
                name="journey-persona"
                value={chosen}
                aria-invalid={problemAt(error, at) !== undefined}
                onChange={(e) => setChosen(e.target.value)}
              >
                {offered.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {problemAt(error, at) && <span className="field-error">{problemAt(error, at)}</span>}
            </label>
          </InlineForm>
        </div>
      )}
      {!adding && error && (
        <span className="field-error" role="alert">
          {unplaced(error, [])}
        </span>
      )}
    </div>
  );
}

/** One journey: its name, description and personas, and its stages. */
function Journey({
  journey,
  catalog,
  onOpen,
  onDeleted,
}: {
  journey: JourneyView;
  catalog: Catalog;
  onOpen: (id: string) => void;
  onDeleted: () => void;
}) {
  const [deleteError, setDeleteError] = useState<string | null>(null);
  // Stages are sent whole, built from the journey shown: one at a time.
  const patch: Patch = usePatch("journey", journey.id, journey);
  const text =
    (field: "name" | "description"): SaveText =>
    async (typed) => {
      const value = field === "name" ? typed.trim() : optionalText(typed);
      const refused = await patch({ [field]: value });
      return refused === null ? null : (messageAt(refused, field) ?? refused.message);
    };

  return (
    <article className="jr-journey" aria-label={`Journey ${journey.name}`}>
      <header className="jr-head">
        <div className="jr-head-text">
          <h2 className="jr-name">
            <EditableText
              label="Journey name"
              value={journey.name}
              placeholder="Name"
              onSave={text("name")}
            />
          </h2>
          <EditableText
            label="Description"
            value={journey.description}
            placeholder="Add what this journey follows, and for whom"
            multiline
            className="jr-description"
            onSave={text("description")}
          />
        </div>
        <div className="jr-head-actions">
          <DeleteButton
            what={`journey ${journey.name}`}
            onConfirm={() => {
              setDeleteError(null);
              edit({ op: "delete", kind: "journey", id: journey.id })
                .then(onDeleted)
                .catch((e: unknown) => setDeleteError(toIpcError(e).message));
            }}
          />
          {deleteError && (
            <span className="field-error" role="alert">
              {deleteError}
            </span>
          )}
        </div>
      </header>
      <Personas journey={journey} all={catalog.personas} onOpen={onOpen} patch={patch} />
      <StageGrid journey={journey} needs={catalog.needs} onSave={(stages) => patch({ stages })} />
    </article>
  );
}

/**
 * The project's journeys: a list to pick one, and the one picked with its
 * stages as columns, every field edited in place. Each change is one edit
 * through the core; the view then reads the journeys again (through
 * `revision`), needs judged by the core, so Undo and Redo show at once.
 */
export function JourneysView({ revision, taken, onOpen }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useRef<HTMLElement>(null);
  // Set when the journey shown was deleted: once the list comes back, the
  // journey shown in its place takes the focus.
  const refocus = useRef(false);

  useEffect(() => {
    // A reply for a revision the view has left is dropped.
    let live = true;
    // `revision` is read so that every change of the project reloads.
    void revision;
    Promise.all([loadJourneys(), loadCatalog()])
      .then(([journeys, catalog]) => {
        if (live) setLoaded({ state: "ready", journeys, catalog });
      })
      .catch((e: unknown) => {
        if (live) setLoaded({ state: "failed", error: toIpcError(e) });
      });
    return () => {
      live = false;
    };
  }, [revision]);

  useEffect(() => {
    if (loaded.state !== "ready" || !refocus.current) return;
    refocus.current = false;
    const next =
      list.current?.querySelector<HTMLButtonElement>(".jr-pick.active") ??
      document.querySelector<HTMLButtonElement>(".jr-empty button");
    next?.focus();
  }, [loaded]);

  if (loaded.state === "failed") {
    return (
      <div className="entities-empty" role="alert">
        <p>The journeys cannot be shown: {loaded.error.message}</p>
      </div>
    );
  }
  if (loaded.state === "loading") return <p className="muted">Opening the journeys…</p>;

  const { journeys, catalog } = loaded;
  const shown = shownJourney(journeys, chosen);
  const created = (id: string) => {
    setChosen(id);
    setCreating(false);
  };
  const form = (
    <NewJourney
      id={newJourneyId(taken, journeys)}
      onCreated={created}
      onCancel={() => setCreating(false)}
    />
  );

  if (shown === null) {
    return (
      <div className="empty jr-empty">
        <h2>No journeys yet</h2>
        <p>
          A journey follows one or several personas from their first need to renewal, stage by
          stage: what they want, ask and feel, where they meet you, and which of their needs your
          products meet along the way.
        </p>
        {creating ? (
          form
        ) : (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New journey
            </button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="jr-view">
      <nav className="jr-list" aria-label="Journeys" ref={list}>
        <ul>
          {journeys.map((j) => {
            const unmet = unmetTotal(j);
            const current = j.id === shown.id;
            return (
              <li key={j.id}>
                <button
                  type="button"
                  className={current ? "jr-pick active" : "jr-pick"}
                  aria-current={current ? "true" : undefined}
                  onClick={() => setChosen(j.id)}
                >
                  <span className="jr-pick-name">{j.name}</span>
                  {j.personas.length > 0 && (
                    <span className="jr-pick-people">
                      {j.personas.map((p) => p.name).join(", ")}
                    </span>
                  )}
                  <span className="jr-pick-facts">{journeyFacts(j)}</span>
                  {unmet > 0 && (
                    <span className="jr-pick-facts jr-unmet">{plural(unmet, "need")} unmet</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {creating ? (
          form
        ) : (
          <button type="button" className="ghost add" onClick={() => setCreating(true)}>
            + New journey
          </button>
        )}
      </nav>
      <Journey
        key={shown.id}
        journey={shown}
        catalog={catalog}
        onOpen={onOpen}
        onDeleted={() => {
          refocus.current = true;
          setChosen(null);
        }}
      />
    </div>
  );
}
