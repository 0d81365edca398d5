import { useState } from "react";
import { type IpcError, type MergeChoice, mergeProjects, toIpcError } from "../../ipc";
import { TransferDialog } from "./TransferDialog";
import { addedTallies, talliesText } from "./transfer";

type Props = {
  choice: MergeChoice;
  /** The open project's name: what the other is merged into. */
  into: string;
  onClose: () => void;
  /** The merge was saved and opened; `message` says where. */
  onDone: (message: string) => void;
};

/**
 * What merging another team's project into the open one would do, before
 * anything is written: what comes in, which ids are renamed, and which
 * personas of the two teams look like the same person. Save asks where
 * the merged project goes, and opens it.
 */
export function MergeDialog({ choice, into, onClose, onDone }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const { report } = choice;
  const added = addedTallies(report.added);

  const save = () => {
    setBusy(true);
    mergeProjects()
      .then((path) => {
        if (path === null) setBusy(false);
        else onDone(`Merged into ${path}.`);
      })
      .catch((e: unknown) => {
        setFailure(toIpcError(e));
        setBusy(false);
      });
  };

  const title = `Merge ${choice.file} into ${into}`;
  return (
    <TransferDialog
      title={title}
      subtitle="Neither file changes: the merge is saved as a new project, which then opens."
      busy={busy}
      failure={failure}
      bodyLabel="What the merge does"
      onClose={onClose}
      onSubmit={save}
      actions={
        <>
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Save merged project…"}
          </button>
        </>
      }
    >
      <section className="tr-section" aria-labelledby="tr-merge-in">
        <h3 id="tr-merge-in" className="tr-section-head">
          What comes in
        </h3>
        <p>
          {added.length === 0
            ? `Nothing new: ${into} holds everything ${choice.file} does.`
            : `Adds ${talliesText(added)}.`}
        </p>
        {report.identical > 0 && (
          <p className="muted small">
            {report.identical.toLocaleString("en")}{" "}
            {report.identical === 1 ? "item is" : "items are"} the same in both and kept once.
          </p>
        )}
        {report.thresholds_differ && (
          <p className="muted small">
            The thresholds of {into} are kept; those of {choice.file} differ.
          </p>
        )}
      </section>

      {report.renamed.length > 0 && (
        <section className="tr-section" aria-labelledby="tr-merge-renamed">
          <h3 id="tr-merge-renamed" className="tr-section-head">
            Renamed ids ({report.renamed.length.toLocaleString("en")})
          </h3>
          <p className="muted small">
            These ids named something else in this project; they are renamed with every reference to
            them.
          </p>
          <ul className="tr-list">
            {report.renamed.map((r) => (
              <li key={`${r.kind}:${r.from}`} className="tr-entity">
                <span className="tr-kind">{r.kind}</span>
                <strong>{r.name}</strong>
                <span className="tr-ids">
                  <code>{r.from}</code>
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden">becomes</span>
                  <code>{r.to}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="tr-section" aria-labelledby="tr-merge-golden">
        <h3 id="tr-merge-golden" className="tr-section-head">
          The same person written by both teams
        </h3>
        {report.golden_candidates.length === 0 ? (
          <p className="empty-line">No persona of one team looks like one of the other's.</p>
        ) : (
          <ul className="tr-list tr-findings">
            {report.golden_candidates.map((f) => (
              <li key={`${f.kind}:${f.about.join(",")}`}>{f.why}</li>
            ))}
          </ul>
        )}
      </section>
    </TransferDialog>
  );
}
