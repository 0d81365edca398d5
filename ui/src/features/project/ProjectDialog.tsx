import { useId, useState } from "react";
import { type Changed, type IpcError, toIpcError } from "../../ipc";
import { TransferDialog } from "../transfer/TransferDialog";
import "./project.css";

type Props = {
  name: string;
  description: string | null;
  /** Saves the name and description as one edit that undo takes back. */
  save: (name: string, description: string | null) => Promise<Changed>;
  onClose: () => void;
};

/** The description to save: none when only blanks were typed. */
export function describedAs(text: string): string | null {
  return text.trim() === "" ? null : text.trim();
}

/**
 * Renames the project and changes its description, checked by the core as
 * any edit is (a name cannot be empty), in one edit that undo takes back.
 */
export function ProjectDialog({ name, description, save, onClose }: Props) {
  const [draftName, setDraftName] = useState(name);
  const [draftDescription, setDraftDescription] = useState(description ?? "");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const nameId = useId();
  const descriptionId = useId();

  const submit = () => {
    setBusy(true);
    setFailure(null);
    save(draftName.trim(), describedAs(draftDescription))
      .then(() => onClose())
      .catch((e: unknown) => setFailure(toIpcError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <TransferDialog
      title="The project"
      subtitle="Its name heads the map, the report and every export."
      busy={busy}
      failure={failure}
      bodyLabel="The project's name and description"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || draftName.trim() === ""}>
            {busy ? "Saving…" : "Save"}
          </button>
        </>
      }
    >
      <div className="project-form">
        <label className="field" htmlFor={nameId}>
          <span>Name</span>
          <input
            id={nameId}
            data-autofocus
            value={draftName}
            maxLength={200}
            onChange={(e) => setDraftName(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={descriptionId}>
          <span>Description</span>
          <textarea
            id={descriptionId}
            rows={5}
            value={draftDescription}
            placeholder="Whose portfolio this is, and what it is for"
            onChange={(e) => setDraftDescription(e.target.value)}
          />
        </label>
      </div>
    </TransferDialog>
  );
}
