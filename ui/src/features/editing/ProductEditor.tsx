import { useCallback } from "react";
import { entity } from "../../ipc";
import { ChoiceRow, EditorDialog } from "./EditorDialog";
import { emptyProduct, type ProductDraft, productDraft, productValue } from "./productForm";

type Props = {
  id: string | null;
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Creates or edits a product and the needs it meets. */
export function ProductEditor({ id, taken, onDone }: Props) {
  const load = useCallback(
    () =>
      id === null ? Promise.resolve(emptyProduct(taken)) : entity("product", id).then(productDraft),
    [id, taken],
  );
  return (
    <EditorDialog<ProductDraft>
      kind="product"
      title={id === null ? "New product" : "Edit product"}
      load={load}
      toValue={productValue}
      placed={/^(name|addresses\[\d+\]\.(need|score))$/}
      onDone={onDone}
    >
      {({ draft, set, catalog, problem }) => (
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
              <ChoiceRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                key={i}
                label="Need"
                index={i}
                choices={catalog.needs}
                choice={a.need}
                number={a.score}
                numberLabel="Score for need"
                error={problem(`addresses[${i}].need`) ?? problem(`addresses[${i}].score`)}
                onChoice={(need) =>
                  set({ addresses: draft.addresses.map((x, j) => (j === i ? { ...x, need } : x)) })
                }
                onNumber={(score) =>
                  set({
                    addresses: draft.addresses.map((x, j) => (j === i ? { ...x, score } : x)),
                  })
                }
                onRemove={() => set({ addresses: draft.addresses.filter((_, j) => j !== i) })}
              />
            ))}
            <button
              type="button"
              onClick={() => set({ addresses: [...draft.addresses, { need: "", score: "0.8" }] })}
            >
              Add a need
            </button>
          </fieldset>
        </>
      )}
    </EditorDialog>
  );
}
