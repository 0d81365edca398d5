// The paper size a printed document defaults to, from the user's language
// tag: US Letter where it is the norm, A4 everywhere else.
import type { Paper } from "../ipc";

/** Regions that print on US Letter. */
const LETTER = new Set(["US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "SV"]);

/** The paper for a language tag such as "en-US" or "de-DE"; A4 when the tag
 * names no region. */
export function paperFor(language: string): Paper {
  const region = language
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part));
  return region !== undefined && LETTER.has(region.toUpperCase()) ? "letter" : "a4";
}
