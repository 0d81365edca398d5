import type { Choice } from "../../ipc";
import type { FormApi } from "./EditorDialog";
import { ChoiceOptions } from "./InlineCreate";

/** A labelled text input with the core's problem beneath it. */
export function TextField({
  label,
  name,
  value,
  onChange,
  error,
  required = false,
  numeric = false,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  required?: boolean;
  numeric?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        value={value}
        required={required}
        inputMode={numeric ? "decimal" : undefined}
        aria-invalid={error !== undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** A labelled choice of one entity, or of none (`none` names that option). */
export function ChoiceField({
  label,
  name,
  value,
  choices,
  none,
  onChange,
  error,
  disabled = false,
}: {
  label: string;
  name?: string;
  value: string;
  choices: Choice[];
  none: string;
  onChange: (v: string) => void;
  error: string | undefined;
  disabled?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={error !== undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{none}</option>
        <ChoiceOptions choices={choices} />
      </select>
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The name and description every entity has, side by side. */
export function NameFields<D extends { name: string; description: string }>({
  form,
}: {
  form: FormApi<D>;
}) {
  const { draft, set, problem } = form;
  return (
    <div className="grid2">
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        onChange={(name) => set({ name } as Partial<D>)}
        error={problem("name")}
        required
      />
      <TextField
        label="Description"
        name="description"
        value={draft.description}
        onChange={(description) => set({ description } as Partial<D>)}
        error={problem("description")}
      />
    </div>
  );
}
