import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import {
  type IpcError,
  profile as loadProfile,
  type PersonaProfile,
  type ProfileNeed,
  type Status,
  toIpcError,
} from "../../ipc";
import { confidenceHint, confidenceLabel, confidenceTone } from "../../shared/confidence";
import { meaning } from "../../shared/relations";
import { statusLabel } from "../personas/format";
import { EditableList } from "./EditableList";
import { EditableText, type SaveText } from "./EditableText";
import { EvidenceList } from "./EvidenceList";
import {
  findingName,
  messageAt,
  optionalText,
  percent,
  readableDate,
  relationshipSentence,
  todayIso,
} from "./profile";
import { RuleEditor } from "./RuleEditor";
import type { LoadedTable } from "./rules";
import { ScenarioList } from "./ScenarioList";
import { usePatch } from "./usePatch";

/** Another persona the page can go to. */
export type Neighbour = { id: string; name: string };

type Props = {
  id: string;
  /** Goes up with every change of the project: the page reads its profile
   * again, so that edits, Undo and Redo show at once. */
  revision: number;
  previous: Neighbour | null;
  next: Neighbour | null;
  /** Where this persona stands in the list, e.g. 3 of 12. */
  position: { index: number; count: number } | null;
  /** Where Back goes: "Personas", "Map". */
  backTo: string;
  onOpen: (id: string) => void;
  onBack: () => void;
  /** Opens the persona form for segments, role, needs and products. */
  onEditLinks: (id: string) => void;
  /** Saves the persona's one-pager (PDF or PNG). */
  onExport: (id: string) => void;
  /** The table loaded in the Data view: its columns and counts help write
   * the persona's rules. */
  table?: LoadedTable | null;
};

type Loaded =
  | { state: "loading" }
  | { state: "ready"; profile: PersonaProfile }
  | { state: "failed"; id: string; error: IpcError };

/** The profile's lists of short texts, each its own patch field. */
type TextListField = "goals" | "pain_points" | "channels" | "used_by";

const STATUSES: Status[] = ["proto", "validated", "detailed"];
const PRIORITIES = [1, 2, 3, 4, 5];

function Section({
  title,
  count,
  action,
  className = "",
  children,
}: {
  title: string;
  count?: number;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const heading = useId();
  return (
    <section className={`profile-section ${className}`} aria-labelledby={heading}>
      <header className="section-head">
        <h3 id={heading}>{title}</h3>
        {count !== undefined && count > 0 && <span className="badge">{count}</span>}
        {action && <span className="section-action">{action}</span>}
      </header>
      {children}
    </section>
  );
}

/** Files larger than this are not read at all: no portrait is near it, and
 * reading one would hold it in memory only for the core to refuse it (the
 * core's own limit, which it checks with the image type, is far smaller). */
const READ_AT_MOST = 8 << 20;

function Portrait({
  profile: p,
  onChange,
  error,
}: {
  profile: PersonaProfile;
  /** A new portrait as a `data:` URI, or null to take it away. */
  onChange: (portrait: string | null) => void;
  error: string | undefined;
}) {
  const picker = useRef<HTMLInputElement>(null);
  const [unread, setUnread] = useState<string | null>(null);
  const read = (file: File) => {
    if (file.size > READ_AT_MOST) {
      setUnread(`${file.name} is too large for a portrait.`);
      return;
    }
    setUnread(null);
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === "string") onChange(reader.result);
    };
    reader.onerror = () => setUnread(`${file.name} could not be read.`);
    reader.readAsDataURL(file);
  };
  return (
    <div className="portrait-box">
      {p.portrait ? (
        <img className="portrait" src={p.portrait} alt={`Portrait of ${p.name}`} />
      ) : (
        <div className="portrait portrait-initials" aria-hidden="true">
          {p.initials}
        </div>
      )}
      <input
        ref={picker}
        type="file"
        accept="image/png,image/jpeg"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) read(file);
          e.target.value = "";
        }}
      />
      <span className="portrait-actions">
        <button type="button" className="small-button" onClick={() => picker.current?.click()}>
          {p.portrait ? "Change" : "Add portrait"}
        </button>
        {p.portrait && (
          <button type="button" className="small-button" onClick={() => onChange(null)}>
            Remove
          </button>
        )}
      </span>
      {(unread ?? error) && (
        <span className="field-error" role="alert">
          {unread ?? error}
        </span>
      )}
    </div>
  );
}

function NeedRow({ need }: { need: ProfileNeed }) {
  const [best, score] = need.best ?? [null, 0];
  const verdict =
    best === null
      ? { tone: "none", text: "Nothing of ours addresses it" }
      : need.met
        ? { tone: "met", text: `Met by ${best.name} · ${score.toFixed(2)}` }
        : { tone: "short", text: `Best: ${best.name} · ${score.toFixed(2)}, not enough` };
  return (
    <li className="need">
      <div className="need-line">
        <span className="need-name">{need.name}</span>
        <span className={`need-verdict verdict-${verdict.tone}`}>{verdict.text}</span>
      </div>
      <div className="need-importance">
        <span className="bar" aria-hidden="true">
          <span className="bar-fill" style={{ width: percent(need.importance) }} />
        </span>
        <span className="muted small">Importance {need.importance.toFixed(2)}</span>
      </div>
    </li>
  );
}

/** The links the form edits: a button that opens it. */
function EditLinks({ onClick, what }: { onClick: () => void; what: string }) {
  return (
    <button
      type="button"
      className="ghost link-button"
      aria-label={`Edit links: ${what}`}
      onClick={onClick}
    >
      Edit links…
    </button>
  );
}

/**
 * A persona's whole profile on one page, every text and list editable in
 * place. Each change is one patch through the core, which checks it; the
 * page then reads the profile again (through `revision`), so that it never
 * shows what it assumes the core did.
 */
export function ProfilePage(props: Props) {
  const {
    id,
    revision,
    previous,
    next,
    position,
    backTo,
    onOpen,
    onBack,
    onEditLinks,
    onExport,
    table,
  } = props;
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});

  useEffect(() => {
    // A reply for a persona or revision the page has left is dropped.
    let live = true;
    // `revision` is read so that every change of the project reloads.
    void revision;
    loadProfile(id)
      .then((profile) => {
        if (live) setLoaded({ state: "ready", profile });
      })
      .catch((e: unknown) => {
        if (live) setLoaded({ state: "failed", id, error: toIpcError(e) });
      });
    return () => {
      live = false;
    };
  }, [id, revision]);

  const scroller = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const shownId = loaded.state === "ready" ? loaded.profile.id : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another persona is shown
  useEffect(() => {
    setFieldErrors({});
    scroller.current?.scrollTo({ top: 0 });
    // The card or panel that opened the page is gone: the page takes the
    // focus, unless the user is on a button of the page (Next, Previous).
    if (document.activeElement === null || document.activeElement === document.body) {
      article.current?.focus({ preventScroll: true });
    }
  }, [shownId]);

  // A change goes to the persona shown, never to the one being loaded in
  // its place: its lists were built from what is shown.
  const patch = usePatch(
    "persona",
    shownId === id ? shownId : null,
    loaded.state === "ready" ? loaded.profile : null,
  );

  /** Saves one field set by a control (a select, a button), its problem
   * shown beside it. */
  const setField = (field: string, value: unknown) => {
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
    patch({ [field]: value }).then((refused) =>
      setFieldErrors((e) => ({ ...e, [field]: messageAt(refused, field) })),
    );
  };

  const text =
    (field: string, optional = true): SaveText =>
    async (typed) => {
      const refused = await patch({ [field]: optional ? optionalText(typed) : typed.trim() });
      return refused === null ? null : (messageAt(refused, field) ?? refused.message);
    };

  const nav = (
    <nav className="profile-nav" aria-label="Personas">
      <button type="button" className="ghost back" onClick={onBack} aria-keyshortcuts="Escape">
        Back
      </button>
      <span className="muted small back-to">to {backTo}</span>
      <span className="nav-spacer" />
      {position && (
        <span className="muted small">
          {position.index + 1} of {position.count}
        </span>
      )}
      <button
        type="button"
        className="prev"
        disabled={previous === null}
        aria-label={previous ? `Previous: ${previous.name}` : undefined}
        aria-keyshortcuts="Alt+ArrowLeft ["
        onClick={() => previous && onOpen(previous.id)}
      >
        Previous
      </button>
      <button
        type="button"
        className="next"
        disabled={next === null}
        aria-label={next ? `Next: ${next.name}` : undefined}
        aria-keyshortcuts="Alt+ArrowRight ]"
        onClick={() => next && onOpen(next.id)}
      >
        Next
      </button>
    </nav>
  );

  const body = (p: PersonaProfile) => {
    const tone = confidenceTone(p.confidence, p.low_confidence);
    const today = todayIso();
    const links = () => onEditLinks(p.id);
    /** A section of short texts, saved as the patch field of its name. */
    const textList = (title: string, field: TextListField, noun: string, empty: string) => (
      <Section title={title} count={p[field].length}>
        <EditableList
          field={field}
          noun={noun}
          items={p[field]}
          empty={empty}
          onSave={(items) => patch({ [field]: items })}
        />
      </Section>
    );
    return (
      // Keyed by persona, so that nothing half-typed follows the user to the next one.
      <article
        className="profile-body"
        key={p.id}
        ref={article}
        tabIndex={-1}
        aria-label={`Profile of ${p.name}`}
        aria-busy={p.id !== id}
      >
        <header className="profile-head">
          <Portrait
            profile={p}
            onChange={(portrait) => setField("portrait", portrait)}
            error={fieldErrors.portrait}
          />
          <div className="profile-who">
            <h2 className="profile-name">
              <EditableText
                label="Name"
                value={p.name}
                placeholder="Name"
                onSave={text("name", false)}
              />
            </h2>
            <EditableText
              label="Job title"
              value={p.title}
              placeholder="Add a job title"
              className="profile-title"
              onSave={text("title")}
            />
            <blockquote className="profile-quote">
              <EditableText
                label="Quote"
                value={p.quote}
                placeholder="Add something they would say"
                multiline
                onSave={text("quote")}
              />
            </blockquote>
          </div>
          <div className="profile-meta">
            <span className={`confidence tone-${tone}`} title={confidenceHint(tone)}>
              {confidenceLabel(p.confidence)}
            </span>
            <div className="meta-fields">
              <label className="meta-field">
                <span>Status</span>
                <select
                  value={p.status ?? ""}
                  className={`status-select status-${p.status ?? "none"}`}
                  aria-invalid={fieldErrors.status !== undefined}
                  onChange={(e) =>
                    setField("status", e.target.value === "" ? null : e.target.value)
                  }
                >
                  <option value="">{statusLabel(null)}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="meta-field">
                <span>Priority</span>
                <select
                  value={p.priority ?? ""}
                  aria-invalid={fieldErrors.priority !== undefined}
                  onChange={(e) =>
                    setField("priority", e.target.value === "" ? null : Number(e.target.value))
                  }
                >
                  <option value="">None</option>
                  {PRIORITIES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                      {n === 5 ? " (highest)" : n === 1 ? " (lowest)" : ""}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {(fieldErrors.status || fieldErrors.priority) && (
              <span className="field-error" role="alert">
                {[fieldErrors.status, fieldErrors.priority].filter(Boolean).join("; ")}
              </span>
            )}
            <div className="reviewed">
              <span className="muted small">
                {p.last_reviewed === null
                  ? "Never reviewed"
                  : p.last_reviewed === today
                    ? "Reviewed today"
                    : `Last reviewed ${readableDate(p.last_reviewed)}`}
              </span>
              <button
                type="button"
                className="small-button"
                onClick={() => setField("last_reviewed", today)}
              >
                Mark reviewed today
              </button>
              <button type="button" className="small-button" onClick={() => onExport(p.id)}>
                Export one-pager…
              </button>
            </div>
            {fieldErrors.last_reviewed && (
              <span className="field-error" role="alert">
                {fieldErrors.last_reviewed}
              </span>
            )}
          </div>
        </header>

        <div className="profile-columns">
          <div className="profile-main">
            <Section title="About">
              <EditableText
                label="Description"
                value={p.description}
                placeholder="No description yet — add who they are and what their day looks like"
                multiline
                onSave={text("description")}
              />
            </Section>
            <div className="profile-pair">
              {textList("Goals", "goals", "goal", "No goals yet — add one.")}
              {textList(
                "Pain points",
                "pain_points",
                "pain point",
                "No pain points yet — add one.",
              )}
            </div>
            <Section
              title="Needs"
              count={p.needs.length}
              action={<EditLinks what="needs" onClick={links} />}
            >
              {p.needs.length === 0 ? (
                <p className="empty-line">No needs yet — add them with Edit links.</p>
              ) : (
                <ul className="needs">
                  {p.needs.map((n) => (
                    <NeedRow key={n.id} need={n} />
                  ))}
                </ul>
              )}
            </Section>
            <Section
              title="Products"
              count={p.products.length}
              action={<EditLinks what="products" onClick={links} />}
            >
              {p.products.length === 0 ? (
                <p className="empty-line">Not tied to any product yet.</p>
              ) : (
                <ul className="profile-products">
                  {p.products.map((prod) => (
                    <li key={prod.id}>
                      <span className="product-name">{prod.name}</span>
                      <span className="relations">
                        {prod.relations.map((r) => (
                          <span key={r} className={`tie tie-${r}`}>
                            {meaning(r)}
                          </span>
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="Connections">
              <h4 className="sub-head">Buying units</h4>
              {p.buying_units.length === 0 ? (
                <p className="empty-line">In no buying unit.</p>
              ) : (
                <ul className="plain">
                  {p.buying_units.map((u) => (
                    <li key={u.id}>
                      <span className="strong">{u.name}</span>
                      {u.role && <span className="muted"> as {u.role}</span>}
                    </li>
                  ))}
                </ul>
              )}
              <h4 className="sub-head">Relationships</h4>
              {p.relationships.length === 0 ? (
                <p className="empty-line">No relationships with other personas.</p>
              ) : (
                <ul className="plain">
                  {p.relationships.map((r) => {
                    const s = relationshipSentence(r, p.name);
                    return (
                      <li key={`${r.persona.id}-${r.kind}-${r.outgoing}`}>
                        {s.before}
                        <button
                          type="button"
                          className="link-button inline"
                          aria-label={`Open profile: ${s.other}`}
                          onClick={() => onOpen(r.persona.id)}
                        >
                          {s.other}
                        </button>
                        {s.after}
                        {r.weight !== 1 && (
                          <span className="muted small"> · weight {r.weight.toFixed(2)}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              <h4 className="sub-head">Journeys</h4>
              {p.journeys.length === 0 ? (
                <p className="empty-line">On no journey.</p>
              ) : (
                <ul className="plain">
                  {p.journeys.map((j) => (
                    <li key={j.id}>{j.name}</li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="Scenarios" count={p.scenarios.length}>
              <ScenarioList items={p.scenarios} onSave={(scenarios) => patch({ scenarios })} />
            </Section>
            <div className="profile-pair">
              {textList(
                "Channels",
                "channels",
                "channel",
                "No channels yet — add where to reach them.",
              )}
              {textList(
                "Teams",
                "used_by",
                "team",
                "No teams yet — add who works with this persona.",
              )}
            </div>
          </div>

          <aside className="profile-side" aria-label="Placement and evidence">
            <Section
              title="Placement"
              action={<EditLinks what="segments and role" onClick={links} />}
            >
              <dl className="facts">
                <div className="fact-row">
                  <dt>Market segment</dt>
                  <dd>{p.market_segment?.name ?? <span className="muted">None</span>}</dd>
                </div>
                <div className="fact-row">
                  <dt>Customer segment</dt>
                  <dd>{p.customer_segment?.name ?? <span className="muted">None</span>}</dd>
                </div>
                <div className="fact-row">
                  <dt>Buying role</dt>
                  <dd>
                    {p.buying_role ? (
                      <>
                        <span className="role">{p.buying_role.name}</span>
                        {p.buying_role.decides && <span className="decides">Decides</span>}
                      </>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </dd>
                </div>
              </dl>
            </Section>
            <Section title="Findings" count={p.findings.length}>
              <p className={`confidence-line tone-${tone}`}>
                {confidenceLabel(p.confidence)}: {confidenceHint(tone).toLowerCase()}.
              </p>
              {p.findings.length === 0 ? (
                <p className="empty-line">Nothing found about this persona.</p>
              ) : (
                <ul className="profile-findings">
                  {p.findings.map((f, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the core's order is theirs
                    <li key={i} className={`profile-finding finding-${f.kind}`}>
                      <span className="finding-kind">{findingName(f.kind)}</span>
                      <span className="finding-title">{f.title}</span>
                      <span className="finding-why">{f.why}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="Evidence" count={p.evidence.length}>
              <EvidenceList items={p.evidence} onSave={(evidence) => patch({ evidence })} />
            </Section>
            <Section title="Rules">
              <RuleEditor
                persona={p.id}
                value={p.rules}
                table={table ?? null}
                onSave={text("rules")}
              />
            </Section>
            {Object.keys(p.attributes).length > 0 && (
              <Section title="Attributes">
                <dl className="facts">
                  {Object.entries(p.attributes).map(([k, v]) => (
                    <div key={k} className="fact-row">
                      <dt>{k.replaceAll("_", " ")}</dt>
                      <dd>{typeof v === "boolean" ? (v ? "Yes" : "No") : String(v)}</dd>
                    </div>
                  ))}
                </dl>
              </Section>
            )}
          </aside>
        </div>
      </article>
    );
  };

  return (
    <div className="profile-scroll" ref={scroller}>
      <div className="profile">
        {nav}
        {loaded.state === "failed" && loaded.id === id ? (
          <div className="entities-empty" role="alert">
            <p>This persona cannot be shown: {loaded.error.message}</p>
          </div>
        ) : loaded.state === "ready" ? (
          body(loaded.profile)
        ) : (
          <p className="muted">Opening the profile…</p>
        )}
      </div>
    </div>
  );
}
