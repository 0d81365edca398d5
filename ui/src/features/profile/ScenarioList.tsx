import type { Scenario } from "../../ipc";
import type { SaveList } from "./EditableList";
import { FormField, FormList } from "./FormList";
import { scenarioValue } from "./profile";

/**
 * The persona's scenarios, each a title and a story: edited in a small form
 * in place, added, removed and moved. Every change sends the whole list.
 */
export function ScenarioList({ items, onSave }: { items: Scenario[]; onSave: SaveList<Scenario> }) {
  return (
    <FormList
      field="scenarios"
      noun="scenario"
      items={items}
      empty="No scenarios yet — add a story of the persona at work."
      add="+ Add a scenario"
      fields={["title", "text"]}
      movable
      draftOf={(s) => ({ title: s?.title ?? "", text: s?.text ?? "" })}
      itemOf={(d) => scenarioValue(d.title, d.text)}
      onSave={onSave}
      row={(s) => (
        <div className="scenario">
          <strong>{s.title}</strong>
          {s.text && <p>{s.text}</p>}
        </div>
      )}
      form={(draft, set, problem) => (
        <>
          <FormField label="Title" problem={problem("title")}>
            <input
              value={draft.title}
              aria-invalid={problem("title") !== undefined}
              onChange={(e) => set({ title: e.target.value })}
            />
          </FormField>
          <FormField label="Story" problem={problem("text")}>
            <textarea rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </FormField>
        </>
      )}
    />
  );
}
