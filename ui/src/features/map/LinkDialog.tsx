import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  type Changed,
  catalog,
  edit,
  entity,
  type ProductRelation,
  type RelationshipChoice,
  type RelationshipKind,
  toIpcError,
} from "../../ipc";
import { meaning, RELATIONS } from "../../shared/relations";
import { RELATIONSHIP_KINDS } from "../editing/relationshipForm";
import {
  importanceOf,
  parseImportance,
  parseWeight,
  relationshipSentence,
  relationshipStart,
  relationshipsBetween,
  relationsTo,
} from "./linkDraft";
import type { LinkTarget } from "./MapCanvas";

type Props = {
  link: LinkTarget;
  name: (id: string) => string;
  /** Called with the reply of the saved edit, or null when cancelled. */
  onDone: (change: Changed | null) => void;
};

/**
 * What a link dragged on the map means: how the persona relates to the
 * product, how much the need matters to it, or how it acts on the other
 * persona. Saved as one edit.
 */
export function LinkDialog({ link, name, onDone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [relations, setRelations] = useState<ProductRelation[] | null>(null);
  const [importance, setImportance] = useState("0.8");
  const [had, setHad] = useState(false);
  // Between two personas: who acts on whom (the dragged one first, until
  // swapped), how, how strongly, and how the two already relate.
  const [pair, setPair] = useState({ from: link.persona, to: link.target });
  const [kind, setKind] = useState<RelationshipKind>("influences");
  const [weight, setWeight] = useState("1");
  const [known, setKnown] = useState<RelationshipChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    if (link.kind === "persona") {
      catalog()
        .then((c) => {
          const between = relationshipsBetween(c.relationships, link.persona, link.target);
          const start = relationshipStart(between, link.persona, link.target);
          setPair({ from: link.persona, to: link.target });
          setKind(start.kind);
          setWeight(start.weight);
          setKnown(between);
        })
        .catch((e: unknown) => setError(toIpcError(e).message));
      return;
    }
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

  /** The relationship of this kind the pair already has, if any. */
  const existing = (of: { from: string; to: string }, k: RelationshipKind) =>
    known?.find((r) => r.from === of.from && r.to === of.to && r.kind === k);
  const choose = (of: { from: string; to: string }, k: RelationshipKind) => {
    setPair(of);
    setKind(k);
    const was = existing(of, k);
    if (was) setWeight(String(was.weight));
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    let work: Promise<Changed>;
    if (link.kind === "persona") {
      const v = parseWeight(weight);
      if (typeof v === "string") {
        setError(v);
        return;
      }
      work = edit({ op: "relate", from: pair.from, to: pair.to, kind, weight: v });
    } else if (link.kind === "product") {
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
    link.kind === "need"
      ? `${name(link.persona)} needs ${name(link.target)}`
      : `${name(link.persona)} and ${name(link.target)}`;
  const loaded = link.kind === "persona" ? known !== null : relations !== null;
  const saved = link.kind === "persona" ? existing(pair, kind) !== undefined : had;
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
        {!loaded ? (
          !error && <p className="muted">Loading…</p>
        ) : link.kind === "persona" ? (
          <>
            <fieldset>
              <legend>How does one act on the other?</legend>
              {[
                { from: link.persona, to: link.target },
                { from: link.target, to: link.persona },
              ].flatMap((of) =>
                RELATIONSHIP_KINDS.map(([k]) => (
                  <label key={`${of.from}>${k}`} className="check">
                    <input
                      type="radio"
                      name="relationship"
                      checked={pair.from === of.from && kind === k}
                      onChange={() => choose(of, k)}
                    />
                    <span>
                      {relationshipSentence({ ...of, kind: k }, name)}
                      {existing(of, k) && <span className="muted small"> · already</span>}
                    </span>
                  </label>
                )),
              )}
            </fieldset>
            <label className="field">
              <span>How strongly? (0–1, 1 = as strong as it gets)</span>
              <input
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
                aria-label="Weight (0–1)"
              />
            </label>
          </>
        ) : link.kind === "product" && relations !== null ? (
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
              !loaded ||
              (!had && relations !== null && relations.length === 0 && link.kind === "product")
            }
          >
            {busy ? "Saving…" : saved ? "Save" : "Link"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
