import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import {
  type Catalog,
  type Changed,
  createEntity,
  type Edit,
  type EntityKind,
  type EntityOf,
  edit,
  entity,
  type IpcError,
  type IpcProblem,
  catalog as loadCatalog,
  toIpcError,
  updateEntity,
} from "../../ipc";
import { ChoiceOptions, type Creatable, useCreatable } from "./InlineCreate";

/** What a form body gets: the draft, a way to change it, its problems. */
export type FormApi<D> = {
  draft: D;
  set: (patch: Partial<D>) => void;
  catalog: Catalog;
  /** The core's problem with the field at `path`, if any. */
  problem: (path: string) => string | undefined;
  /** Reads what the form can link to again, after an entity was created
   * from inside it. */
  refreshCatalog: () => Promise<void>;
};

/** How a draft is saved as an entity of kind `K`, created or changed. */
type EntitySave<D, K extends EntityKind> = {
  kind: K;
  /** A new entity: the core refuses it if its id is taken. Otherwise an
   * existing one, which the core refuses to create if it is gone. */
  creating: boolean;
  /** The entity the draft describes, in the interchange format, or the
   * problems that keep it from being one (what cannot even be put in the
   * entity, e.g. a word where it wants a number). */
  toValue: (draft: D) => EntityOf[K] | IpcProblem[];
};

/** Sends the entity a draft describes, or says what keeps it from being
 * sent. */
function saveEntity<D, K extends EntityKind>(
  save: EntitySave<D, K>,
  draft: D,
): Promise<Changed> | IpcProblem[] {
  const value = save.toValue(draft);
  if (Array.isArray(value)) return value;
  return save.creating ? createEntity(save.kind, value) : updateEntity(save.kind, value);
}

/** How a draft is saved: as an entity created or changed (one kind, whose
 * type the draft's value must have), or as any other edit. */
type Save<D> =
  | { [K in EntityKind]: EntitySave<D, K> }[EntityKind]
  | {
      /** The edit that saves the draft, or the problems that keep it from
       * being one (what cannot even be put to the core, e.g. a word where
       * an edit's type wants a number). */
      toEdit: (draft: D) => Edit | IpcProblem[];
    };

type Props<D> = Save<D> & {
  title: string;
  /** Loads the draft to edit (a new, empty one, or an existing entity's). */
  load: () => Promise<D>;
  /** Paths the body shows beside a field; other problems go to the top. */
  placed: RegExp;
  /** The submit button's label; "Save" unless told. */
  submitLabel?: string;
  /** The submit button destroys something (removes, deletes). */
  danger?: boolean;
  onDone: (saved: boolean) => void;
  children: (form: FormApi<D>) => ReactNode;
};

/**
 * A modal form that saves one entity. What is valid is decided by the core,
 * which checks an edit as it checks an import; its problems come back with
 * their field, and are shown there.
 */
export function EditorDialog<D>(props: Props<D>) {
  const { title, load, placed, submitLabel = "Save", danger = false, onDone, children } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<D | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // While the form is open the page behind stops scrolling (styles.css,
  // `html.form-open`), so its scrollbars do not show through.
  useEffect(() => {
    document.documentElement.classList.add("form-open");
    return () => document.documentElement.classList.remove("form-open");
  }, []);

  useEffect(() => {
    dialog.current?.showModal();
    Promise.all([loadCatalog(), load()])
      .then(([c, d]) => {
        setCatalog(c);
        setDraft(d);
      })
      .catch((e: unknown) => setFailure(toIpcError(e).message));
  }, [load]);

  const show = (error: IpcError) => {
    setProblems(new Map(error.problems.map((p) => [p.path, p.message] as const)));
    const elsewhere = error.problems
      .filter((p) => !placed.test(p.path))
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    setFailure(
      error.code !== "invalid"
        ? error.message
        : ["Some fields need fixing.", ...elsewhere].join(" "),
    );
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    let sent: Promise<Changed> | IpcProblem[];
    if ("toEdit" in props) {
      const change = props.toEdit(draft);
      sent = Array.isArray(change) ? change : edit(change);
    } else {
      sent = saveEntity(props, draft);
    }
    if (Array.isArray(sent)) {
      show({ code: "invalid", message: "", problems: sent });
      return;
    }
    setBusy(true);
    sent
      .then(() => onDone(true))
      .catch((err: unknown) => show(toIpcError(err)))
      .finally(() => setBusy(false));
  };

  // Once the fields are there, the first one takes the focus, not Cancel.
  const ready = draft !== null && catalog !== null;
  useEffect(() => {
    if (ready)
      dialog.current
        ?.querySelector<HTMLElement>("form input:not(:disabled), form select:not(:disabled)")
        ?.focus();
  }, [ready]);

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
        {/* The fields scroll inside the form, under its title and above its
            buttons, which stay in place as rows are added. */}
        <div className="editor-body">
          {draft !== null && catalog !== null
            ? children({
                draft,
                set,
                catalog,
                problem: (path) => problems.get(path),
                refreshCatalog: () => loadCatalog().then(setCatalog),
              })
            : !failure && <p className="muted">Loading…</p>}
        </div>
        <div className="actions end">
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button
            type="submit"
            className={danger ? "danger" : "primary"}
            disabled={busy || draft === null}
          >
            {busy ? "Saving…" : submitLabel}
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
  create,
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
  /** Lets the dropdown create a new one of its kind on the spot. */
  create?: Creatable;
}) {
  const pick = useCreatable(create, onChoice);
  return (
    <>
      <div className="row">
        <select
          aria-label={`${label} ${index + 1}`}
          value={pick.value(choice)}
          onChange={(e) => pick.choose(e.target.value)}
        >
          <option value="">Choose a {label.toLowerCase()}</option>
          <ChoiceOptions choices={choices} />
          {pick.option}
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
      {pick.naming}
    </>
  );
}

/** What an editor of one entity takes. */
export type EntityEditorProps = {
  /** The entity to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new entity gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/**
 * How an entity editor loads its draft: a new entity with a free id, or the
 * stored one as the interchange format writes it. The loader stays the same
 * while `id` and `taken` do, so an open form never reloads its draft.
 */
export function useDraftLoader<K extends EntityKind, D>(
  kind: K,
  id: string | null,
  taken: Set<string>,
  empty: (taken: Set<string>) => D,
  fromValue: (value: EntityOf[K]) => D,
): () => Promise<D> {
  // The ids in use when the form opens; a segment or role created from
  // inside the form adds one, which must not reload (and so wipe) the
  // draft the user is typing.
  const takenNow = useRef(taken);
  takenNow.current = taken;
  return useCallback(
    () =>
      id === null ? Promise.resolve(empty(takenNow.current)) : entity(kind, id).then(fromValue),
    [kind, id, empty, fromValue],
  );
}
