import { type FormEvent, useEffect, useRef, useState } from "react";
import { type Catalog, edit, entity, catalog as loadCatalog, toIpcError } from "../../ipc";
import { emptyProduct, type ProductDraft, productDraft, productValue } from "./productForm";

type Props = {
  id: string | null;
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** A dialog that creates or edits a product and the needs it meets. */
export function ProductEditor({ id, taken, onDone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [cat, setCat] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<ProductDraft | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    const product =
      id === null ? Promise.resolve(emptyProduct(taken)) : entity("product", id).then(productDraft);
    Promise.all([loadCatalog(), product])
      .then(([c, d]) => {
        setCat(c);
        setDraft(d);
      })
      .catch((e: unknown) => setFailure(toIpcError(e).message));
  }, [id, taken]);

  const set = (patch: Partial<ProductDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    edit({ op: "put", kind: "product", value: productValue(draft) })
      .then(() => onDone(true))
      .catch((err: unknown) => {
        const error = toIpcError(err);
        setProblems(new Map(error.problems.map((p) => [p.path, p.message] as const)));
        const elsewhere = error.problems
          .filter((p) => !/^(name|addresses\[\d+\]\.(need|score))$/.test(p.path))
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
      aria-label={id === null ? "New product" : "Edit product"}
      onCancel={() => onDone(false)}
    >
      <form onSubmit={save}>
        <h2>{id === null ? "New product" : "Edit product"}</h2>
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
                <span>Description</span>
                <input
                  value={draft.description}
                  onChange={(e) => set({ description: e.target.value })}
                />
              </label>
            </div>
            <fieldset>
              <legend>Needs it meets (score 0–1, 1 = fully)</legend>
              {draft.addresses.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <div className="row" key={i}>
                  <select
                    aria-label={`Need ${i + 1}`}
                    value={a.need}
                    onChange={(e) => {
                      const addresses = [...draft.addresses];
                      addresses[i] = { ...a, need: e.target.value };
                      set({ addresses });
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
                    aria-label={`Score for need ${i + 1} (0–1)`}
                    placeholder="score 0–1"
                    value={a.score}
                    onChange={(e) => {
                      const addresses = [...draft.addresses];
                      addresses[i] = { ...a, score: e.target.value };
                      set({ addresses });
                    }}
                  />
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Remove need ${i + 1}`}
                    onClick={() => set({ addresses: draft.addresses.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                  {(problem(`addresses[${i}].need`) ?? problem(`addresses[${i}].score`)) && (
                    <span className="field-error">
                      {problem(`addresses[${i}].need`) ?? problem(`addresses[${i}].score`)}
                    </span>
                  )}
                </div>
              ))}
              <button
                type="button"
                onClick={() => set({ addresses: [...draft.addresses, { need: "", score: "0.8" }] })}
              >
                Add a need
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
