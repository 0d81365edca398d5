import { type FormEvent, memo, type ReactNode, useMemo, useState } from "react";
import type { Insights, Thresholds, UnitFinding } from "../../ipc";
import { plural } from "../personas/format";
import { followFilter, hiddenCount } from "./follow";
import { namer, percent } from "./names";

type Props = {
  insights: Insights;
  /** A finding was chosen: bring `ids` forward on the map; a buying unit's
   * also shows its members and missing roles. */
  onFocus: (ids: string[], unit?: UnitFinding) => void;
  onThresholds: (t: Thresholds) => Promise<void>;
  onMerge: (keep: string, remove: string) => void;
  /** Opens a persona's profile page. */
  onOpen: (persona: string) => void;
  /** The personas the map's filter keeps, or null when it keeps all: the
   * findings follow it unless the user shows all. */
  kept?: ReadonlySet<string> | null;
};

/** The link from a finding about one persona to its profile page. */
function OpenProfile({
  persona,
  name,
  onOpen,
}: {
  persona: string;
  name: string;
  onOpen: (id: string) => void;
}) {
  return (
    <button
      type="button"
      className="ghost open-profile"
      aria-label={`Open the profile of ${name}`}
      onClick={() => onOpen(persona)}
    >
      Open profile
    </button>
  );
}

function Finding({
  title,
  why,
  focus,
  onFocus,
  action,
}: {
  title: string;
  why: string;
  focus: string[];
  onFocus: (ids: string[]) => void;
  action?: ReactNode;
}) {
  return (
    <li className="finding-item">
      <button type="button" className="finding" onClick={() => onFocus(focus)}>
        <span className="finding-title">{title}</span>
        <span className="finding-why">{why}</span>
      </button>
      {action}
    </li>
  );
}

function MergeButton({
  keep,
  remove,
  onMerge,
}: {
  keep: string;
  remove: string;
  onMerge: () => void;
}) {
  const [armed, setArmed] = useState(false);
  return armed ? (
    <span className="confirm">
      <button type="button" className="primary" onClick={onMerge}>
        Merge {remove} into {keep}
      </button>
      <button type="button" className="ghost" onClick={() => setArmed(false)}>
        Cancel
      </button>
    </span>
  ) : (
    <button type="button" className="ghost merge" onClick={() => setArmed(true)}>
      Merge into one persona…
    </button>
  );
}

/** How many findings a group lists before "Show more". */
export const PAGE = 50;

/**
 * A group of findings. Its items are put on the page only while it is open,
 * and a page at a time: a 2,000-persona portfolio has more than a thousand
 * findings, and listing them all at once made the window wait seconds.
 */
function Group<T>({
  title,
  items,
  count = items.length,
  open: initiallyOpen = false,
  render,
  lead,
}: {
  title: string;
  items: T[];
  /** What the badge says, when it counts something else than the items. */
  count?: number;
  open?: boolean;
  render: (item: T) => ReactNode;
  /** What the open group says before its items. */
  lead?: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [limit, setLimit] = useState(PAGE);
  return (
    <details
      className="insight-group"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span>{title}</span>
        <span className="badge">{count}</span>
      </summary>
      {open && lead}
      {open &&
        (items.length === 0 ? (
          <p className="muted small none">None found.</p>
        ) : (
          <>
            <ul>{items.slice(0, limit).map(render)}</ul>
            {items.length > limit && (
              <button type="button" className="ghost more" onClick={() => setLimit(limit + PAGE)}>
                Show {Math.min(PAGE, items.length - limit)} more of {items.length - limit}
              </button>
            )}
          </>
        ))}
    </details>
  );
}

type UnitKey = Exclude<keyof Thresholds, "stale_after_days">;

const FIELDS: { key: UnitKey; label: string; hint: string }[] = [
  { key: "underserved_below", label: "Underserved below", hint: "service level, 0–1" },
  { key: "important_need", label: "Important need from", hint: "importance, 0–1" },
  { key: "met_at", label: "Need met from", hint: "product score, 0–1" },
  { key: "overlap_at", label: "Overlap from", hint: "similarity, 0–1" },
];

function ThresholdsForm({
  current,
  onApply,
}: {
  current: Thresholds;
  onApply: (t: Thresholds) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Record<keyof Thresholds, string>>({
    underserved_below: String(current.underserved_below),
    important_need: String(current.important_need),
    met_at: String(current.met_at),
    overlap_at: String(current.overlap_at),
    stale_after_days: String(current.stale_after_days),
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { ...current };
    for (const f of FIELDS) {
      const v = Number(draft[f.key]);
      if (draft[f.key].trim() === "" || !Number.isFinite(v) || v < 0 || v > 1) {
        setError(`${f.label}: enter a number from 0 to 1.`);
        return;
      }
      next[f.key] = v;
    }
    const days = Number(draft.stale_after_days);
    if (!Number.isInteger(days) || days < 1) {
      setError("Stale after: enter a whole number of days from 1.");
      return;
    }
    next.stale_after_days = days;
    setError(null);
    setBusy(true);
    onApply(next)
      .catch((err: unknown) => setError(String((err as { message?: unknown }).message ?? err)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="thresholds" onSubmit={submit} aria-label="Thresholds">
      {FIELDS.map((f) => (
        <label key={f.key}>
          <span>{f.label}</span>
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={draft[f.key]}
            aria-describedby={`hint-${f.key}`}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
          <span className="muted small" id={`hint-${f.key}`}>
            {f.hint}
          </span>
        </label>
      ))}
      <label>
        <span>Stale after</span>
        <input
          type="number"
          min={1}
          step={1}
          value={draft.stale_after_days}
          aria-describedby="hint-stale_after_days"
          onChange={(e) => setDraft({ ...draft, stale_after_days: e.target.value })}
        />
        <span className="muted small" id="hint-stale_after_days">
          days since the last review
        </span>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Applying…" : "Apply"}
      </button>
    </form>
  );
}

/** Every finding with its why, grouped and counted; a click shows it on the map. */
function Findings({ insights, onFocus, onThresholds, onMerge, onOpen, kept = null }: Props) {
  const { analysis: all, map } = insights;
  const name = useMemo(() => namer(map), [map]);
  const [showAll, setShowAll] = useState(false);
  const followed = useMemo(() => (kept === null ? null : followFilter(all, kept)), [all, kept]);
  const following = followed !== null && !showAll;
  const a = following ? { ...all, ...followed } : all;
  const hidden = followed === null ? 0 : hiddenCount(all, followed);
  const gaps = a.gaps;
  const gapCount =
    gaps.needs_unaddressed.length +
    gaps.segments_without_personas.length +
    gaps.products_without_personas.length +
    gaps.personas_without_products.length;
  const gapLists: [string, string[]][] = [
    ["Needs no product meets", gaps.needs_unaddressed],
    ["Segments with no persona", gaps.segments_without_personas],
    ["Products with no persona", gaps.products_without_personas],
    ["Personas tied to no product", gaps.personas_without_products],
  ];
  return (
    <aside className="insights" aria-label="Insights">
      <h2>Insights</h2>
      {followed !== null && (
        <p className="insights-follow muted small" aria-live="polite">
          {following
            ? hidden === 0
              ? "Following the map's filter: every finding is about what it shows."
              : `Following the map's filter: ${plural(hidden, "finding")} about personas it hides left out.`
            : "Showing every finding, the map's filter aside."}{" "}
          <button
            type="button"
            className="link-button inline"
            aria-pressed={!following}
            onClick={() => setShowAll((v) => !v)}
          >
            {following ? "Show all" : "Follow the filter"}
          </button>
        </p>
      )}
      <Group
        title="Golden personas"
        items={a.golden}
        open
        render={(g) => (
          <Finding
            key={g.persona}
            title={`${name(g.persona)} + ${plural(g.duplicates.length, "other name")}`}
            why={g.why}
            focus={[g.persona, ...g.duplicates]}
            onFocus={onFocus}
            action={<OpenProfile persona={g.persona} name={name(g.persona)} onOpen={onOpen} />}
          />
        )}
      />
      <Group
        title="Underserved"
        items={a.underserved}
        open
        render={(u) => (
          <Finding
            key={u.persona}
            title={`${name(u.persona)} — ${percent(u.service_level)} served`}
            why={u.why}
            focus={[u.persona]}
            onFocus={onFocus}
            action={<OpenProfile persona={u.persona} name={name(u.persona)} onOpen={onOpen} />}
          />
        )}
      />
      <Group
        title="Overlapping personas"
        items={a.overlaps}
        render={(o) => (
          <Finding
            key={o.personas.join("+")}
            title={`${name(o.personas[0])} & ${name(o.personas[1])} — ${percent(o.similarity)} alike`}
            why={o.why}
            focus={[...o.personas]}
            onFocus={onFocus}
            action={
              <MergeButton
                keep={name(o.personas[0])}
                remove={name(o.personas[1])}
                onMerge={() => onMerge(o.personas[0], o.personas[1])}
              />
            }
          />
        )}
      />
      <Group
        title="Buying units"
        items={a.buying_units}
        render={(u) => (
          <Finding
            key={u.unit}
            title={`${name(u.unit)} — ${u.complete ? "complete" : "incomplete"}`}
            why={u.why}
            focus={u.members}
            onFocus={(ids) => onFocus(ids, u)}
          />
        )}
      />
      <Group
        title="Cross-sell paths"
        items={a.multi_product}
        render={(m) => (
          <Finding
            key={m.persona}
            title={name(m.persona)}
            why={m.why}
            focus={[m.persona]}
            onFocus={onFocus}
            action={<OpenProfile persona={m.persona} name={name(m.persona)} onOpen={onOpen} />}
          />
        )}
      />
      <Group
        title="Value gaps"
        items={a.value_gaps}
        render={(v) => (
          <Finding
            key={v.need}
            title={name(v.need)}
            why={v.why}
            focus={[v.need]}
            onFocus={onFocus}
          />
        )}
      />
      <Group
        title="Persona health"
        items={a.health}
        render={(h) => (
          <Finding
            key={h.persona}
            title={`${name(h.persona)} — confidence ${h.confidence.toFixed(2)}`}
            why={h.why}
            focus={[h.persona]}
            onFocus={onFocus}
            action={<OpenProfile persona={h.persona} name={name(h.persona)} onOpen={onOpen} />}
          />
        )}
        lead={<p className="muted small health-summary">{a.health_summary.why}</p>}
      />
      <Group
        title="Gaps"
        items={gapLists.filter(([, ids]) => ids.length > 0)}
        count={gapCount}
        render={([label, ids]) => (
          <Finding
            key={label}
            title={label}
            why={ids.map(name).join("; ")}
            focus={ids}
            onFocus={onFocus}
          />
        )}
      />
      <details className="insight-group">
        <summary>
          <span>Thresholds</span>
        </summary>
        <ThresholdsForm
          key={JSON.stringify(a.thresholds)}
          current={a.thresholds}
          onApply={onThresholds}
        />
      </details>
    </aside>
  );
}

/** The insights, rendered again only when they or the callbacks change, not
 * on every keystroke in the search box. */
export const InsightsPanel = memo(Findings);
