//! The analysis as a report for people: plain text for a terminal, Markdown
//! for a deck. JSON is the [`Analysis`] itself, serialised.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::text::{percent, score};
use serde::Serialize;

use super::Analysis;
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

/// One entry of a section.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A finding: a headline and why.
    Item {
        /// The headline.
        head: String,
        /// Why, as the analysis says it.
        why: String,
    },
    /// A labelled list ("Needs no product meets: ...").
    Fact {
        /// What is listed.
        label: String,
        /// The list, or "none".
        value: String,
    },
}

/// A section of the report: a heading with a count, a lead and entries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// How many findings it holds.
    pub count: usize,
    /// What it says before its entries.
    pub lead: Option<String>,
    /// The entries, in the analysis' order.
    pub entries: Vec<Entry>,
}

/// The findings of a project as a report for people, before any format:
/// the text and Markdown reports and the printed report all read this, so
/// that they say the same.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Findings {
    /// The title.
    pub title: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The closing line: the day and the thresholds judged by.
    pub closing: String,
}

/// The findings of `analysis` of `project`, named and worded. O(findings +
/// entities).
pub fn findings(project: &Project, analysis: &Analysis) -> Findings {
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
    let item = |head: String, why: &str| Entry::Item {
        head,
        why: why.to_owned(),
    };
    let section = |title: &str, entries: Vec<Entry>| Section {
        title: title.to_owned(),
        count: entries.len(),
        lead: None,
        entries,
    };
    let mut sections = vec![
        section(
            "Golden personas",
            analysis
                .golden
                .iter()
                .map(|g| {
                    item(
                        format!("{} (score {:.1})", name(g.persona.as_str()), g.score),
                        &g.why,
                    )
                })
                .collect(),
        ),
        section(
            "Underserved personas",
            analysis
                .underserved
                .iter()
                .map(|u| {
                    let head = format!(
                        "{} ({} served)",
                        name(u.persona.as_str()),
                        percent(u.service_level)
                    );
                    item(head, &u.why)
                })
                .collect(),
        ),
        section(
            "Overlapping personas",
            analysis
                .overlaps
                .iter()
                .map(|o| {
                    let head = format!(
                        "{} and {} ({} alike)",
                        name(o.personas[0].as_str()),
                        name(o.personas[1].as_str()),
                        percent(o.similarity)
                    );
                    item(head, &o.why)
                })
                .collect(),
        ),
        section(
            "Drawn to several products",
            analysis
                .multi_product
                .iter()
                .map(|m| item(name(m.persona.as_str()), &m.why))
                .collect(),
        ),
        section(
            "Buying units",
            analysis
                .buying_units
                .iter()
                .map(|u| {
                    let state = if u.complete { "complete" } else { "incomplete" };
                    item(format!("{} ({state})", name(u.unit.as_str())), &u.why)
                })
                .collect(),
        ),
        section(
            "Value gaps against competitors",
            analysis
                .value_gaps
                .iter()
                .map(|v| {
                    let head = format!(
                        "{} (ours {}, theirs {})",
                        name(v.need.as_str()),
                        score(v.ours),
                        score(v.theirs)
                    );
                    item(head, &v.why)
                })
                .collect(),
        ),
    ];
    let g = &analysis.gaps;
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
    sections.push(Section {
        title: "Gaps".to_owned(),
        count: lists.iter().map(|(_, l)| l.len()).sum(),
        lead: None,
        entries: lists
            .into_iter()
            .map(|(label, names)| Entry::Fact {
                label: label.to_owned(),
                value: if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join("; ")
                },
            })
            .collect(),
    });
    let mut health = section(
        "Persona health",
        analysis
            .health
            .iter()
            .map(|h| {
                let problems: Vec<&str> = h.problems.iter().map(|p| p.label()).collect();
                let head = format!(
                    "{} (confidence {}: {})",
                    name(h.persona.as_str()),
                    score(h.confidence),
                    problems.join(", ")
                );
                item(head, &h.why)
            })
            .collect(),
    );
    health.lead = Some(analysis.health_summary.why.clone()).filter(|why| !why.is_empty());
    sections.push(health);
    let t = &analysis.thresholds;
    Findings {
        title: format!("{}: persona ecosystem findings", project.project.name),
        sections,
        closing: format!(
            "Judged on {} with: underserved below {}, important needs from {}, a need met \
             from a score of {}, overlap from {} similarity, stale after {} days.",
            analysis.today,
            percent(t.underserved_below.get()),
            score(t.important_need.get()),
            score(t.met_at.get()),
            percent(t.overlap_at.get()),
            t.stale_after_days.get()
        ),
    }
}

/// Writes `analysis` of `project` as a report.
pub fn render(project: &Project, analysis: &Analysis, style: Style) -> String {
    let report = findings(project, analysis);
    let mut w = Writer {
        style,
        out: String::new(),
    };
    w.title(&report.title);
    for s in &report.sections {
        w.section(&s.title, s.count);
        if let Some(lead) = &s.lead {
            w.line(lead);
            if !s.entries.is_empty() {
                w.line("");
            }
        }
        for e in &s.entries {
            match e {
                Entry::Item { head, why } => w.item(head, why),
                Entry::Fact { label, value } => match style {
                    Style::Text => w.line(&format!("* {label}: {value}")),
                    Style::Markdown => w.line(&format!("- **{label}**: {value}")),
                },
            }
        }
    }
    w.line("");
    w.line(&report.closing);
    w.out
}
