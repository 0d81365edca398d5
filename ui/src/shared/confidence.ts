// How a persona's confidence is shown, on its card and on its page. The
// confidence itself (0..1) is the core's; this only says how to colour it.

/** The three colours of a confidence: rests on nothing, too little to act
 * on, or enough. */
export type ConfidenceTone = "none" | "low" | "sound";

/** The colour of a confidence; `low` is the core's verdict on it (the
 * card's and the profile's `low_confidence`). */
export function confidenceTone(confidence: number, low: boolean): ConfidenceTone {
  if (confidence <= 0) return "none";
  return low ? "low" : "sound";
}

/** "Confidence 0.46": two decimals, as the core's reports write scores. */
export function confidenceLabel(confidence: number): string {
  return `Confidence ${confidence.toFixed(2)}`;
}

/** What the badge's tooltip says about each colour. */
export function confidenceHint(tone: ConfidenceTone): string {
  switch (tone) {
    case "none":
      return "Rests on no evidence";
    case "low":
      return "Rests on too little evidence to act on";
    case "sound":
      return "Rests on enough evidence to act on";
  }
}
