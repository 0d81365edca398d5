import { EditorDialog, type EntityEditorProps, useDraftLoader } from "./EditorDialog";
import { NameFields } from "./Fields";
import { emptyNeed, type NeedDraft, needDraft, needValue } from "./needForm";

/** Creates or edits a need: a want, goal or job that personas have. */
export function NeedEditor({ id, taken, onDone }: EntityEditorProps) {
  const load = useDraftLoader("need", id, taken, emptyNeed, needDraft);
  return (
    <EditorDialog<NeedDraft>
      kind="need"
      title={id === null ? "New need" : "Edit need"}
      load={load}
      creating={id === null}
      toValue={needValue}
      placed={/^(name|description)$/}
      onDone={onDone}
    >
      {(form) => <NameFields form={form} />}
    </EditorDialog>
  );
}
