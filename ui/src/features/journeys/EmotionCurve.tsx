import type { StageView } from "../../ipc";
import { emotionCurve, emotionLabel } from "./journeys";

/** The curve's height; the points keep this far from its edges. */
const HEIGHT = 64;
const PAD = 8;

const top = (y: number) => PAD + (1 - y) * (HEIGHT - 2 * PAD);
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

/**
 * How the personas feel across the stages, as one line over the stage
 * columns: x is the middle of each column (the columns are of equal
 * width), so percentages place the points and the line stays in step with
 * the grid at any width. A stage with no emotion is a gap in the line.
 */
export function EmotionCurve({ stages }: { stages: readonly StageView[] }) {
  const { points, segments } = emotionCurve(stages);
  const described = stages.map((s) => `${s.name}: ${emotionLabel(s.emotion)}`).join(", ");
  return (
    <svg
      className="jr-curve"
      width="100%"
      height={HEIGHT}
      role="img"
      aria-label={`Emotion by stage — ${described}`}
    >
      <line className="jr-curve-zero" x1="0" x2="100%" y1={top(0.5)} y2={top(0.5)} />
      {/* The scale, at the left where no stage's point falls. */}
      {(
        [
          [1, "+2"],
          [0.5, "0"],
          [0, "−2"],
        ] as const
      ).map(([y, label]) => (
        <text key={label} className="jr-curve-scale" x={6} y={top(y)} dominantBaseline="middle">
          {label}
        </text>
      ))}
      {segments.map(([a, b]) => (
        <line
          key={a.stage}
          className="jr-curve-line"
          x1={pct(a.x)}
          y1={top(a.y)}
          x2={pct(b.x)}
          y2={top(b.y)}
        />
      ))}
      {points.map((p) => {
        const e = stages[p.stage]?.emotion ?? 0;
        const tone = e > 0 ? "up" : e < 0 ? "down" : "flat";
        return (
          <circle
            key={p.stage}
            className={`jr-curve-point jr-${tone}`}
            cx={pct(p.x)}
            cy={top(p.y)}
            r={5}
          />
        );
      })}
    </svg>
  );
}
