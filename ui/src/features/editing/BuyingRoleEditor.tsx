import {
  type BuyingRoleDraft,
  buyingRoleDraft,
  buyingRoleValue,
  emptyBuyingRole,
} from "./buyingRoleForm";
import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NameFields } from "./Fields";

/** Creates or edits a buying role: whether a deal needs it, whether it decides. */
export function BuyingRoleEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("buying_role", id, taken, emptyBuyingRole, buyingRoleDraft);
  return (
    <EditorDialog<BuyingRoleDraft>
      kind="buying_role"
      title={id === null ? "New buying role" : "Edit buying role"}
      load={load}
      creating={id === null}
      toValue={buyingRoleValue}
      placed={/^(name|description|required|decides)$/}
      onDone={onDone}
    >
      {(form) => (
        <>
          <NameFields form={form} />
          <div className="checks">
            <label className="check">
              <input
                type="checkbox"
                name="required"
                checked={form.draft.required}
                onChange={(e) => form.set({ required: e.target.checked })}
              />
              <span>
                Required
                <span className="muted small">
                  {" "}
                  — a buying unit without someone in this role cannot close
                </span>
              </span>
            </label>
            {form.problem("required") && (
              <span className="field-error">{form.problem("required")}</span>
            )}
            <label className="check">
              <input
                type="checkbox"
                name="decides"
                checked={form.draft.decides}
                onChange={(e) => form.set({ decides: e.target.checked })}
              />
              <span>
                Decides
                <span className="muted small"> — people in this role make the final decision</span>
              </span>
            </label>
            {form.problem("decides") && (
              <span className="field-error">{form.problem("decides")}</span>
            )}
          </div>
        </>
      )}
    </EditorDialog>
  );
}
