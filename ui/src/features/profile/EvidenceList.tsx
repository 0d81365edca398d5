import type { Evidence, EvidenceKind } from "../../ipc";
import type { SaveList } from "./EditableList";
import { FormField, FormList } from "./FormList";
import {
  EVIDENCE_KINDS,
  evidenceDraft,
  evidenceFacts,
  evidenceKindName,
  evidenceValue,
  readableDate,
  todayIso,
} from "./profile";

/**
 * What the persona rests on: each piece with its kind, source, date and
 * note, edited in a small form in place. Every change sends the whole
 * `evidence` list, with the counts of a data check kept as they were.
 */
export function EvidenceList({ items, onSave }: { items: Evidence[]; onSave: SaveList<Evidence> }) {
  return (
    <FormList
      field="evidence"
      noun="evidence"
      items={items}
      empty="No evidence yet — add an interview, a survey or a data check."
      add="+ Add evidence"
      fields={["kind", "source", "date", "note"]}
      stacked
      draftOf={(e) => evidenceDraft(e, todayIso())}
      itemOf={evidenceValue}
      onSave={onSave}
      row={(e) => (
        <div className="evidence-item">
          <div className="evidence-head">
            <span className={`kind-tag kind-${e.kind}`}>{evidenceKindName(e.kind)}</span>
            {e.date && <span className="muted small">{readableDate(e.date)}</span>}
          </div>
          {e.source && <p className="evidence-source">{e.source}</p>}
          {e.note && <p className="evidence-note">{e.note}</p>}
          {evidenceFacts(e).length > 0 && (
            <p className="muted small">{evidenceFacts(e).join(" · ")}</p>
          )}
        </div>
      )}
      form={(draft, set, problem) => (
        <div className="evidence-fields">
          <FormField label="Kind" problem={problem("kind")}>
            <select
              name="evidence-kind"
              value={draft.kind}
              aria-invalid={problem("kind") !== undefined}
              onChange={(e) => set({ kind: e.target.value as EvidenceKind })}
            >
              {EVIDENCE_KINDS.map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Date" problem={problem("date")}>
            <input
              name="evidence-date"
              type="date"
              value={draft.date}
              aria-invalid={problem("date") !== undefined}
              onChange={(e) => set({ date: e.target.value })}
            />
          </FormField>
          <FormField label="Source" problem={problem("source")} wide>
            <input
              name="evidence-source"
              value={draft.source}
              placeholder="Which study, report or workshop"
              aria-invalid={problem("source") !== undefined}
              onChange={(e) => set({ source: e.target.value })}
            />
          </FormField>
          <FormField label="Note" problem={problem("note")} wide>
            <textarea
              name="evidence-note"
              rows={2}
              value={draft.note}
              placeholder="What was learned, or a quote"
              aria-invalid={problem("note") !== undefined}
              onChange={(e) => set({ note: e.target.value })}
            />
          </FormField>
        </div>
      )}
    />
  );
}
