import { Fragment, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import {
  type Catalog,
  type Changed,
  type Counts,
  type EntityKind,
  edit,
  entities,
  type Insights,
  catalog as loadCatalog,
  type RelationshipChoice,
  toIpcError,
} from "../../ipc";
import { BuyingRoleEditor } from "../editing/BuyingRoleEditor";
import { BuyingUnitEditor } from "../editing/BuyingUnitEditor";
import { CompetitorEditor } from "../editing/CompetitorEditor";
import { CustomerSegmentEditor } from "../editing/CustomerSegmentEditor";
import { MarketSegmentEditor } from "../editing/MarketSegmentEditor";
import { NeedEditor } from "../editing/NeedEditor";
import { ProductEditor } from "../editing/ProductEditor";
import { RelationshipEditor } from "../editing/RelationshipEditor";
import { unrelate } from "../editing/relationshipForm";
import { namer } from "../insights/names";
import { DeleteButton } from "../personas/PersonaList";
import { byId, DETAILED, KINDS, type Listed, type Row, rows, tally } from "./facts";

type Props = {
  insights: Insights | null;
  counts: Counts;
  /** Changes whenever the project's content was read again: refetch then. */
  revision: number;
  /** Ids already used in the project, so that new entities get free ones. */
  taken: Set<string>;
  /** Runs an edit, records it in the history and reloads. */
  change: (work: () => Promise<Changed>) => void;
  /** Called when a form closes, saved or not. */
  onEdited: (saved: boolean) => void;
};

/** The form that is open: an entity's (id null for a new one) or a
 * relationship's (null for a new one). */
type Open =
  | { kind: Exclude<Listed, "relationship">; id: string | null }
  | { kind: "relationship"; existing: RelationshipChoice | null };

/**
 * The entities of `kind` read in one call, for the kinds whose facts are
 * not on the map, with what went wrong if they could not be read.
 */
function useDetails(kind: Listed, revision: number) {
  const [details, setDetails] = useState<ReadonlyMap<string, Record<string, unknown>>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision means new content
  useEffect(() => {
    setFailure(null);
    if (!DETAILED.has(kind) || kind === "relationship") return;
    let live = true;
    entities(kind)
      .then((list) => {
        if (live) setDetails(byId(list));
      })
      .catch((e: unknown) => {
        if (live) setFailure(toIpcError(e).message);
      });
    return () => {
      live = false;
    };
  }, [kind, revision]);
  return { details, failure };
}

function Editor({
  open,
  taken,
  onDone,
}: {
  open: Open;
  taken: Set<string>;
  onDone: (saved: boolean) => void;
}) {
  if (open.kind === "relationship") {
    return (
      <RelationshipEditor
        {...(open.existing === null ? {} : { existing: open.existing })}
        onDone={onDone}
      />
    );
  }
  const props = { id: open.id, taken, onDone };
  switch (open.kind) {
    case "market_segment":
      return <MarketSegmentEditor {...props} />;
    case "customer_segment":
      return <CustomerSegmentEditor {...props} />;
    case "buying_role":
      return <BuyingRoleEditor {...props} />;
    case "need":
      return <NeedEditor {...props} />;
    case "product":
      return <ProductEditor {...props} />;
    case "competitor":
      return <CompetitorEditor {...props} />;
    case "buying_unit":
      return <BuyingUnitEditor {...props} />;
  }
}

/** A row of the table: the name, the key facts, Edit and Delete. */
export function EntityRow({
  row,
  onEdit,
  onDelete,
}: {
  row: Row;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <tr data-id={row.key}>
      <th scope="row">
        <span className="entity-name">{row.name}</span>
        {row.description && <span className="entity-desc">{row.description}</span>}
      </th>
      <td className="entity-facts">
        {/* The line breaks between two facts, after the dot that parts
            them (which ends the fact before it, so it never starts a line). */}
        {row.facts.map((f, i) => (
          <Fragment key={f}>
            {i > 0 && " "}
            <span className="fact">{i < row.facts.length - 1 ? `${f}\u00a0·` : f}</span>
          </Fragment>
        ))}
      </td>
      <td className="row-actions">
        <button type="button" className="ghost" aria-label={`Edit ${row.label}`} onClick={onEdit}>
          Edit
        </button>
        <DeleteButton what={row.label} onConfirm={onDelete} />
      </td>
    </tr>
  );
}

/**
 * Everything in the portfolio but the personas: segments, roles, needs,
 * products, competitors, buying units and the relationships between
 * personas, a kind at a time, each with its key facts and a way to add,
 * edit and delete.
 */
export function PortfolioView({ insights, counts, revision, taken, change, onEdited }: Props) {
  const [kind, setKind] = useState<Listed>("market_segment");
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision means new content
  useEffect(() => {
    let live = true;
    loadCatalog()
      .then((c) => {
        if (live) setCatalog(c);
      })
      .catch((e: unknown) => {
        if (live) setFailure(toIpcError(e).message);
      });
    return () => {
      live = false;
    };
  }, [revision]);

  const { details, failure: unread } = useDetails(kind, revision);
  const counted = useMemo(() => (insights ? tally(insights.map) : null), [insights]);
  const name = useMemo(() => (insights ? namer(insights.map) : null), [insights]);
  const shown = useMemo(
    () =>
      catalog && insights && counted && name
        ? rows(kind, {
            catalog,
            analysis: insights.analysis,
            tally: counted,
            details,
            name,
          })
        : null,
    [kind, catalog, insights, counted, name, details],
  );

  const current = KINDS.find((k) => k.id === kind) ?? KINDS[0];
  const done = (saved: boolean) => {
    setOpen(null);
    onEdited(saved);
  };
  const editRow = (row: Row) => {
    if (kind !== "relationship") setOpen({ kind, id: row.key });
    else if (row.relationship) setOpen({ kind, existing: row.relationship });
  };
  const remove = (row: Row) => {
    if (kind !== "relationship") {
      const k: EntityKind = kind;
      change(() => edit({ op: "delete", kind: k, id: row.key }));
    } else if (row.relationship) {
      const gone = unrelate(row.relationship);
      change(() => edit(gone));
    }
  };
  // Up and Down move through the kinds, as in a list box.
  const step = (e: KeyboardEvent, i: number) => {
    const next = e.key === "ArrowDown" ? i + 1 : e.key === "ArrowUp" ? i - 1 : null;
    const to = next === null ? undefined : KINDS[(next + KINDS.length) % KINDS.length];
    if (next === null || to === undefined) return;
    e.preventDefault();
    setKind(to.id);
    buttons.current[(next + KINDS.length) % KINDS.length]?.focus();
  };

  return (
    <div className="portfolio">
      <nav className="kinds" aria-label="Kinds of entity">
        <ul>
          {KINDS.map((k, i) => (
            <li key={k.id}>
              <button
                type="button"
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                className={k.id === kind ? "kind active" : "kind"}
                aria-current={k.id === kind ? "true" : undefined}
                onClick={() => setKind(k.id)}
                onKeyDown={(e) => step(e, i)}
              >
                <span>{k.label}</span>
                <span className="badge">{counts[k.count].toLocaleString("en")}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="entities" aria-label={current?.label}>
        <header className="entities-head">
          <h2 className="entities-title">{current?.label}</h2>
          <button
            type="button"
            className="primary"
            onClick={() =>
              setOpen(kind === "relationship" ? { kind, existing: null } : { kind, id: null })
            }
          >
            New {current?.one}
          </button>
        </header>
        {(failure ?? unread) && (
          <p className="form-error" role="alert">
            {failure ?? unread}
          </p>
        )}
        {shown === null ? (
          !failure && <p className="muted">Reading the portfolio…</p>
        ) : shown.length === 0 ? (
          <p className="entities-empty">{current?.empty}</p>
        ) : (
          <div className="scroll">
            <table className="entity-table">
              <thead>
                <tr>
                  <th scope="col">{kind === "relationship" ? "Who → whom" : "Name"}</th>
                  <th scope="col">Key facts</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <EntityRow
                    key={row.key}
                    row={row}
                    onEdit={() => editRow(row)}
                    onDelete={() => remove(row)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {open && <Editor open={open} taken={taken} onDone={done} />}
    </div>
  );
}
