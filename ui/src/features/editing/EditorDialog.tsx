import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { type Catalog, type EntityKind, edit, catalog as loadCatalog, toIpcError } from "../../ipc";

/** What a form body gets: the draft, a way to change it, its problems. */
export type FormApi<D> = {
  draft: D;
  set: (patch: Partial<D>) => void;
  catalog: Catalog;
  /** The core's problem with the field at `path`, if any. */
  problem: (path: string) => string | undefined;
};

type Props<D> = {
  kind: EntityKind;
  title: string;
  /** Loads the draft to edit (a new, empty one, or an existing entity's). */
  load: () => Promise<D>;
  /** The entity the draft describes, in the interchange format. */
  toValue: (draft: D) => Record<string, unknown>;
  /** Paths the body shows beside a field; other problems go to the top. */
  placed: RegExp;
  onDone: (saved: boolean) => void;
  children: (form: FormApi<D>) => ReactNode;
};

/**
 * A modal form that saves one entity. What is valid is decided by the core,
 * which checks an edit as it checks an import; its problems come back with
 * their field, and are shown there.
 */
export function EditorDialog<D>({
  kind,
  title,
  load,
  toValue,
  placed,
  onDone,
  children,
}: Props<D>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<D | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    Promise.all([loadCatalog(), load()])
      .then(([c, d]) => {
        setCatalog(c);
        setDraft(d);
      })
      .catch((e: unknown) => setFailure(toIpcError(e).message));
  }, [load]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    setBusy(true);
    edit({ op: "put", kind, value: toValue(draft) })
      .then(() => onDone(true))
      .catch((err: unknown) => {
        const error = toIpcError(err);
        setProblems(new Map(error.problems.map((p) => [p.path, p.message] as const)));
        const elsewhere = error.problems
          .filter((p) => !placed.test(p.path))
          .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
        setFailure(
          error.code !== "invalid"
            ? error.message
            : ["Some fields need fixing.", ...elsewhere].join(" "),
        );
      })
      .finally(() => setBusy(false));
  };

  const set = (patch: Partial<D>) => setDraft((d) => (d === null ? d : { ...d, ...patch }));
  return (
    <dialog ref={dialog} className="editor" aria-label={title} onCancel={() => onDone(false)}>
      <form onSubmit={save}>
        <h2>{title}</h2>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        {draft !== null && catalog !== null
          ? children({ draft, set, catalog, problem: (path) => problems.get(path) })
          : !failure && <p className="muted">Loading…</p>}
        <div className="actions end">
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || draft === null}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A row of a list field: a choice, a number, and a Remove button. */
export function ChoiceRow({
  label,
  index,
  choices,
  choice,
  number,
  numberLabel,
  error,
  onChoice,
  onNumber,
  onRemove,
}: {
  label: string;
  index: number;
  choices: { id: string; name: string }[];
  choice: string;
  number: string;
  numberLabel: string;
  error: string | undefined;
  onChoice: (v: string) => void;
  onNumber: (v: string) => void;
  onRemove: () => void;
}) {
  return (
    <div className="row">
      <select
        aria-label={`${label} ${index + 1}`}
        value={choice}
        onChange={(e) => onChoice(e.target.value)}
      >
        <option value="">Choose a {label.toLowerCase()}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <input
        aria-label={`${numberLabel} ${index + 1} (0–1)`}
        placeholder="0–1"
        value={number}
        onChange={(e) => onNumber(e.target.value)}
      />
      <button
        type="button"
        className="ghost"
        aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
        onClick={onRemove}
      >
        Remove
      </button>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
