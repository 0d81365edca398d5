import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { checkRule, countRule, type RuleCheck, type RuleCount, toIpcError } from "../../ipc";
import type { SaveText } from "./EditableText";
import {
  columnReference,
  countSentence,
  errorMark,
  errorSentence,
  insertReference,
  type LoadedTable,
  missingColumns,
  type Piece,
  pieces,
  unreadableSentence,
} from "./rules";
import "./rules.css";

type Props = {
  /** The persona whose rules these are; a count is made as theirs. */
  persona: string;
  value: string | null;
  /** The table loaded in the Data view, or null when there is none. */
  table: LoadedTable | null;
  /** Resolves null when saved, else the core's reason. An empty text
   * removes the rules. */
  onSave: SaveText;
};

// The check is cheap and answers while the user types; a count reads the
// whole table (up to a second on a million rows), so it waits until the
// typing stops. The count's wait starts once a check said the rule parses,
// so it comes about 400 ms after the last key.
const CHECK_DELAY_MS = 120;
const COUNT_DELAY_MS = 280;

const PLACEHOLDER = "No rules yet — add how to pick their customers out of records";
const EXAMPLE = 'e.g. age < 30 and city = "big"';

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
const SAVE_KEYS = MAC ? "⌘+Enter" : "Ctrl+Enter";

/** The last check's answer and the text it was for. `result` is null when
 * the check itself failed: then nothing is known and nothing is blocked. */
type Checked = { text: string; result: RuleCheck | null };

/** The last count's answer, and the text and table it was for. */
type Counted =
  | { text: string; table: string; state: "counted"; count: RuleCount | null }
  | { text: string; table: string; state: "failed"; message: string };

/** Identifies a table's version for stale answers: a count of another
 * table (or sheet) is not shown. */
function tableKey(table: LoadedTable | null): string | null {
  return table === null ? null : [table.name, table.sheet ?? "", ...table.columns].join("\u0000");
}

function Highlighted({ items }: { items: Piece[] }) {
  return items.map((p) =>
    p.marked && p.text === "" ? (
      <span key={`point-${p.start}`} className="tok-point" />
    ) : (
      <span key={p.start} className={`tok-${p.kind}${p.marked ? " tok-marked" : ""}`}>
        {p.text}
      </span>
    ),
  );
}

/**
 * A persona's rules: shown as they read, coloured, and edited in a field
 * that colours them as they are typed. Each change is checked by the core
 * (its error shown under the field and marked in the text) and, with a
 * table loaded in the Data view, counted against it. The table's columns
 * are offered as buttons that write them into the rule. Ctrl+Enter (⌘ on
 * a Mac) or Save saves through the core; Escape or Cancel puts the rule
 * back. A refused save keeps the field open with the core's reason.
 */
export function RuleEditor({ persona, value, table, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? "");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [counted, setCounted] = useState<Counted | null>(null);
  const [counting, setCounting] = useState(false);

  const refocus = useRef(false);
  const saving = useRef(false);
  // Answers to anything but the newest request are dropped.
  const checkSeq = useRef(0);
  const countSeq = useRef(0);
  // Where the caret goes once an inserted column is in the field.
  const caret = useRef<number | null>(null);

  const shown = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLPreElement>(null);
  const errorId = useId();
  const statusId = useId();
  const hintId = useId();
  const columnsId = useId();

  useEffect(() => {
    if (editing) {
      const field = area.current;
      field?.focus();
      // The caret at the end, where a user adds to a rule.
      field?.setSelectionRange(field.value.length, field.value.length);
    } else if (refocus.current) {
      refocus.current = false;
      shown.current?.focus();
    }
  }, [editing]);

  // Leaving the page drops whatever is still on its way.
  useEffect(
    () => () => {
      checkSeq.current += 1;
      countSeq.current += 1;
    },
    [],
  );

  useEffect(() => {
    if (!editing) return;
    checkSeq.current += 1;
    const seq = checkSeq.current;
    const timer = setTimeout(() => {
      checkRule(draft)
        .then((result) => {
          if (seq === checkSeq.current) setChecked({ text: draft, result });
        })
        .catch(() => {
          if (seq === checkSeq.current) setChecked({ text: draft, result: null });
        });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editing, draft]);

  const check = checked?.result ?? null;
  // Known for the text in the field, not for one typed a moment ago.
  const current = checked !== null && checked.text === draft;
  const ruleError = check?.error ?? null;
  const blocked = current && ruleError !== null;
  const key = tableKey(table);
  const sheet = table?.sheet ?? null;
  const countable =
    editing && key !== null && current && check !== null && ruleError === null && draft.trim()
      ? draft
      : null;

  useEffect(() => {
    countSeq.current += 1;
    const seq = countSeq.current;
    if (countable === null || key === null) {
      setCounting(false);
      return;
    }
    const timer = setTimeout(() => {
      setCounting(true);
      countRule(persona, countable, sheet)
        .then((count) => {
          if (seq !== countSeq.current) return;
          setCounted({ text: countable, table: key, state: "counted", count });
          setCounting(false);
        })
        .catch((e: unknown) => {
          if (seq !== countSeq.current) return;
          setCounting(false);
          const error = toIpcError(e);
          // A newer count took its place: that one answers.
          if (error.code === "cancelled") return;
          setCounted({ text: countable, table: key, state: "failed", message: error.message });
        });
    }, COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [countable, key, sheet, persona]);

  // The backdrop lies exactly under the field's text: as wide as the
  // field's text box (a scrollbar narrows it) and scrolled with it.
  const sync = useCallback(() => {
    const field = area.current;
    const under = backdrop.current;
    if (field === null || under === null) return;
    const scrollbar = field.offsetWidth - field.clientWidth - 2 * field.clientLeft;
    under.style.right = `${Math.max(0, scrollbar)}px`;
    under.scrollTop = field.scrollTop;
    under.scrollLeft = field.scrollLeft;
  }, []);

  // The field grows with its text up to the CSS max-height, then scrolls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the text changes, to measure it
  useLayoutEffect(() => {
    const field = area.current;
    if (!editing || field === null) return;
    field.style.height = "auto";
    field.style.height = `${field.scrollHeight + 2 * field.clientTop}px`;
    if (caret.current !== null) {
      field.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
    sync();
  }, [editing, draft, sync]);

  useEffect(() => {
    const field = area.current;
    if (!editing || field === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(sync);
    observer.observe(field);
    return () => observer.disconnect();
  }, [editing, sync]);

  const mark = useMemo(
    () => (ruleError === null ? null : errorMark(draft, ruleError)),
    [draft, ruleError],
  );
  const drawn = useMemo(() => pieces(draft, mark), [draft, mark]);
  const read = useMemo(() => pieces(value ?? ""), [value]);
  const missing = useMemo(
    () => (table === null || check === null ? [] : missingColumns(check.columns, table.columns)),
    [table, check],
  );

  const begin = () => {
    setDraft(value ?? "");
    setSaveError(null);
    setChecked(null);
    setCounted(null);
    setEditing(true);
  };

  // Save and Cancel disappear with the field: the focus goes back to the
  // rule, wherever the edit ended from, so that it is never lost.
  const close = (keepFocus = true) => {
    refocus.current = keepFocus;
    setEditing(false);
    setSaveError(null);
  };

  // `keepFocus` false when the user left the editor for somewhere else,
  // where the focus stays.
  const save = (keepFocus = true) => {
    if (saving.current || blocked) return;
    if (draft.trim() === (value ?? "").trim()) {
      close(keepFocus);
      return;
    }
    saving.current = true;
    setBusy(true);
    onSave(draft)
      .then((problem) => {
        if (problem === null) close(keepFocus);
        else setSaveError(problem);
      })
      .catch((e: unknown) => setSaveError(toIpcError(e).message))
      .finally(() => {
        saving.current = false;
        setBusy(false);
      });
  };

  const insertColumn = (column: string) => {
    const field = area.current;
    const reference = columnReference(column);
    if (field === null || reference === null || busy) return;
    const { selectionStart: from, selectionEnd: to } = field;
    const at = insertReference(draft, from, to, reference);
    field.focus();
    field.setSelectionRange(from, to);
    // As typing does, so that Undo takes the column out again; where the
    // web view cannot, the text is set instead.
    if (!document.execCommand("insertText", false, at.insert)) {
      caret.current = at.caret;
      setDraft(at.text);
    }
    setSaveError(null);
  };

  // Leaving the editor (a click elsewhere, the next persona) keeps the
  // work, as leaving any field of the page does: a rule that reads is
  // saved; one with an error stays open with it.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const next = e.relatedTarget;
    if (next instanceof Node && e.currentTarget.contains(next)) return;
    if (draft.trim() !== (value ?? "").trim()) save(false);
  };

  // A press on the editor's buttons (a column, Save, Cancel) leaves the
  // focus in the field, so that it never reads as leaving the editor, in
  // web views that focus a pressed button and in those that do not.
  const keepFieldFocused = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target instanceof Element && e.target.closest("button") !== null) e.preventDefault();
  };

  // On the whole editor, so that Escape on a column button cancels too
  // instead of taking the page back.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "Escape") {
      // Handled: the page must not take Escape as "go back".
      e.preventDefault();
      if (!saving.current) close();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };

  if (!editing) {
    return (
      <button ref={shown} type="button" className="editable mono rule-shown" onClick={begin}>
        <span className="visually-hidden">Edit Rules: </span>
        {value ? (
          <span className="editable-text">
            <Highlighted items={read} />
          </span>
        ) : (
          <span className="editable-empty">{PLACEHOLDER}</span>
        )}
        <span className="pencil" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }

  const problem = saveError ?? (ruleError === null ? null : errorSentence(ruleError));
  const count = counted !== null && counted.table === key ? counted : null;
  const countShown = count !== null && count.text === draft;

  // A count is due for the text in the field, or on its way.
  const due = counting || (countable !== null && !countShown);
  let status: ReactNode = null;
  if (table === null) {
    status = (
      <span className="muted">
        Load a table in the Data view to see its columns and how many records this rule matches.
      </span>
    );
  } else if (ruleError !== null) {
    status = null;
  } else if (draft.trim() === "") {
    status = <span className="muted">Without rules, this persona takes no part in matching.</span>;
  } else if (count === null || (count.state === "failed" && !countShown)) {
    status = due ? <span className="muted">Counting…</span> : null;
  } else if (count.state === "failed") {
    status = (
      <span className="rule-warning">The records could not be counted: {count.message}</span>
    );
  } else if (count.count === null) {
    status = (
      <span className="muted">
        Load a table in the Data view to see how many records this rule matches.
      </span>
    );
  } else {
    status = (
      <>
        <span className={countShown ? "rule-count" : "rule-count stale"}>
          {countSentence(count.count)}
        </span>
        {due && <span className="muted"> · Counting…</span>}
        {count.count.unreadable.map((u) => (
          <span key={u.column} className="rule-unreadable">
            {unreadableSentence(u)}
          </span>
        ))}
      </>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape and Ctrl+Enter from the field and the buttons inside
    <div
      className="rule-editor"
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      onMouseDown={keepFieldFocused}
    >
      <div className="rule-box">
        <pre ref={backdrop} className="rule-backdrop" aria-hidden="true">
          <Highlighted items={drawn} />
          {/* The last line, even when the text ends with a newline. */}
          {"\n "}
        </pre>
        <textarea
          ref={area}
          className="rule-input"
          aria-label="Rules"
          aria-invalid={problem !== null}
          aria-describedby={[problem !== null ? errorId : "", statusId, hintId]
            .filter(Boolean)
            .join(" ")}
          aria-keyshortcuts="Control+Enter Meta+Enter Escape"
          value={draft}
          placeholder={EXAMPLE}
          readOnly={busy}
          rows={3}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          onChange={(e) => {
            setDraft(e.target.value);
            setSaveError(null);
          }}
          onScroll={sync}
        />
      </div>
      {problem !== null && (
        <p id={errorId} className="rule-error" role={saveError !== null ? "alert" : undefined}>
          {problem}
        </p>
      )}
      <p id={statusId} className="rule-status" aria-live="polite">
        {status}
      </p>
      {table !== null && missing.length > 0 && (
        <p className="rule-warning">
          Not in {table.name}: {missing.join(", ")}
        </p>
      )}
      {table !== null && table.columns.length > 0 && (
        <div className="rule-columns">
          <span id={columnsId} className="rule-columns-label">
            Columns in {table.name}:
          </span>
          <ul className="rule-chips" aria-labelledby={columnsId}>
            {table.columns.map((c, i) => {
              const reference = columnReference(c);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name; its place is its identity
                <li key={i}>
                  <button
                    type="button"
                    className="rule-chip"
                    disabled={reference === null || busy}
                    title={
                      reference === null
                        ? "A rule cannot name a column with a backtick in its name"
                        : `Insert ${reference}`
                    }
                    aria-label={`Insert column ${c.trim()}`}
                    // Keeps the field's focus and selection, where the column goes.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insertColumn(c)}
                  >
                    {c.trim() || "(no name)"}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="rule-actions">
        <span id={hintId} className="editable-hint">
          {SAVE_KEYS} saves · Enter new line · Esc cancels
        </span>
        <button type="button" className="small-button" onClick={() => close()} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="primary small-button"
          onClick={() => save()}
          disabled={busy || blocked}
          aria-keyshortcuts={MAC ? "Meta+Enter" : "Control+Enter"}
        >
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </div>
  );
}
