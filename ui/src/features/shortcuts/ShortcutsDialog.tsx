import { useId, useState } from "react";
import { TransferDialog } from "../transfer/TransferDialog";
import {
  type Combo,
  comboLabel,
  findShortcuts,
  keyCap,
  onMac,
  SHORTCUTS,
  type Shortcut,
} from "./shortcuts";
import "./shortcuts.css";

export type ShortcutsDialogProps = {
  /** Close, or Escape. */
  onClose: () => void;
  /** Writes Ctrl as ⌘; found from the browser unless told. */
  mac?: boolean;
};

function runsOnMac(): boolean {
  return typeof navigator !== "undefined" && onMac(navigator.platform || navigator.userAgent);
}

/** A key combination as key caps: <kbd><kbd>Ctrl</kbd>+<kbd>Z</kbd></kbd>,
 * as HTML writes one. */
export function KeyCombo({ combo, mac }: { combo: Combo; mac: boolean }) {
  return (
    <kbd className="sc-combo" title={comboLabel(combo, mac)}>
      {combo.map((key, i) => (
        <span key={key}>
          {i > 0 && <span className="sc-plus">+</span>}
          <kbd className="sc-key">{keyCap(key, mac)}</kbd>
        </span>
      ))}
    </kbd>
  );
}

function Keys({ shortcut, mac }: { shortcut: Shortcut; mac: boolean }) {
  return (
    <>
      {shortcut.keys.map((combo, i) => (
        <span key={combo.join("+")} className="sc-alt">
          {i > 0 && <span className="sc-or">or</span>}
          <KeyCombo combo={combo} mac={mac} />
        </span>
      ))}
    </>
  );
}

/** Help › Keyboard Shortcuts (F1): every shortcut, by where it works, with
 * a box to find one by what it does or by its keys. */
export function ShortcutsDialog({ onClose, mac = runsOnMac() }: ShortcutsDialogProps) {
  const [query, setQuery] = useState("");
  const findId = useId();
  const groups = findShortcuts(SHORTCUTS, query, mac);
  return (
    <TransferDialog
      title="Keyboard shortcuts"
      subtitle={
        mac
          ? "The menu's keys work everywhere; the others where their heading says."
          : "The menu's keys work everywhere; the others where their heading says. On a Mac, Ctrl is ⌘."
      }
      wide
      busy={false}
      failure={null}
      bodyLabel="The keyboard shortcuts"
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <label className="sc-find" htmlFor={findId}>
        <span className="visually-hidden">Find a shortcut</span>
        <input
          id={findId}
          type="search"
          data-autofocus
          placeholder="Find a shortcut: what it does, or its keys"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {groups.length === 0 ? (
        <p className="muted" role="status">
          No shortcut matches “{query.trim()}”.
        </p>
      ) : (
        <div className="sc-groups">
          {groups.map((group) => (
            <section key={group.title} className="sc-group" aria-label={group.title}>
              <h3 className="tr-section-head">{group.title}</h3>
              <table className="sc-table">
                <tbody>
                  {group.items.map((s) => (
                    <tr key={s.what}>
                      <th scope="row" className="sc-keys">
                        <Keys shortcut={s} mac={mac} />
                      </th>
                      <td className="sc-what">{s.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </TransferDialog>
  );
}
