import { type ReactNode, useEffect, useId, useState } from "react";
import { type EvidenceKind, type Overlap, type TableMatch, toIpcError } from "../../ipc";
import "./data.css";
import {
  accountChoices,
  accountsSentence,
  count,
  pairRows,
  percent,
  personaRows,
  progressShare,
  sharing,
  size,
  split,
  tableLine,
  unmatchedSentence,
} from "./data";
import type { CustomerData } from "./useCustomerData";

type Props = {
  data: CustomerData;
  /** A persona's or a buying role's name from its id. */
  name: (id: string) => string;
  /** The overlap findings, to set beside pairs that share records. */
  overlaps: readonly Overlap[];
  onOpen: (persona: string) => void;
  /** Shows personas on the map, as a finding does. */
  onShow: (ids: string[]) => void;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="data-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The Data view: a table of customer records tested against every
 * persona's rules. Records are read where they are and never stored; what
 * the view shows is counts, and saving keeps only those, as evidence.
 */
export function CustomerDataView({ data, name, overlaps, onOpen, onShow }: Props) {
  const { table, found, running, error, isDemo } = data;
  return (
    <div className="data-view">
      <header className="data-head">
        <div>
          <h2>Customer data</h2>
          <p className="muted">
            Test each persona’s rules against real customer records: who fits which persona, who
            fits none, and which accounts can close. The records stay on this computer.
          </p>
        </div>
        <div className="data-head-actions">
          {isDemo && (
            <button type="button" onClick={data.demo} disabled={running !== null || data.choosing}>
              Try the demo contacts
            </button>
          )}
          <button
            type="button"
            className={table === null ? "primary" : ""}
            onClick={data.choose}
            disabled={running !== null || data.choosing}
          >
            {table === null ? "Choose a table…" : "Choose another table…"}
          </button>
        </div>
      </header>

      {error && (
        <div className="form-error data-error" role="alert">
          <strong>The table could not be matched.</strong> {error.message}
        </div>
      )}

      {table === null && !error && (
        <div className="empty data-empty">
          <h2>No table yet</h2>
          <p>
            Export contacts from your CRM, a survey or an analytics tool as CSV, TSV or an Excel
            workbook, with one column per data point the rules name (for example{" "}
            <code>department</code> or <code>company_size</code>).
          </p>
          <p className="muted">
            {isDemo
              ? "Or try the 3,000 made-up contacts that come with the demo."
              : "Nothing from the table is stored in the project unless you save the counts."}
          </p>
        </div>
      )}

      {running !== null && table !== null && (
        <Progress
          table={table.name}
          read={running.read}
          total={running.total || table.bytes}
          onCancel={data.cancel}
        />
      )}

      {table !== null && found === null && running === null && (
        <div className="data-table-bar">
          <div className="data-table-name">
            <strong>{table.name}</strong>
            <span className="muted">{size(table.bytes)} · not matched yet</span>
          </div>
          <button type="button" className="primary" onClick={() => data.match(null, null)}>
            Match
          </button>
        </div>
      )}

      {found !== null && running === null && (
        <Results
          data={data}
          found={found}
          name={name}
          overlaps={overlaps}
          onOpen={onOpen}
          onShow={onShow}
        />
      )}
    </div>
  );
}

function Progress({
  table,
  read,
  total,
  onCancel,
}: {
  table: string;
  read: number;
  total: number;
  onCancel: () => void;
}) {
  const share = progressShare(read, total);
  return (
    <div className="data-progress" aria-live="polite">
      <div className="data-progress-line">
        <span>
          Reading <strong>{table}</strong>: {size(read)} of {size(total)}
        </span>
        <span className="muted">{Math.floor(share * 100)}%</span>
      </div>
      <progress value={share} max={1} aria-label={`Reading ${table}`} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function Results({ data, found, name, overlaps, onOpen, onShow }: Props & { found: TableMatch }) {
  const { report } = found;
  const parts = split(report);
  const rows = personaRows(report);
  const pairs = pairRows(report, overlaps);
  const choices = accountChoices(report.source.columns);
  const [grouping, setGrouping] = useState<string>(data.account ?? choices[0] ?? "");
  useEffect(() => {
    if (data.account !== null) setGrouping(data.account);
  }, [data.account]);
  const groupId = useId();
  const sheetId = useId();
  const share = (n: number) => (report.records === 0 ? 0 : n / report.records);

  return (
    <>
      <div className="data-table-bar">
        <div className="data-table-name">
          <strong>{report.source.name}</strong>
          <span className="muted">{tableLine(found)}</span>
        </div>
        {found.sheets.length > 1 && (
          <label htmlFor={sheetId} className="data-inline-field">
            Sheet
            <select
              id={sheetId}
              value={found.sheet ?? ""}
              onChange={(e) => data.match(data.account, e.target.value)}
            >
              {found.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => data.match(data.account, data.sheet)}>
          Match again
        </button>
      </div>

      <ul className="data-tiles" aria-label="Records">
        <Tile label="Records" value={count(report.records)} />
        <Tile label="Fit one persona" value={count(parts.only)} note={percent(share(parts.only))} />
        <Tile
          label="Fit no persona"
          value={count(parts.none)}
          note={percent(share(parts.none))}
          tone={parts.none > 0 ? "warn" : undefined}
        />
        <Tile
          label="Fit two or more"
          value={count(parts.several)}
          note={percent(share(parts.several))}
          tone={parts.several > 0 ? "warn" : undefined}
        />
      </ul>

      <Section title="Personas">
        {rows.length === 0 ? (
          <p className="empty-line">
            No persona has rules yet. Write them on a persona’s page, under Rules.
          </p>
        ) : (
          <ul className="data-personas">
            {rows.map((row) => (
              <li key={row.match.persona}>
                <button
                  type="button"
                  className="link-button data-persona-name"
                  onClick={() => onOpen(row.match.persona)}
                >
                  {name(row.match.persona)}
                </button>
                {row.lacks.length > 0 ? (
                  <span className="data-untested">
                    Not tested: the table has no {row.lacks.join(" or ")}
                  </span>
                ) : (
                  <>
                    <span className="data-bar" aria-hidden="true">
                      <span className="data-bar-only" style={{ width: `${row.only * 100}%` }} />
                      <span className="data-bar-shared" style={{ width: `${row.shared * 100}%` }} />
                    </span>
                    <span className="data-figures">
                      <strong>{count(row.match.matched)}</strong>
                      <span>{percent(row.match.share)}</span>
                      <span className="muted">{sharing(row.match.matched, row.match.only)}</span>
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {rows.some((r) => r.lacks.length === 0 && r.match.matched > r.match.only) && (
          <p className="data-key muted">
            <span className="data-key-only" /> only this persona
            <span className="data-key-shared" /> shared with another persona
          </p>
        )}
      </Section>

      <Section title="Who no persona fits">
        <p>{unmatchedSentence(report)}</p>
        {found.unmatched_values.length > 0 && (
          <table className="data-values">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Most common among them (and among all records)</th>
              </tr>
            </thead>
            <tbody>
              {found.unmatched_values.map((c) => (
                <tr key={c.column}>
                  <th scope="row">{c.column}</th>
                  <td>
                    <ul className="data-chips">
                      {c.values.map((v) => (
                        <li
                          key={v.value}
                          className={v.share - v.overall >= 0.05 ? "data-chip over" : "data-chip"}
                        >
                          <span className="data-chip-value">{v.value}</span>
                          <span>
                            {c.error > 0 ? "about " : ""}
                            {percent(v.share)}
                          </span>
                          <span className="muted">({percent(v.overall)})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {found.unmatched_values.some((c) => c.values.some((v) => v.share - v.overall >= 0.05)) && (
          <p className="data-key muted">
            <span className="data-key-over" /> more common among them than among all records
          </p>
        )}
      </Section>

      {pairs.length > 0 && (
        <Section title="Personas that claim the same records">
          <ul className="data-pairs">
            {pairs.map((p) => (
              <li key={`${p.personas[0]} ${p.personas[1]}`}>
                <div className="data-pair-line">
                  <span>
                    <strong>{name(p.personas[0])}</strong> and{" "}
                    <strong>{name(p.personas[1])}</strong> share {count(p.shared)}{" "}
                    {p.shared === 1 ? "record" : "records"}
                    <span className="muted">
                      {" "}
                      ({percent(p.ofSmaller)} of the smaller persona’s)
                    </span>
                  </span>
                  <button type="button" className="ghost" onClick={() => onShow(p.personas)}>
                    Show on map
                  </button>
                </div>
                {p.overlap ? (
                  <p className="data-pair-finding">
                    <span className="finding-kind">Overlap finding</span> {p.overlap.why}
                  </p>
                ) : (
                  <p className="data-pair-finding muted">
                    Their profiles are not alike enough for an overlap finding: their rules may be
                    too broad.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {report.missing_columns.length > 0 && (
        <Section title="Data points the table lacks">
          <ul className="data-list">
            {report.missing_columns.map((m) => (
              <li key={m.column}>
                <code>{m.column}</code>, needed by {m.personas.map(name).join(", ")}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {report.unreadable.length > 0 && (
        <Section title="Unreadable values">
          <ul className="data-list">
            {report.unreadable.map((u) => (
              <li key={u.column}>
                <code>{u.column}</code>: {count(u.cells)} {u.cells === 1 ? "cell" : "cells"} could
                not be read as the rules read {u.cells === 1 ? "it" : "them"} (a number, a date or
                yes/no); they count as missing.
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title="Accounts">
        <div className="data-group">
          <label htmlFor={groupId} className="data-inline-field">
            Group records by
            <select id={groupId} value={grouping} onChange={(e) => setGrouping(e.target.value)}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={grouping === "" || grouping === report.accounts?.column}
            onClick={() => data.match(grouping, data.sheet)}
          >
            Group
          </button>
        </div>
        {report.accounts ? (
          <>
            <p>{accountsSentence(report)}</p>
            {report.accounts.missing_roles.length > 0 && (
              <ul className="data-roles">
                {report.accounts.missing_roles.map((r) => {
                  const total = report.accounts?.total ?? 0;
                  const lacking = total === 0 ? 0 : r.accounts / total;
                  return (
                    <li key={r.role}>
                      <span className="data-role-name">{name(r.role)}</span>
                      <span className="data-bar" aria-hidden="true">
                        <span className="data-bar-missing" style={{ width: `${lacking * 100}%` }} />
                      </span>
                      <span className="data-figures">
                        missing in <strong>{count(r.accounts)}</strong> ({percent(lacking)})
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        ) : (
          <p className="muted">
            Group the records by the column that names their company to see which accounts have a
            record in every required buying role.
          </p>
        )}
      </Section>

      <SaveBar data={data} />
    </>
  );
}

function Tile({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: string;
  note?: string;
  tone?: "warn" | undefined;
}) {
  return (
    <li className={tone ? `data-tile ${tone}` : "data-tile"}>
      <span className="data-tile-label">{label}</span>
      <span className="data-tile-value">{value}</span>
      {note && <span className="data-tile-note">{note}</span>}
    </li>
  );
}

/** Saves the match's counts as evidence on every persona with a rule. */
function SaveBar({ data }: { data: CustomerData }) {
  const [kind, setKind] = useState<EvidenceKind>("crm");
  const [state, setState] = useState<
    { s: "idle" } | { s: "saving" } | { s: "saved"; n: number } | { s: "failed"; why: string }
  >({ s: "idle" });
  const kindId = useId();
  const tested = data.found?.report.personas.length ?? 0;
  const save = () => {
    setState({ s: "saving" });
    data
      .save(kind)
      .then(() => setState({ s: "saved", n: tested }))
      .catch((e: unknown) => setState({ s: "failed", why: toIpcError(e).message }));
  };
  if (tested === 0) return null;
  return (
    <footer className="data-save">
      <div>
        <strong>Save the counts as evidence</strong>
        <p className="muted">
          Each persona with rules gets its figures, the table’s name, size and fingerprint, and
          today’s date. No record is stored in the project.
        </p>
        {state.s === "saved" && (
          <p className="data-saved" role="status">
            Saved on {count(state.n)} {state.n === 1 ? "persona" : "personas"}. Undo takes it back.
          </p>
        )}
        {state.s === "failed" && (
          <p className="form-error" role="alert">
            {state.why}
          </p>
        )}
      </div>
      <div className="data-save-actions">
        <label htmlFor={kindId} className="data-inline-field">
          Source
          <select
            id={kindId}
            value={kind}
            onChange={(e) => setKind(e.target.value === "analytics" ? "analytics" : "crm")}
          >
            <option value="crm">CRM</option>
            <option value="analytics">Analytics</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={save} disabled={state.s === "saving"}>
          {state.s === "saving" ? "Saving…" : "Save as evidence"}
        </button>
      </div>
    </footer>
  );
}
