import { memo, useEffect, useRef, useState } from "react";
import type { PersonaCard, SegmentGroup } from "../../ipc";
import { confidenceHint, confidenceLabel, confidenceTone } from "../../shared/confidence";
import {
  groupTitle,
  personaSubtitle,
  plural,
  relationLabel,
  splitTies,
  statusLabel,
} from "./format";

/** What a card offers to do with its persona. */
export type CardActions = {
  onOpen: (id: string) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
};

/** A persona's card; drawn again only when its persona or the actions
 * change, so that a search redraws the cards it adds, not every card. */
const Card = memo(function Card({
  persona,
  actions,
}: {
  persona: PersonaCard;
  actions: CardActions;
}) {
  const subtitle = personaSubtitle(persona);
  const { owners, others } = splitTies(persona);
  const tone = confidenceTone(persona.confidence, persona.low_confidence);
  return (
    <li className="persona" data-persona-id={persona.id}>
      <div className="persona-head">
        <h3 className="persona-name">
          <button
            type="button"
            className="link-button"
            aria-label={`Open profile: ${persona.name}`}
            onClick={() => actions.onOpen(persona.id)}
          >
            {persona.name}
          </button>
        </h3>
        <span className={`status status-${persona.status ?? "none"}`}>
          {statusLabel(persona.status)}
        </span>
      </div>
      {subtitle && <p className="persona-sub">{subtitle}</p>}
      <p className="persona-role">
        {persona.role ? (
          <>
            <span className="role">{persona.role}</span>
            {persona.decides && <span className="decides">Decides</span>}
          </>
        ) : (
          <span className="muted">No buying role</span>
        )}
      </p>
      {owners.length > 0 && <p className="owners small">Written by the {owners.join(", ")} team</p>}
      {others.length > 0 && (
        <ul className="ties" aria-label="Products">
          {others.map((tie) => (
            <li key={`${tie.id}-${tie.relation}`} className={`tie tie-${tie.relation}`}>
              <span className="tie-relation">{relationLabel(tie.relation)}</span>{" "}
              <span className="tie-name">{tie.name}</span>
            </li>
          ))}
        </ul>
      )}
      {persona.products.length === 0 && <p className="muted small">Not tied to any product</p>}
      <div className="card-actions">
        <span className={`confidence tone-${tone}`} title={confidenceHint(tone)}>
          {confidenceLabel(persona.confidence)}
        </span>
        <button type="button" className="ghost" onClick={() => actions.onEdit(persona.id)}>
          Edit
        </button>
        <DeleteButton onConfirm={() => actions.onDelete(persona.id)} />
      </div>
    </li>
  );
});

/** Deletes only on a second, explicit click. `what` names the thing to a
 * screen reader, where many Delete buttons would otherwise sound alike. */
export function DeleteButton({ what, onConfirm }: { what?: string; onConfirm: () => void }) {
  const [armed, setArmed] = useState(false);
  const named = (action: string) => (what === undefined ? undefined : `${action} ${what}`);
  // The button pressed is replaced by the other step: the focus follows,
  // or a keyboard user would be sent back to the top of the page.
  const pressed = useRef(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!pressed.current) return;
    pressed.current = false;
    (armed ? confirm : start).current?.focus();
  }, [armed]);
  const arm = (on: boolean) => {
    pressed.current = true;
    setArmed(on);
  };
  return armed ? (
    <span className="confirm">
      <button
        ref={confirm}
        type="button"
        className="danger"
        aria-label={named("Delete for good:")}
        onClick={onConfirm}
      >
        Delete for good
      </button>
      <button type="button" className="ghost" aria-label={named("Keep")} onClick={() => arm(false)}>
        Keep
      </button>
    </span>
  ) : (
    <button
      ref={start}
      type="button"
      className="ghost"
      aria-label={named("Delete")}
      onClick={() => arm(true)}
    >
      Delete
    </button>
  );
}

/** How many cards a group shows before "Show more". */
export const CARDS_PAGE = 48;

/**
 * A segment's personas, a page of cards at a time: a 2,000-persona portfolio
 * took seconds to put every card on the page at once.
 */
function Group({ group, actions }: { group: SegmentGroup; actions: CardActions }) {
  const title = groupTitle(group);
  const [limit, setLimit] = useState(CARDS_PAGE);
  const hidden = group.personas.length - limit;
  return (
    <section className="group" aria-label={title}>
      <header className="group-head">
        <h2>{title}</h2>
        <span className="count">{plural(group.personas.length, "persona")}</span>
      </header>
      {group.segment?.description && <p className="group-desc">{group.segment.description}</p>}
      {group.personas.length > 0 ? (
        <>
          <ul className="personas">
            {group.personas.slice(0, limit).map((p) => (
              <Card key={p.id} persona={p} actions={actions} />
            ))}
          </ul>
          {hidden > 0 && (
            <button
              type="button"
              className="ghost more"
              onClick={() => setLimit(limit + CARDS_PAGE)}
            >
              Show {Math.min(CARDS_PAGE, hidden)} more of {hidden}
            </button>
          )}
        </>
      ) : (
        <p className="empty-group">
          No personas in this segment yet. Nobody here is being designed for: a gap worth a look.
        </p>
      )}
    </section>
  );
}

/** The personas of a project, grouped by market segment. */
export const PersonaList = memo(function PersonaList({
  groups,
  actions,
}: {
  groups: SegmentGroup[];
  actions: CardActions;
}) {
  return (
    <div className="groups">
      {groups.map((g) => (
        <Group key={g.segment?.id ?? "none"} group={g} actions={actions} />
      ))}
    </div>
  );
});
