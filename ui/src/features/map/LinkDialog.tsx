import { type FormEvent, useEffect, useRef, useState } from "react";
import { type Changed, edit, entity, type ProductRelation, toIpcError } from "../../ipc";
import { meaning, RELATIONS } from "../../shared/relations";
import { importanceOf, parseImportance, relationsTo } from "./linkDraft";
import type { LinkTarget } from "./MapCanvas";

type Props = {
  link: LinkTarget;
  name: (id: string) => string;
  /** Closed: with the history after the edit, or null when cancelled. */
  /** Called with the reply of the saved edit, or null when cancelled. */
  onDone: (change: Changed | null) => void;
};

/**
 * What a link dragged on the map means: how the persona relates to the
 * product, or how much the need matters to it. Saved as one edit.
 */
export function LinkDialog({ link, name, onDone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [relations, setRelations] = useState<ProductRelation[] | null>(null);
  const [importance, setImportance] = useState("0.8");
  const [had, setHad] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    entity("persona", link.persona)
      .then((p) => {
        if (link.kind === "product") {
          const now = relationsTo(p, link.target);
          setHad(now.length > 0);
          setRelations(now.length > 0 ? now : ["targets"]);
        } else {
          const now = importanceOf(p, link.target);
          setHad(now !== null);
          if (now !== null) setImportance(String(now));
          setRelations([]);
        }
      })
      .catch((e: unknown) => setError(toIpcError(e).message));
  }, [link]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    let work: Promise<Changed>;
    if (link.kind === "product") {
      work = edit({
        op: "link_product",
        persona: link.persona,
        product: link.target,
        relations: relations ?? [],
      });
    } else {
      const v = parseImportance(importance);
      if (typeof v === "string") {
        setError(v);
        return;
      }
      work = edit({ op: "link_need", persona: link.persona, need: link.target, importance: v });
    }
    setBusy(true);
    work
      .then(onDone)
      .catch((err: unknown) => setError(toIpcError(err).message))
      .finally(() => setBusy(false));
  };

  const title =
    link.kind === "product"
      ? `${name(link.persona)} and ${name(link.target)}`
      : `${name(link.persona)} needs ${name(link.target)}`;
  return (
    <dialog
      ref={dialog}
      className="editor link-dialog"
      aria-label="Link"
      onCancel={() => onDone(null)}
    >
      <form onSubmit={save}>
        <h2>{title}</h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {relations === null ? (
          !error && <p className="muted">Loading…</p>
        ) : link.kind === "product" ? (
          <fieldset>
            <legend>How does the persona relate to the product?</legend>
            {RELATIONS.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={relations.includes(r)}
                  onChange={(e) =>
                    setRelations(
                      e.target.checked ? [...relations, r] : relations.filter((x) => x !== r),
                    )
                  }
                />
                <span>{meaning(r)}</span>
              </label>
            ))}
            {had && relations.length === 0 && (
              <p className="muted small">Saving with nothing ticked unlinks them.</p>
            )}
          </fieldset>
        ) : (
          <label className="field">
            <span>How much does it matter to them? (0–1, 1 = most)</span>
            <input
              value={importance}
              onChange={(e) => setImportance(e.target.value)}
              aria-label="Importance (0–1)"
            />
          </label>
        )}
        <div className="actions end">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={
              busy ||
              relations === null ||
              (!had && relations.length === 0 && link.kind === "product")
            }
          >
            {busy ? "Saving…" : had ? "Save" : "Link"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
