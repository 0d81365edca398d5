import { useState } from "react";
import { createEntity, type ProductRelation, type Status, toIpcError } from "../../ipc";
import { meaning, RELATIONS } from "../../shared/relations";
import { freeId, sentIndex, unpicked } from "./draft";
import { ChoiceRow, EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { draftFrom, emptyDraft, type PersonaDraft, personaValue } from "./personaForm";

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

/** The kinds a persona's dropdowns can create on the spot. */
type Creatable = "market_segment" | "customer_segment" | "buying_role";

const PREFIX: Record<Creatable, string> = {
  market_segment: "ms",
  customer_segment: "cs",
  buying_role: "role",
};

/** The dropdown's choice that starts a new entity. */
const NEW = "\u0000new";

/**
 * A dropdown of one kind, whose last choice creates a new one there and
 * then: a name is asked for in the form, the core creates it (an edit of
 * its own, which undo takes back) and the dropdown picks it.
 */
function Select({
  label,
  kind,
  value,
  choices,
  onChange,
  error,
  taken,
  refresh,
}: {
  label: string;
  kind: Creatable;
  value: string;
  choices: { id: string; name: string }[];
  onChange: (v: string) => void;
  error: string | undefined;
  /** Ids in use, so that a new one gets a free id. */
  taken: Set<string>;
  refresh: () => Promise<void>;
}) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = label.toLowerCase();
  const create = () => {
    const used = new Set([...taken, ...choices.map((c) => c.id)]);
    const id = freeId(PREFIX[kind], used);
    setBusy(true);
    setProblem(null);
    createEntity(kind, { id, name: name.trim() })
      .then(() => refresh())
      .then(() => {
        onChange(id);
        setNaming(false);
        setName("");
      })
      .catch((e: unknown) => {
        const err = toIpcError(e);
        setProblem(err.problems.find((p) => p.path === "name")?.message ?? err.message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <div className="field">
      <label className="field">
        <span>{label}</span>
        <select
          value={naming ? NEW : value}
          onChange={(e) => {
            if (e.target.value === NEW) {
              setNaming(true);
              return;
            }
            setNaming(false);
            onChange(e.target.value);
          }}
        >
          <option value="">None</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={NEW}>New {what}…</option>
        </select>
      </label>
      {naming && (
        <div className="inline-create">
          <input
            // biome-ignore lint/a11y/noAutofocus: the user just asked to name a new one
            autoFocus
            className="inline-create-name"
            aria-label={`Name of the new ${what}`}
            placeholder={`Name of the new ${what}`}
            value={name}
            disabled={busy}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              // Enter creates it here; the form is not sent.
              if (e.key === "Enter") {
                e.preventDefault();
                if (name.trim() !== "") create();
              } else if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button
            type="button"
            className="small-button"
            disabled={busy || name.trim() === ""}
            onClick={create}
          >
            {busy ? "Creating…" : "Create"}
          </button>
          <button type="button" className="small-button ghost" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </div>
      )}
      {problem && <span className="field-error">{problem}</span>}
      {error && <span className="field-error">{error}</span>}
    </div>
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
              kind="market_segment"
              taken={taken}
              refresh={refreshCatalog}
              value={draft.market_segment}
              choices={cat.market_segments}
              onChange={(v) => set({ market_segment: v })}
              error={problem("market_segment")}
            />
            <Select
              label="Customer segment"
              kind="customer_segment"
              taken={taken}
              refresh={refreshCatalog}
              value={draft.customer_segment}
              choices={cat.customer_segments}
              onChange={(v) => set({ customer_segment: v })}
              error={problem("customer_segment")}
            />
            <Select
              label="Buying role"
              kind="buying_role"
              taken={taken}
              refresh={refreshCatalog}
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
              />
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
              <div className="row product-row" key={i}>
                <select
                  aria-label={`Product ${i + 1}`}
                  value={p.product}
                  onChange={(e) =>
                    set({
                      products: draft.products.map((x, j) =>
                        j === i ? { ...x, product: e.target.value } : x,
                      ),
                    })
                  }
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
                  onChange={(e) =>
                    set({
                      products: draft.products.map((x, j) =>
                        j === i ? { ...x, relation: e.target.value as ProductRelation } : x,
                      ),
                    })
                  }
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
      )}
    </EditorDialog>
  );
}
