import { useRef, useState } from "react";
import {
  chooseImport,
  type ImportChoice,
  type IpcError,
  importProject,
  previewImport,
  toIpcError,
  type Unmapped,
} from "../../ipc";
import { TransferDialog } from "./TransferDialog";
import {
  connectionsLeftOut,
  countTallies,
  elementsText,
  kumuTypeName,
  type Mapping,
  readAs,
  sentence,
  TARGETS,
  type Target,
  typeChoices,
} from "./transfer";

/** What File > Import found: a file read, or its problems. */
export type ImportStart = { choice: ImportChoice } | { failure: IpcError };

type Props = {
  start: ImportStart;
  onClose: () => void;
  /** The project was imported, saved and opened; `message` says where. */
  onDone: (message: string) => void;
};

/** Every Kumu type of a first read left out, as the core left them. */
function leftOut(types: Unmapped[]): Mapping {
  return Object.fromEntries(types.filter((t) => t.type !== "").map((t) => [t.type, ""]));
}

/**
 * What an import brings in, shown before anything is written: the counts,
 * and for a Kumu map the element types that are none of ours, each of which
 * the user may map onto one of our kinds (the preview follows each choice).
 * Import asks where to save the new project, and opens it.
 */
export function ImportDialog({ start, onClose, onDone }: Props) {
  const [choice, setChoice] = useState<ImportChoice | null>(
    "choice" in start ? start.choice : null,
  );
  // The rows come from the first read: a type mapped since is no longer
  // among the preview's unmapped ones, but keeps its row to be changed back.
  const [rows, setRows] = useState<Unmapped[]>(
    "choice" in start ? start.choice.preview.unmapped_types : [],
  );
  const [mapping, setMapping] = useState<Mapping>(() => leftOut(rows));
  const [failure, setFailure] = useState<IpcError | null>(
    "failure" in start ? start.failure : null,
  );
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  // Only the latest preview is shown: choices made quickly may come back
  // out of order.
  const asked = useRef(0);

  const remap = (type: string, target: Target) => {
    const next = { ...mapping, [type]: target };
    setMapping(next);
    const ask = ++asked.current;
    setPreviewing(true);
    previewImport(typeChoices(next))
      .then((read) => {
        if (ask !== asked.current) return;
        setChoice(read);
        setFailure(null);
      })
      .catch((e: unknown) => {
        if (ask === asked.current) setFailure(toIpcError(e));
      })
      .finally(() => {
        if (ask === asked.current) setPreviewing(false);
      });
  };

  const save = () => {
    setBusy(true);
    importProject(typeChoices(mapping))
      .then((path) => {
        if (path === null) setBusy(false);
        else onDone(`Imported into ${path}.`);
      })
      .catch((e: unknown) => {
        setFailure(toIpcError(e));
        setBusy(false);
      });
  };

  const chooseAgain = () => {
    setBusy(true);
    chooseImport()
      .then((read) => {
        if (read === null) return;
        asked.current += 1;
        setChoice(read);
        setRows(read.preview.unmapped_types);
        setMapping(leftOut(read.preview.unmapped_types));
        setFailure(null);
      })
      .catch((e: unknown) => setFailure(toIpcError(e)))
      .finally(() => setBusy(false));
  };

  const waiting = busy || previewing;
  if (choice === null) {
    return (
      <TransferDialog
        title="The file could not be imported"
        subtitle="Nothing was written. Fix what is listed in the file, then choose it again."
        busy={busy}
        failure={failure}
        bodyLabel="Problems"
        onClose={onClose}
        onSubmit={chooseAgain}
        actions={
          <>
            <button type="button" disabled={busy} onClick={onClose}>
              Close
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Reading…" : "Choose a file…"}
            </button>
          </>
        }
      >
        {null}
      </TransferDialog>
    );
  }

  const { preview } = choice;
  const tallies = countTallies(preview.counts);
  // A Kumu map of which no type is one of ours brings nothing in until
  // its types are mapped below.
  const nothingMapped = preview.format === "kumu" && tallies.length === 0;
  return (
    <TransferDialog
      title="Import a portfolio"
      subtitle={
        <>
          <strong className="tr-file">{choice.file}</strong>
          <span className="muted"> · {readAs(preview.format)}</span>
        </>
      }
      busy={waiting}
      failure={failure}
      bodyLabel="What the import brings in"
      onClose={onClose}
      onSubmit={save}
      actions={
        <>
          <button type="button" disabled={waiting} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={waiting || nothingMapped}>
            {busy ? "Importing…" : "Import…"}
          </button>
        </>
      }
    >
      <section className="tr-section" aria-labelledby="tr-import-in">
        <h3 id="tr-import-in" className="tr-section-head">
          What comes in
        </h3>
        {tallies.length === 0 ? (
          <p className="empty-line">
            {nothingMapped
              ? "Nothing yet: map at least one of the map's types below to one of ours."
              : "Nothing: the new project starts empty."}
          </p>
        ) : (
          <ul className="tr-tiles" aria-busy={previewing}>
            {tallies.map((t) => (
              <li key={t.noun} className="tr-tile">
                <strong>{t.count.toLocaleString("en")}</strong>
                <span>{t.noun}</span>
              </li>
            ))}
          </ul>
        )}
        {preview.positions > 0 && (
          <p className="muted small">
            With {preview.positions.toLocaleString("en")} map{" "}
            {preview.positions === 1 ? "position" : "positions"}.
          </p>
        )}
        <p className="muted small">
          It becomes a new project, “{preview.name}”, saved where you choose, and opens. The file
          itself does not change.
        </p>
      </section>

      {rows.length > 0 && (
        <section className="tr-section" aria-labelledby="tr-import-types">
          <h3 id="tr-import-types" className="tr-section-head">
            Element types
          </h3>
          <p className="muted small">
            These types of the map are none of ours. Choose what each becomes, or leave its elements
            out.
          </p>
          <ul className="tr-types">
            {rows.map((row) => (
              <li key={row.type} className="tr-type">
                <span className="tr-type-name">
                  <strong>{kumuTypeName(row.type)}</strong>
                  <span className="muted"> · {elementsText(row.elements)}</span>
                </span>
                {row.type === "" ? (
                  <span className="muted small tr-type-fixed">Left out: nothing to map</span>
                ) : (
                  <select
                    aria-label={`What the ${row.type} elements become`}
                    value={mapping[row.type] ?? ""}
                    onChange={(e) => remap(row.type, e.target.value as Target)}
                  >
                    <option value="">Leave out</option>
                    {TARGETS.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(preview.unmapped_connections > 0 || preview.notes.length > 0) && (
        <ul className="tr-notes muted small" aria-label="Notes">
          {preview.unmapped_connections > 0 && (
            <li>{connectionsLeftOut(preview.unmapped_connections)}</li>
          )}
          {preview.notes.map((note) => (
            <li key={note}>{sentence(note)}</li>
          ))}
        </ul>
      )}
    </TransferDialog>
  );
}
