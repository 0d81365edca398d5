import type { ReactNode } from "react";
import type { Comparison, FieldChange, Listed, Named } from "../../ipc";
import { TransferDialog } from "./TransferDialog";
import { diffIsEmpty, valueText, valueTitle } from "./transfer";

type Props = {
  comparison: Comparison;
  onClose: () => void;
};

/** One section of the comparison, left out when it has nothing. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="tr-section" aria-labelledby={id}>
      <h3 id={id} className="tr-section-head">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** "kind Name id": what has no id of its own (a relationship, named by its
 * ends; a saved view, by its name) is named once. */
function Entity({ entity }: { entity: Named }) {
  return (
    <span className="tr-entity">
      <span className="tr-kind">{entity.kind}</span>
      {entity.id === entity.name ? (
        <strong>{entity.id}</strong>
      ) : (
        <>
          <strong>{entity.name}</strong>
          <code className="tr-ids">{entity.id}</code>
        </>
      )}
    </span>
  );
}

/** A field's value as one short line, whole in its tooltip when cut. */
function Value({ value }: { value: unknown }) {
  return (
    <span className="tr-value" title={valueTitle(value)}>
      {valueText(value)}
    </span>
  );
}

/** "field: before → after", one a line. */
function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <ul className="tr-fields">
      {fields.map((f) => (
        <li key={f.field}>
          <code className="tr-field">{f.field}</code>
          <span className="tr-change">
            <Value value={f.before} />
            <span className="tr-arrow" aria-hidden="true">
              {" → "}
            </span>
            <span className="visually-hidden">becomes</span>
            <Value value={f.after} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function Names({ entities }: { entities: Named[] }) {
  return (
    <ul className="tr-list">
      {entities.map((e) => (
        <li key={`${e.kind}:${e.id}`}>
          <Entity entity={e} />
        </li>
      ))}
    </ul>
  );
}

function Findings({ findings }: { findings: Listed[] }) {
  return (
    <ul className="tr-list tr-findings">
      {findings.map((f) => (
        <li key={`${f.kind}:${f.about.join(",")}`}>{f.why}</li>
      ))}
    </ul>
  );
}

/**
 * What changed from another version of the project to the open one: the
 * project's own fields, what was added, removed and changed (field by
 * field), and which findings appeared or went. Only shows; nothing is
 * written.
 */
export function CompareDialog({ comparison, onClose }: Props) {
  const { file, diff } = comparison;
  const count = (n: number) => n.toLocaleString("en");
  return (
    <TransferDialog
      title={`Changes since ${file}`}
      subtitle={`What changed from ${file} to the project open now. Nothing is written.`}
      wide
      readFirst
      busy={false}
      failure={null}
      bodyLabel="Changes"
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <button type="submit" className="primary">
          Close
        </button>
      }
    >
      {diffIsEmpty(diff) ? (
        <p className="empty-line">Nothing changed: the two versions hold the same.</p>
      ) : (
        <>
          {diff.project.length > 0 && (
            <Part id="tr-cmp-project" title="The project">
              <Fields fields={diff.project} />
            </Part>
          )}
          {diff.added.length > 0 && (
            <Part id="tr-cmp-added" title={`Added (${count(diff.added.length)})`}>
              <Names entities={diff.added} />
            </Part>
          )}
          {diff.removed.length > 0 && (
            <Part id="tr-cmp-removed" title={`Removed (${count(diff.removed.length)})`}>
              <Names entities={diff.removed} />
            </Part>
          )}
          {diff.changed.length > 0 && (
            <Part id="tr-cmp-changed" title={`Changed (${count(diff.changed.length)})`}>
              <ul className="tr-list tr-changed">
                {diff.changed.map((c) => (
                  <li key={`${c.entity.kind}:${c.entity.id}`}>
                    <Entity entity={c.entity} />
                    <Fields fields={c.fields} />
                  </li>
                ))}
              </ul>
            </Part>
          )}
          {diff.findings_appeared.length > 0 && (
            <Part id="tr-cmp-appeared" title="Findings that appeared">
              <Findings findings={diff.findings_appeared} />
            </Part>
          )}
          {diff.findings_gone.length > 0 && (
            <Part id="tr-cmp-gone" title="Findings that went">
              <Findings findings={diff.findings_gone} />
            </Part>
          )}
        </>
      )}
    </TransferDialog>
  );
}
