import { type KeyboardEvent, type RefObject, useId, useState } from "react";
import { plural } from "../personas/format";
import { isListKey, moveActive, type SearchIndex, SHOWN_MATCHES } from "./search";

type Props = {
  index: SearchIndex;
  query: string;
  /** The personas `query` finds, in list order; null when it is blank. */
  matches: string[] | null;
  onQuery: (query: string) => void;
  /** Opens a persona's profile. */
  onOpen: (id: string) => void;
  input: RefObject<HTMLInputElement | null>;
};

/**
 * The persona search, with the first matches listed under it to jump to
 * (the ARIA combobox pattern): Up and Down choose one, Enter opens its
 * profile (the first match's when none was chosen), Escape closes the list.
 */
export function SearchBox({ index, query, matches, onQuery, onOpen, input }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-matches`;
  const optionId = (i: number) => `${id}-match-${i}`;
  const shown = (matches ?? []).slice(0, SHOWN_MATCHES);
  const expanded = open && matches !== null;
  const chosen = expanded ? shown[active] : undefined;

  const openMatch = (persona: string) => {
    setOpen(false);
    onOpen(persona);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      const persona = chosen ?? matches?.[0];
      if (persona === undefined) return;
      e.preventDefault();
      openMatch(persona);
    } else if (e.key === "Escape" && expanded) {
      // Closes the list only: the text, and the map's highlight, stay.
      e.preventDefault();
      setOpen(false);
    } else if (isListKey(e.key) && matches !== null) {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
      } else {
        setActive(moveActive(active, shown.length, e.key));
      }
    }
  };

  return (
    <div className="search">
      <label>
        <span className="visually-hidden">Search personas</span>
        <input
          ref={input}
          type="search"
          placeholder="Search personas"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={chosen === undefined ? undefined : optionId(active)}
          value={query}
          onChange={(e) => {
            performance.mark("atlas:search-typed");
            onQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={keys}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
      </label>
      {expanded && (
        <div className="search-popup">
          {shown.length === 0 ? (
            <p className="search-none muted">No persona matches “{query.trim()}”.</p>
          ) : (
            <>
              <div id={listId} className="search-matches" role="listbox" aria-label="Matches">
                {shown.map((persona, i) => {
                  const entry = index.byId.get(persona);
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the box's (aria-activedescendant)
                    <div
                      key={persona}
                      id={optionId(i)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={i === active}
                      className={i === active ? "search-match active" : "search-match"}
                      // Keeps the focus in the box, so the list stays open.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => openMatch(persona)}
                    >
                      <span className="search-match-name">{entry?.name ?? persona}</span>
                      <span className="search-match-detail">
                        {[entry?.detail, entry?.segment].filter(Boolean).join(" · ")}
                      </span>
                    </div>
                  );
                })}
              </div>
              <p className="search-foot muted">
                {matches.length > shown.length
                  ? `${plural(matches.length, "match", "matches")}: the first ${shown.length} are listed. `
                  : ""}
                ↑ ↓ choose · Enter opens the profile · Esc closes
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
