import { describe, expect, it } from "vitest";
import { estimateWidth, type Frame, framedSvg, isDark, layoutFrame, MARKS, PAD } from "./frame";

const frame: Frame = {
  title: "Lanternfold <portfolio> & co",
  subtitle: "Persona map · 21 personas · 3 December 2026",
  colours: [
    ["Ambitious innovators", "#4c78a8"],
    ["Overstretched firefighters", "#f58518"],
    ["None", "#9aa3b2"],
  ],
};

describe("a framed map picture", () => {
  it("lays the colour key out in rows that fit the width", () => {
    const wide = layoutFrame(frame, 1200, estimateWidth);
    expect(new Set(wide.keys.map((k) => k.y)).size).toBe(1);
    const narrow = layoutFrame(frame, 260, estimateWidth);
    expect(new Set(narrow.keys.map((k) => k.y)).size).toBe(3);
    expect(narrow.bottom).toBeGreaterThan(wide.bottom);
    for (const k of narrow.keys) expect(k.x).toBe(PAD);
  });

  it("puts the title, the date, the map moved down and the key in one SVG", () => {
    const map =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect/></svg>';
    const svg = framedSvg(map, 800, 500, "#ffffff", frame);
    const layout = layoutFrame(frame, 800, estimateWidth);
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg.match(/<\?xml/g)).toHaveLength(1);
    expect(svg).toContain(`height="${layout.top + 500 + layout.bottom}"`);
    expect(svg).toContain(`<svg x="0" y="${layout.top}" xmlns=`);
    expect(svg).toContain("Lanternfold &lt;portfolio&gt; &amp; co");
    expect(svg).toContain("3 December 2026");
    expect(svg).toContain("Overstretched firefighters");
    expect(svg).toContain('fill="#f58518"');
    expect(svg).toContain(MARKS.split(" · ")[0]);
  });

  it("draws light ink on a dark map and dark ink on a light one", () => {
    expect(isDark("#14171c")).toBe(true);
    expect(isDark("rgb(245, 246, 248)")).toBe(false);
    expect(framedSvg("<svg></svg>", 400, 300, "#14171c", frame)).toContain("#e6e9ef");
  });
});
