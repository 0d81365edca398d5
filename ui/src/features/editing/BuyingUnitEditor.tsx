import {
  type BuyingUnitDraft,
  buyingUnitDraft,
  buyingUnitValue,
  emptyBuyingUnit,
  type MemberDraft,
  newMember,
} from "./buyingUnitForm";
import { quickPicks } from "./chips";
import { sentIndex, unpicked } from "./draft";
import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { ChoiceField, NameFields } from "./Fields";
import { QuickPicks } from "./QuickPicks";

const PLACED = /^(name|description|product|market_segment|members\[\d+\]\.(persona|role))$/;

/** Creates or edits a buying unit: the personas who buy together, and the
 * role each plays when it is not their usual one. */
export function BuyingUnitEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("buying_unit", id, taken, emptyBuyingUnit, buyingUnitDraft);
  return (
    <EditorDialog<BuyingUnitDraft>
      kind="buying_unit"
      title={id === null ? "New buying unit" : "Edit buying unit"}
      load={load}
      creating={id === null}
      toValue={buyingUnitValue}
      placed={PLACED}
      onDone={onDone}
    >
      {(form) => {
        const { draft, set, catalog, problem } = form;
        const change = (i: number, patch: Partial<MemberDraft>) =>
          set({ members: draft.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
        const rowProblem = (i: number) => {
          const at = sentIndex(draft.members, i, (m) => m.persona !== "");
          return at === null
            ? undefined
            : (problem(`members[${at}].persona`) ?? problem(`members[${at}].role`));
        };
        return (
          <>
            <NameFields form={form} />
            <div className="grid2">
              <ChoiceField
                label="Product"
                name="product"
                value={draft.product}
                choices={catalog.products}
                none="Any product"
                onChange={(product) => set({ product })}
                error={problem("product")}
              />
              <ChoiceField
                label="Market segment"
                name="market_segment"
                value={draft.market_segment}
                choices={catalog.market_segments}
                none="Any market segment"
                onChange={(market_segment) => set({ market_segment })}
                error={problem("market_segment")}
              />
            </div>
            <fieldset>
              <legend>Members</legend>
              {draft.members.length === 0 && (
                <p className="muted small">Nobody yet. Add the personas who buy together.</p>
              )}
              {draft.members.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <div className="row pair" key={i}>
                  <select
                    aria-label={`Member ${i + 1}`}
                    value={m.persona}
                    onChange={(e) => change(i, { persona: e.target.value })}
                  >
                    <option value="">Choose a persona</option>
                    {unpicked(
                      catalog.personas,
                      draft.members.map((x) => x.persona),
                      m.persona,
                    ).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={`Role of member ${i + 1}`}
                    value={m.role}
                    onChange={(e) => change(i, { role: e.target.value })}
                  >
                    <option value="">Their own buying role</option>
                    {catalog.buying_roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        As {r.name}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Remove member ${i + 1}`}
                    onClick={() => set({ members: draft.members.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                  {rowProblem(i) && <span className="field-error">{rowProblem(i)}</span>}
                </div>
              ))}
              <QuickPicks
                choices={quickPicks(
                  catalog.personas,
                  draft.members.map((m) => m.persona),
                )}
                pickLabel={(name) => `Add member ${name}`}
                onPick={(persona) => set({ members: [...draft.members, newMember(persona)] })}
              />
              <button
                type="button"
                onClick={() => set({ members: [...draft.members, newMember("")] })}
              >
                Add a member
              </button>
            </fieldset>
          </>
        );
      }}
    </EditorDialog>
  );
}
