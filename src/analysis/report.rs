//! The analysis as a report for people: plain text for a terminal, Markdown
//! for a deck. JSON is the [`Analysis`] itself, serialised.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::text::{percent, score};
use super::{Analysis, HealthProblem};
use crate::model::Project;

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text for a terminal.
    Text,
    /// Markdown that pastes into a deck.
    Markdown,
}

struct Writer {
    style: Style,
    out: String,
}

impl Writer {
    fn title(&mut self, s: &str) {
        match self.style {
            Style::Text => {
                let _ = writeln!(self.out, "{s}\n{}", "=".repeat(s.chars().count()));
            }
            Style::Markdown => {
                let _ = writeln!(self.out, "# {s}");
            }
        }
    }

    fn section(&mut self, s: &str, n: usize) {
        match self.style {
            Style::Text => {
                let head = format!("{s} ({n})");
                let _ = writeln!(self.out, "\n{head}\n{}", "-".repeat(head.chars().count()));
            }
            Style::Markdown => {
                let _ = writeln!(self.out, "\n## {s} ({n})\n");
            }
        }
        if n == 0 {
            self.line("None found.");
        }
    }

    fn item(&mut self, head: &str, why: &str) {
        match self.style {
            Style::Text => {
                let _ = writeln!(self.out, "* {head}\n  {why}");
            }
            Style::Markdown => {
                let _ = writeln!(self.out, "- **{head}** \u{2014} {why}");
            }
        }
    }

    fn line(&mut self, s: &str) {
        let _ = writeln!(self.out, "{s}");
    }
}

/// Writes `analysis` of `project` as a report.
pub fn render(project: &Project, analysis: &Analysis, style: Style) -> String {
    // One lookup table, built once: a report names thousands of entities.
    let names: HashMap<&str, &str> = project
        .personas
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(
            project
                .needs
                .iter()
                .map(|n| (n.id.as_str(), n.name.as_str())),
        )
        .chain(
            project
                .buying_units
                .iter()
                .map(|u| (u.id.as_str(), u.name.as_str())),
        )
        .chain(
            project
                .products
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str())),
        )
        .chain(
            project
                .market_segments
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str())),
        )
        .chain(
            project
                .customer_segments
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str())),
        )
        .collect();
    let name = |id: &str| {
        names
            .get(id)
            .map_or_else(|| id.to_owned(), |n| (*n).to_owned())
    };
    let mut w = Writer {
        style,
        out: String::new(),
    };
    w.title(&format!(
        "{}: persona ecosystem findings",
        project.project.name
    ));

    w.section("Golden personas", analysis.golden.len());
    for g in &analysis.golden {
        w.item(
            &format!("{} (score {:.1})", name(g.persona.as_str()), g.score),
            &g.why,
        );
    }
    w.section("Underserved personas", analysis.underserved.len());
    for u in &analysis.underserved {
        w.item(
            &format!(
                "{} ({} served)",
                name(u.persona.as_str()),
                percent(u.service_level)
            ),
            &u.why,
        );
    }
    w.section("Overlapping personas", analysis.overlaps.len());
    for o in &analysis.overlaps {
        w.item(
            &format!(
                "{} and {} ({} alike)",
                name(o.personas[0].as_str()),
                name(o.personas[1].as_str()),
                percent(o.similarity)
            ),
            &o.why,
        );
    }
    w.section("Drawn to several products", analysis.multi_product.len());
    for m in &analysis.multi_product {
        w.item(&name(m.persona.as_str()), &m.why);
    }
    w.section("Buying units", analysis.buying_units.len());
    for u in &analysis.buying_units {
        let state = if u.complete { "complete" } else { "incomplete" };
        w.item(&format!("{} ({state})", name(u.unit.as_str())), &u.why);
    }
    w.section("Value gaps against competitors", analysis.value_gaps.len());
    for v in &analysis.value_gaps {
        w.item(
            &format!(
                "{} (ours {}, theirs {})",
                name(v.need.as_str()),
                score(v.ours),
                score(v.theirs)
            ),
            &v.why,
        );
    }
    let g = &analysis.gaps;
    let total = g.needs_unaddressed.len()
        + g.segments_without_personas.len()
        + g.products_without_personas.len()
        + g.personas_without_products.len();
    w.section("Gaps", total);
    let lists: [(&str, Vec<String>); 4] = [
        (
            "Needs no product meets",
            g.needs_unaddressed
                .iter()
                .map(|i| name(i.as_str()))
                .collect(),
        ),
        (
            "Segments with no persona",
            g.segments_without_personas
                .iter()
                .map(|i| name(i))
                .collect(),
        ),
        (
            "Products with no persona",
            g.products_without_personas
                .iter()
                .map(|i| name(i.as_str()))
                .collect(),
        ),
        (
            "Personas tied to no product",
            g.personas_without_products
                .iter()
                .map(|i| name(i.as_str()))
                .collect(),
        ),
    ];
    for (label, names) in lists {
        let listed = if names.is_empty() {
            "none".to_owned()
        } else {
            names.join("; ")
        };
        match style {
            Style::Text => w.line(&format!("* {label}: {listed}")),
            Style::Markdown => w.line(&format!("- **{label}**: {listed}")),
        }
    }
    w.section("Persona health", analysis.health.len());
    if !analysis.health_summary.why.is_empty() {
        w.line(&analysis.health_summary.why);
        if !analysis.health.is_empty() {
            w.line("");
        }
    }
    for h in &analysis.health {
        let problems: Vec<&str> = h.problems.iter().map(|p| problem_label(*p)).collect();
        w.item(
            &format!(
                "{} (confidence {}: {})",
                name(h.persona.as_str()),
                score(h.confidence),
                problems.join(", ")
            ),
            &h.why,
        );
    }
    let t = &analysis.thresholds;
    w.line("");
    w.line(&format!(
        "Judged on {} with: underserved below {}, important needs from {}, a need met from a \
         score of {}, overlap from {} similarity, stale after {} days.",
        analysis.today,
        percent(t.underserved_below.get()),
        score(t.important_need.get()),
        score(t.met_at.get()),
        percent(t.overlap_at.get()),
        t.stale_after_days.get()
    ));
    w.out
}

fn problem_label(p: HealthProblem) -> &'static str {
    match p {
        HealthProblem::NoEvidence => "no evidence",
        HealthProblem::AssumptionsOnly => "assumptions only",
        HealthProblem::Stale => "stale",
        HealthProblem::NoRules => "no rules",
        HealthProblem::UnsupportedByData => "unsupported by data",
    }
}
