import { type ReactNode, useState } from "react";
import { createEntity, toIpcError } from "../../ipc";
import { freeId } from "./draft";

/** The kinds a form's dropdown can create on the spot, with a name alone. */
export type CreatableKind =
  | "market_segment"
  | "customer_segment"
  | "buying_role"
  | "need"
  | "product";

const PREFIX: Record<CreatableKind, string> = {
  market_segment: "ms",
  customer_segment: "cs",
  buying_role: "role",
  need: "need",
  product: "prod",
};

/** What a dropdown needs to create one of its kind. */
export type Creatable = {
  kind: CreatableKind;
  /** "market segment", "need"…, as the choice and the field say it. */
  what: string;
  /** Ids in use in the project, so that the new one gets a free id. */
  taken: Set<string>;
  /** Ids the form's choices hold (the catalog may be newer than `taken`). */
  choices: { id: string }[];
  /** Reads the form's choices again, so that the new one is among them. */
  refresh: () => Promise<void>;
};

/** A dropdown's choices, each an entity by its name. */
export function ChoiceOptions({ choices }: { choices: { id: string; name: string }[] }) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}

/** The dropdown's choice that starts a new entity. */
export const NEW_CHOICE = "\u0000new";

/**
 * A dropdown whose last choice creates a new entity there and then: a name
 * is asked for under it, the core creates it (an edit of its own, which
 * undo takes back) and the dropdown picks it. Returns what the dropdown
 * shows and does; `naming` is drawn where the form has room for it.
 */
export function useCreatable(
  create: Creatable | undefined,
  onChange: (id: string) => void,
): {
  value: (current: string) => string;
  choose: (value: string) => void;
  option: ReactNode;
  naming: ReactNode;
} {
  const [naming, setNaming] = useState(false);
  return {
    value: (current) => (naming ? NEW_CHOICE : current),
    choose: (value) => {
      if (value === NEW_CHOICE) {
        setNaming(true);
        return;
      }
      setNaming(false);
      onChange(value);
    },
    option: create ? <option value={NEW_CHOICE}>New {create.what}…</option> : null,
    naming:
      naming && create ? (
        <NameNew
          create={create}
          onCreated={(id) => {
            setNaming(false);
            onChange(id);
          }}
          onCancel={() => setNaming(false)}
        />
      ) : null,
  };
}

/** The field that names the new entity, with Create and Cancel. */
function NameNew({
  create,
  onCreated,
  onCancel,
}: {
  create: Creatable;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const used = new Set([...create.taken, ...create.choices.map((c) => c.id)]);
    const id = freeId(PREFIX[create.kind], used);
    setBusy(true);
    setProblem(null);
    createEntity(create.kind, { id, name: name.trim() })
      .then(() => create.refresh())
      .then(() => onCreated(id))
      .catch((e: unknown) => {
        const err = toIpcError(e);
        setProblem(err.problems.find((p) => p.path === "name")?.message ?? err.message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <div className="inline-create">
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked to name a new one
        autoFocus
        className="inline-create-name"
        aria-label={`Name of the new ${create.what}`}
        placeholder={`Name of the new ${create.what}`}
        value={name}
        disabled={busy}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          // Enter creates it here; the form is not sent.
          if (e.key === "Enter") {
            e.preventDefault();
            if (name.trim() !== "") save();
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button
        type="button"
        className="small-button"
        disabled={busy || name.trim() === ""}
        onClick={save}
      >
        {busy ? "Creating…" : "Create"}
      </button>
      <button type="button" className="small-button ghost" onClick={onCancel}>
        Cancel
      </button>
      {problem && <span className="field-error">{problem}</span>}
    </div>
  );
}
