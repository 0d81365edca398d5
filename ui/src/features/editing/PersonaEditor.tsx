import type { ProductRelation, Status } from "../../ipc";
import { meaning, RELATIONS } from "../../shared/relations";
import { ChipChoice } from "./ChipChoice";
import { asChips, quickPicks } from "./chips";
import { sentIndex, unpicked } from "./draft";
import { ChoiceRow, EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { ChoiceOptions, type Creatable, NEW_CHOICE, useCreatable } from "./InlineCreate";
import { draftFrom, emptyDraft, type PersonaDraft, personaValue } from "./personaForm";
import { QuickPicks } from "./QuickPicks";

/** The importance a need added to the persona starts with. */
const NEW_IMPORTANCE = "0.8";

/** Problems the form shows beside their field; the rest go to the top. */
const PLACED =
  /^(name|market_segment|customer_segment|buying_role|priority|needs\[\d+\]\.(need|importance))$/;

/** The problem with row `i` of the needs. Rows with no need chosen are not
 * sent, so a problem at `needs[k]` is the one with the row sent k-th. */
function needProblem(
  draft: PersonaDraft,
  problem: (path: string) => string | undefined,
  i: number,
): string | undefined {
  const at = sentIndex(draft.needs, i, (n) => n.need !== "");
  return at === null
    ? undefined
    : (problem(`needs[${at}].need`) ?? problem(`needs[${at}].importance`));
}

/**
 * A choice of one of a kind, or of none, which can create a new one there
 * and then (see InlineCreate): chips that pick with one click while the
 * choices are few, a dropdown past that.
 */
function Select({
  label,
  value,
  choices,
  onChange,
  error,
  create,
}: {
  label: string;
  value: string;
  choices: { id: string; name: string }[];
  onChange: (v: string) => void;
  error: string | undefined;
  create: Creatable;
}) {
  const pick = useCreatable(create, onChange);
  if (asChips(choices.length)) {
    const open = pick.value(value) === NEW_CHOICE;
    return (
      <ChipChoice
        label={label}
        value={value}
        choices={choices}
        onChange={pick.choose}
        error={error}
        create={{
          what: create.what,
          open,
          // Closing keeps the choice as it was.
          onToggle: () => pick.choose(open ? value : NEW_CHOICE),
        }}
        after={pick.naming}
      />
    );
  }
  return (
    <div className="field">
      <label className="field">
        <span>{label}</span>
        <select value={pick.value(value)} onChange={(e) => pick.choose(e.target.value)}>
          <option value="">None</option>
          <ChoiceOptions choices={choices} />
          {pick.option}
        </select>
      </label>
      {pick.naming}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

/** A product the persona is tied to, and how; the dropdown can create one. */
function ProductRow({
  index,
  product,
  relation,
  choices,
  create,
  onProduct,
  onRelation,
  onRemove,
}: {
  index: number;
  product: string;
  relation: ProductRelation;
  choices: { id: string; name: string }[];
  create: Creatable;
  onProduct: (id: string) => void;
  onRelation: (r: ProductRelation) => void;
  onRemove: () => void;
}) {
  const pick = useCreatable(create, onProduct);
  return (
    <>
      <div className="row product-row">
        <select
          aria-label={`Product ${index + 1}`}
          value={pick.value(product)}
          onChange={(e) => pick.choose(e.target.value)}
        >
          <option value="">Choose a product</option>
          <ChoiceOptions choices={choices} />
          {pick.option}
        </select>
        <select
          aria-label={`Relation to product ${index + 1}`}
          value={relation}
          onChange={(e) => onRelation(e.target.value as ProductRelation)}
        >
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {meaning(r)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="ghost"
          aria-label={`Remove product ${index + 1}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      {pick.naming}
    </>
  );
}

/** Creates or edits a persona: who they are, their needs and products. */
export function PersonaEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("persona", id, taken, emptyDraft, draftFrom);
  return (
    <EditorDialog<PersonaDraft>
      kind="persona"
      title={id === null ? "New persona" : "Edit persona"}
      load={load}
      creating={id === null}
      toValue={personaValue}
      placed={PLACED}
      onDone={onDone}
    >
      {({ draft, set, catalog: cat, problem, refreshCatalog }) => (
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
              create={{
                kind: "market_segment",
                what: "market segment",
                taken,
                choices: cat.market_segments,
                refresh: refreshCatalog,
              }}
              value={draft.market_segment}
              choices={cat.market_segments}
              onChange={(v) => set({ market_segment: v })}
              error={problem("market_segment")}
            />
            <Select
              label="Customer segment"
              create={{
                kind: "customer_segment",
                what: "customer segment",
                taken,
                choices: cat.customer_segments,
                refresh: refreshCatalog,
              }}
              value={draft.customer_segment}
              choices={cat.customer_segments}
              onChange={(v) => set({ customer_segment: v })}
              error={problem("customer_segment")}
            />
            <Select
              label="Buying role"
              create={{
                kind: "buying_role",
                what: "buying role",
                taken,
                choices: cat.buying_roles,
                refresh: refreshCatalog,
              }}
              value={draft.buying_role}
              choices={cat.buying_roles}
              onChange={(v) => set({ buying_role: v })}
              error={problem("buying_role")}
            />
            <label className="field">
              <span>Status</span>
              <select
                value={draft.status}
                onChange={(e) => set({ status: e.target.value as Status | "" })}
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
              <ChoiceRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                key={i}
                label="Need"
                index={i}
                choices={unpicked(
                  cat.needs,
                  draft.needs.map((x) => x.need),
                  n.need,
                )}
                choice={n.need}
                number={n.importance}
                numberLabel="Importance of need"
                error={needProblem(draft, problem, i)}
                onChoice={(need) =>
                  set({ needs: draft.needs.map((x, j) => (j === i ? { ...x, need } : x)) })
                }
                onNumber={(importance) =>
                  set({ needs: draft.needs.map((x, j) => (j === i ? { ...x, importance } : x)) })
                }
                onRemove={() => set({ needs: draft.needs.filter((_, j) => j !== i) })}
                create={{
                  kind: "need",
                  what: "need",
                  taken,
                  choices: cat.needs,
                  refresh: refreshCatalog,
                }}
              />
            ))}
            <QuickPicks
              choices={quickPicks(
                cat.needs,
                draft.needs.map((n) => n.need),
              )}
              pickLabel={(name) => `Add need ${name}`}
              onPick={(need) =>
                set({ needs: [...draft.needs, { need, importance: NEW_IMPORTANCE }] })
              }
            />
            <button
              type="button"
              onClick={() =>
                set({ needs: [...draft.needs, { need: "", importance: NEW_IMPORTANCE }] })
              }
            >
              Add a need
            </button>
          </fieldset>

          <fieldset>
            <legend>Products</legend>
            {draft.products.map((p, i) => (
              <ProductRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                key={i}
                index={i}
                product={p.product}
                relation={p.relation}
                choices={cat.products}
                create={{
                  kind: "product",
                  what: "product",
                  taken,
                  choices: cat.products,
                  refresh: refreshCatalog,
                }}
                onProduct={(product) =>
                  set({
                    products: draft.products.map((x, j) => (j === i ? { ...x, product } : x)),
                  })
                }
                onRelation={(relation) =>
                  set({
                    products: draft.products.map((x, j) => (j === i ? { ...x, relation } : x)),
                  })
                }
                onRemove={() => set({ products: draft.products.filter((_, j) => j !== i) })}
              />
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
      )}
    </EditorDialog>
  );
}
