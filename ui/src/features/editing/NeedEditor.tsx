import { useCallback } from "react";
import { entity } from "../../ipc";
import { EditorDialog } from "./EditorDialog";
import { NameFields } from "./Fields";
import { emptyNeed, type NeedDraft, needDraft, needValue } from "./needForm";

type Props = {
  /** The need to edit, or null for a new one. */
  id: string | null;
  /** Ids already used in the project, so a new need gets a free one. */
  taken: Set<string>;
  onDone: (saved: boolean) => void;
};

/** Creates or edits a need: a want, goal or job that personas have. */
export function NeedEditor({ id, taken, onDone }: Props) {
  const load = useCallback(
    () => (id === null ? Promise.resolve(emptyNeed(taken)) : entity("need", id).then(needDraft)),
    [id, taken],
  );
  return (
    <EditorDialog<NeedDraft>
      kind="need"
      title={id === null ? "New need" : "Edit need"}
      load={load}
      toValue={needValue}
      placed={/^(name|description)$/}
      onDone={onDone}
    >
      {(form) => <NameFields form={form} />}
    </EditorDialog>
  );
}
