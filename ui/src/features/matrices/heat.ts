// Heat-map tones. A tone is a class name, not a colour: the colours live in
// styles.css as variables, so that light and dark mode each get a scale that
// keeps the number in the cell readable.

/** How many tones each side of the "meets" line has. */
const STEPS = 3;

/**
 * The tone of a score cell. Blue cells meet the need (score ≥ `metAt`),
 * orange ones address it but fall short; both deepen with the distance from
 * the line, so that a near miss looks close to a bare pass. Blue and orange
 * stay apart for the common kinds of colour blindness.
 */
export function scoreTone(score: number | null, metAt: number): string {
  if (score === null) return "tone-none";
  if (score >= metAt) {
    const room = 1 - metAt;
    const level = room <= 0 ? STEPS : 1 + Math.floor(((score - metAt) / room) * STEPS);
    return `tone-meets-${Math.min(level, STEPS)}`;
  }
  const level = metAt <= 0 ? STEPS : 1 + Math.floor(((metAt - score) / metAt) * STEPS);
  return `tone-short-${Math.min(level, STEPS)}`;
}

/** The tone of a coverage cell: five steps of blue from 0 to 100 %. */
export function coverageTone(share: number): string {
  if (!(share > 0)) return "cover-0";
  return `cover-${Math.min(5, 1 + Math.floor(share * 5))}`;
}
