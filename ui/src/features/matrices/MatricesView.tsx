import { useCallback, useEffect, useMemo, useState } from "react";
import {
  type IpcError,
  matrices as loadMatrices,
  type Matrices,
  type NeedRow,
  type PersonaRow,
  type SegmentRow,
  toIpcError,
} from "../../ipc";
import { plural } from "../personas/format";
import { linksByColumn } from "./cells";
import { type Column, NeedTable } from "./NeedTable";
import { PersonaGrid } from "./PersonaGrid";
import { LinkPopover, ScorePopover } from "./Popover";
import { withLink, withScore } from "./patch";
import { choiceOf, choiceValue, filterPersonas, type SegmentChoice, segmentOptions } from "./rows";
import { SegmentTable } from "./SegmentTable";

type Sub = "personas" | "needs" | "segments";

const SUBS: { id: Sub; label: string }[] = [
  { id: "personas", label: "Persona × product" },
  { id: "needs", label: "Need × product" },
  { id: "segments", label: "Segment × product" },
];

/** The cell being edited and the element to return focus to. */
type Editing =
  | { kind: "link"; row: PersonaRow; product: number; anchor: HTMLElement }
  | { kind: "score"; need: NeedRow; column: Column; anchor: HTMLElement };

type Props = {
  /** Changes whenever the project's content was read again: refetch. */
  revision: number;
  onError: (error: IpcError) => void;
};

function NoProducts() {
  return (
    <div className="empty">
      <h2>No products yet</h2>
      <p>
        Add one with New product; its column then shows which personas it owns, targets, is used by
        and is evaluated by.
      </p>
    </div>
  );
}

/** The three matrices of the project, each cell a way to edit it. */
export function MatricesView({ revision, onError }: Props) {
  const [m, setM] = useState<Matrices | null>(null);
  const [sub, setSub] = useState<Sub>("personas");
  const [query, setQuery] = useState("");
  const [segment, setSegment] = useState<SegmentChoice>("any");
  const [highlight, setHighlight] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the signal to refetch
  useEffect(() => {
    let current = true;
    loadMatrices()
      .then((next) => {
        if (current) setM(next);
      })
      .catch((e: unknown) => onError(toIpcError(e)));
    return () => {
      current = false;
    };
  }, [revision, onError]);

  const personas = m?.personas;
  const shown = useMemo(
    () => (personas ? filterPersonas(personas, query, segment) : []),
    [personas, query, segment],
  );
  const openLink = useCallback(
    (row: PersonaRow, product: number, anchor: HTMLElement) =>
      setEditing({ kind: "link", row, product, anchor }),
    [],
  );
  const openScore = useCallback(
    (need: NeedRow, column: Column, anchor: HTMLElement) =>
      setEditing({ kind: "score", need, column, anchor }),
    [],
  );
  const showSegment = (s: SegmentRow, product: number) => {
    setQuery("");
    setSegment({ id: s.id });
    setHighlight(product);
    setSub("personas");
  };
  const close = () => setEditing(null);

  if (m === null) return <p className="muted">Building the matrices…</p>;

  const offering = (c: Column) =>
    (c.kind === "product" ? m.products : m.competitors)[c.index] ?? { id: "", name: "" };
  const filtered = query.trim() !== "" || segment !== "any";
  const highlighted = highlight === null ? undefined : m.products[highlight];

  return (
    <div className="matrices">
      <div className="mx-bar">
        <div className="mx-segmented" role="tablist" aria-label="Matrices">
          {SUBS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={sub === s.id}
              className={sub === s.id ? "mx-segment active" : "mx-segment"}
              onClick={() => setSub(s.id)}
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>

      {sub === "personas" &&
        (m.products.length === 0 ? (
          <NoProducts />
        ) : (
          <>
            <div className="mx-status">
              <div className="mx-filters">
                <label>
                  <span className="visually-hidden">Filter personas by name</span>
                  <input
                    type="search"
                    className="mx-query"
                    placeholder="Filter by name"
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                  />
                </label>
                <label>
                  <span className="visually-hidden">Market segment</span>
                  <select
                    className="mx-select"
                    value={choiceValue(segment)}
                    onChange={(e) => setSegment(choiceOf(e.target.value))}
                  >
                    <option value={choiceValue("any")}>All market segments</option>
                    {segmentOptions(m.segments).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p className="mx-count muted small" aria-live="polite">
                {filtered
                  ? `${shown.length.toLocaleString("en")} of ${plural(m.personas.length, "persona")}`
                  : plural(m.personas.length, "persona")}
                {highlighted && <> · {highlighted.name} marked</>}
                {(filtered || highlighted) && (
                  <button
                    type="button"
                    className="ghost small mx-clear"
                    onClick={() => {
                      setQuery("");
                      setSegment("any");
                      setHighlight(null);
                    }}
                  >
                    Clear
                  </button>
                )}
              </p>
              {!filtered && !highlighted && (
                <p className="mx-hint muted small">Click a cell to change a link.</p>
              )}
            </div>
            {shown.length === 0 ? (
              <p className="muted">No persona matches these filters.</p>
            ) : (
              <PersonaGrid
                rows={m.personas}
                shown={shown}
                products={m.products}
                highlight={highlight}
                filter={`${query}\u0000${choiceValue(segment)}`}
                onOpen={openLink}
              />
            )}
          </>
        ))}

      {sub === "needs" &&
        (m.needs.length === 0 ? (
          <div className="empty">
            <h2>No needs yet</h2>
            <p>
              Needs are what personas are trying to get done. Once the project lists some, this
              shows how well each product and competitor meets them.
            </p>
          </div>
        ) : m.products.length === 0 && m.competitors.length === 0 ? (
          <NoProducts />
        ) : (
          <NeedTable m={m} onOpen={openScore} />
        ))}

      {sub === "segments" &&
        (m.products.length === 0 ? <NoProducts /> : <SegmentTable m={m} onOpen={showSegment} />)}

      {editing?.kind === "link" &&
        (() => {
          const product = m.products[editing.product];
          if (product === undefined) return null;
          return (
            <LinkPopover
              anchor={editing.anchor}
              persona={editing.row}
              product={product}
              current={linksByColumn(editing.row.links, m.products.length)[editing.product] ?? []}
              onClose={close}
              onSaved={(relations) => {
                setM((x) => x && withLink(x, editing.row.id, editing.product, relations));
                close();
              }}
            />
          );
        })()}
      {editing?.kind === "score" && (
        <ScorePopover
          anchor={editing.anchor}
          offering={offering(editing.column)}
          need={editing.need}
          current={
            (editing.column.kind === "product" ? editing.need.products : editing.need.competitors)[
              editing.column.index
            ] ?? null
          }
          metAt={m.met_at}
          onClose={close}
          onSaved={(score) => {
            setM((x) => x && withScore(x, editing.need.id, editing.column, score));
            close();
          }}
        />
      )}
    </div>
  );
}
