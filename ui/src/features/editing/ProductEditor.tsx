import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NeedScores } from "./NeedScores";
import { emptyProduct, type ProductDraft, productDraft, productValue } from "./productForm";

/** Creates or edits a product and the needs it meets. */
export function ProductEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("product", id, taken, emptyProduct, productDraft);
  return (
    <EditorDialog<ProductDraft>
      kind="product"
      title={id === null ? "New product" : "Edit product"}
      load={load}
      creating={id === null}
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
          <NeedScores
            rows={draft.addresses}
            catalog={catalog}
            problem={problem}
            onChange={(addresses) => set({ addresses })}
          />
        </>
      )}
    </EditorDialog>
  );
}
