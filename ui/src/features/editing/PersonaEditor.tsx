import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  type Catalog,
  edit,
  entity,
  type IpcError,
  catalog as loadCatalog,
  type ProductRelation,
  toIpcError,
} from "../../ipc";
import { draftFrom, emptyDraft, type PersonaDraft, personaValue } from "./personaForm";

type Props = {
  /** The persona to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new persona gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Problems the form shows beside their field; the rest go to the top. */
const PLACED =
  /^(name|market_segment|customer_segment|buying_role|priority|needs\[\d+\]\.(need|importance))$/;

const RELATIONS: [ProductRelation, string][] = [
  ["owned_by", "Written by its team"],
  ["targets", "Targeted by"],
  ["uses", "Uses"],
  ["evaluates", "Evaluating"],
];

function Select({
  label,
  value,
  choices,
  onChange,
  error,
}: {
  label: string;
  value: string;
  choices: { id: string; name: string }[];
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">None</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** A dialog that creates or edits a persona; the core checks what is saved. */
export function PersonaEditor({ id, taken, onDone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [cat, setCat] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<PersonaDraft | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    const persona =
      id === null ? Promise.resolve(emptyDraft(taken)) : entity("persona", id).then(draftFrom);
    Promise.all([loadCatalog(), persona])
      .then(([c, d]) => {
        setCat(c);
        setDraft(d);
      })
      .catch((e: unknown) => setFailure(toIpcError(e).message));
  }, [id, taken]);

  const set = (patch: Partial<PersonaDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    edit({ op: "put", kind: "persona", value: personaValue(draft) })
      .then(() => onDone(true))
      .catch((err: unknown) => {
        const error: IpcError = toIpcError(err);
        const byField = new Map(error.problems.map((p) => [p.path, p.message] as const));
        setProblems(byField);
        const elsewhere = error.problems
          .filter((p) => !PLACED.test(p.path))
          .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
        setFailure(
          error.code !== "invalid"
            ? error.message
            : ["Some fields need fixing.", ...elsewhere].join(" "),
        );
      })
      .finally(() => setBusy(false));
  };

  const problem = (path: string) => problems.get(path);
  return (
    <dialog
      ref={dialog}
      className="editor"
      aria-label={id === null ? "New persona" : "Edit persona"}
      onCancel={() => onDone(false)}
    >
      <form onSubmit={save}>
        <h2>{id === null ? "New persona" : "Edit persona"}</h2>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        {draft && cat ? (
          <>
            <div className="grid2">
              <label className="field">
                <span>Name</span>
                <input
                  name="name"
                  value={draft.name}
                  onChange={(e) => set({ name: e.target.value })}
                  required
                />
                {problem("name") && <span className="field-error">{problem("name")}</span>}
              </label>
              <label className="field">
                <span>Job title</span>
                <input value={draft.title} onChange={(e) => set({ title: e.target.value })} />
              </label>
              <Select
                label="Market segment"
                value={draft.market_segment}
                choices={cat.market_segments}
                onChange={(v) => set({ market_segment: v })}
                error={problem("market_segment")}
              />
              <Select
                label="Customer segment"
                value={draft.customer_segment}
                choices={cat.customer_segments}
                onChange={(v) => set({ customer_segment: v })}
                error={problem("customer_segment")}
              />
              <Select
                label="Buying role"
                value={draft.buying_role}
                choices={cat.buying_roles}
                onChange={(v) => set({ buying_role: v })}
                error={problem("buying_role")}
              />
              <label className="field">
                <span>Status</span>
                <select
                  value={draft.status}
                  onChange={(e) => set({ status: e.target.value as PersonaDraft["status"] })}
                >
                  <option value="">None</option>
                  <option value="proto">Proto</option>
                  <option value="validated">Validated</option>
                  <option value="detailed">Detailed</option>
                </select>
              </label>
              <label className="field">
                <span>Priority (1–5)</span>
                <input
                  value={draft.priority}
                  inputMode="numeric"
                  onChange={(e) => set({ priority: e.target.value })}
                />
                {problem("priority") && <span className="field-error">{problem("priority")}</span>}
              </label>
            </div>

            <fieldset>
              <legend>Needs</legend>
              {draft.needs.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <div className="row" key={i}>
                  <select
                    aria-label={`Need ${i + 1}`}
                    value={n.need}
                    onChange={(e) => {
                      const needs = [...draft.needs];
                      needs[i] = { ...n, need: e.target.value };
                      set({ needs });
                    }}
                  >
                    <option value="">Choose a need</option>
                    {cat.needs.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  <input
                    aria-label={`Importance of need ${i + 1} (0–1)`}
                    placeholder="importance 0–1"
                    value={n.importance}
                    onChange={(e) => {
                      const needs = [...draft.needs];
                      needs[i] = { ...n, importance: e.target.value };
                      set({ needs });
                    }}
                  />
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Remove need ${i + 1}`}
                    onClick={() => set({ needs: draft.needs.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                  {(problem(`needs[${i}].need`) ?? problem(`needs[${i}].importance`)) && (
                    <span className="field-error">
                      {problem(`needs[${i}].need`) ?? problem(`needs[${i}].importance`)}
                    </span>
                  )}
                </div>
              ))}
              <button
                type="button"
                onClick={() => set({ needs: [...draft.needs, { need: "", importance: "0.8" }] })}
              >
                Add a need
              </button>
            </fieldset>

            <fieldset>
              <legend>Products</legend>
              {draft.products.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <div className="row" key={i}>
                  <select
                    aria-label={`Product ${i + 1}`}
                    value={p.product}
                    onChange={(e) => {
                      const products = [...draft.products];
                      products[i] = { ...p, product: e.target.value };
                      set({ products });
                    }}
                  >
                    <option value="">Choose a product</option>
                    {cat.products.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={`Relation to product ${i + 1}`}
                    value={p.relation}
                    onChange={(e) => {
                      const products = [...draft.products];
                      products[i] = { ...p, relation: e.target.value as ProductRelation };
                      set({ products });
                    }}
                  >
                    {RELATIONS.map(([v, label]) => (
                      <option key={v} value={v}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Remove product ${i + 1}`}
                    onClick={() => set({ products: draft.products.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                </div>
              ))}
              <button
                type="button"
                onClick={() =>
                  set({ products: [...draft.products, { product: "", relation: "targets" }] })
                }
              >
                Add a product
              </button>
            </fieldset>
          </>
        ) : (
          !failure && <p className="muted">Loading…</p>
        )}
        <div className="actions end">
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !draft}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
