//! The report of a match, in the spec's JSON shape, and in words for a
//! terminal or a document.

use serde::Serialize;
use ts_rs::TS;

use super::eval::Header;
use super::{ColumnValues, Matcher, TableMatch};
use crate::model::{BuyingRoleId, PersonaId};

/// What the table was.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Source {
    /// The file's name, without its folder.
    pub name: String,
    /// The header's columns, in order.
    pub columns: Vec<String>,
    /// The SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    /// The file's size in bytes (not in the spec's JSON: the app shows it
    /// and a saved match stores it).
    #[serde(skip)]
    #[ts(skip)]
    pub bytes: u64,
}

/// How many records one persona's rule matched.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonaMatch {
    /// The persona.
    pub persona: PersonaId,
    /// Records whose rule is true for this persona.
    #[ts(type = "number")]
    pub matched: u64,
    /// `matched` / records.
    pub share: f64,
    /// Matched by this persona and no other.
    #[ts(type = "number")]
    pub only: u64,
    /// The figures in a sentence.
    pub why: String,
}

/// Two personas that claim the same records.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Pair {
    /// The two personas, by id.
    pub personas: [PersonaId; 2],
    /// How many records both match.
    #[ts(type = "number")]
    pub shared: u64,
}

/// A data point the rules need that the table lacks.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MissingColumn {
    /// The column, as the first rule naming it writes it.
    pub column: String,
    /// The personas whose rules need it.
    pub personas: Vec<PersonaId>,
}

/// A column with cells a test could not read as its kind.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Unreadable {
    /// The column, as the header writes it.
    pub column: String,
    /// How many cells.
    #[ts(type = "number")]
    pub cells: u64,
}

/// A required buying role and the accounts without it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MissingRole {
    /// The role.
    pub role: BuyingRoleId,
    /// Accounts where no record stands for it.
    #[ts(type = "number")]
    pub accounts: u64,
}

/// The account view: records grouped by a column.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Accounts {
    /// The column records are grouped by.
    pub column: String,
    /// Accounts (distinct values of the column).
    #[ts(type = "number")]
    pub total: u64,
    /// Accounts where every required role is stood for.
    #[ts(type = "number")]
    pub complete: u64,
    /// For each required role, the accounts that lack it.
    pub missing_roles: Vec<MissingRole>,
}

/// The whole report (`rules-v1.md`, "Matching a table").
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MatchReport {
    /// Records read.
    #[ts(type = "number")]
    pub records: u64,
    /// The table.
    pub source: Source,
    /// Every persona with a rule, largest `matched` first, then by id.
    pub personas: Vec<PersonaMatch>,
    /// Records no persona matches.
    #[ts(type = "number")]
    pub unmatched: u64,
    /// Records two or more personas match.
    #[ts(type = "number")]
    pub ambiguous: u64,
    /// Personas that share records, largest first.
    pub pairs: Vec<Pair>,
    /// Columns the rules need and the table lacks, by column.
    pub missing_columns: Vec<MissingColumn>,
    /// Columns with cells no test could read, by column.
    pub unreadable: Vec<Unreadable>,
    /// The account view, with `--account`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub accounts: Option<Accounts>,
}

/// A count as people read it: 1,240.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A file's size as people read it: "94.1 MB", "812 KB", "310 bytes".
pub fn size_words(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.0} KB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.1} GB", bytes as f64 / 1e9),
    }
}

/// A share as people read it: 6.2%.
pub(crate) fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.1 {
        "under 0.1%".to_owned()
    } else {
        format!("{p:.1}%")
    }
}

pub(super) fn build(m: Matcher, source: Source, header: &Header) -> MatchReport {
    let records = m.records;
    let share = |n: u64| {
        if records == 0 {
            0.0
        } else {
            n as f64 / records as f64
        }
    };
    let mut personas: Vec<PersonaMatch> = m
        .personas
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let (matched, only) = (m.matched[i], m.only[i]);
            let why = if m.compiled[i].is_none() {
                let lacking: Vec<String> = m
                    .missing
                    .values()
                    .filter(|(_, who)| who.contains(id))
                    .map(|(column, _)| format!("{column:?}"))
                    .collect();
                format!(
                    "Cannot be tested on this table: it has no column {}.",
                    lacking.join(" or ")
                )
            } else if matched == 0 {
                format!("No record of {} fits the rule.", count(records))
            } else {
                let others = matched - only;
                let rest = if others == 0 {
                    "none of them fits another persona".to_owned()
                } else {
                    format!("{} of them also fit another persona", count(others))
                };
                format!(
                    "{} of {} records ({}) fit the rule; {rest}.",
                    count(matched),
                    count(records),
                    percent(share(matched))
                )
            };
            PersonaMatch {
                persona: id.clone(),
                matched,
                share: share(matched),
                only,
                why,
            }
        })
        .collect();
    personas.sort_by(|a, b| b.matched.cmp(&a.matched).then(a.persona.cmp(&b.persona)));

    let mut pairs: Vec<Pair> = m
        .pairs
        .iter()
        .map(|(&(a, b), &shared)| {
            let (x, y) = (m.personas[a].clone(), m.personas[b].clone());
            let personas = if x <= y { [x, y] } else { [y, x] };
            Pair { personas, shared }
        })
        .collect();
    pairs.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.personas.cmp(&b.personas)));

    let missing_columns = m
        .missing
        .into_values()
        .map(|(column, mut personas)| {
            personas.sort();
            MissingColumn { column, personas }
        })
        .collect();

    let mut unreadable: Vec<Unreadable> = m
        .unreadable
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, &cells)| Unreadable {
            column: header.names()[i].clone(),
            cells,
        })
        .collect();
    unreadable.sort_by(|a, b| a.column.cmp(&b.column));

    let accounts = m.account.map(|column| {
        let required: Vec<usize> = m
            .roles
            .iter()
            .enumerate()
            .filter(|(_, (_, required))| *required)
            .map(|(i, _)| i)
            .collect();
        let has = |set: &super::RoleSet, r: usize| set.has(r);
        let complete = m
            .accounts
            .values()
            .filter(|set| required.iter().all(|&r| has(set, r)))
            .count() as u64;
        let missing_roles = required
            .iter()
            .map(|&r| MissingRole {
                role: m.roles[r].0.clone(),
                accounts: m.accounts.values().filter(|set| !has(set, r)).count() as u64,
            })
            .collect();
        Accounts {
            column: header.names()[column].clone(),
            total: m.accounts.len() as u64,
            complete,
            missing_roles,
        }
    });

    MatchReport {
        records,
        source,
        personas,
        unmatched: m.unmatched,
        ambiguous: m.ambiguous,
        pairs,
        missing_columns,
        unreadable,
        accounts,
    }
}

impl MatchReport {
    /// The report as plain text for a terminal; `name` gives a persona's or
    /// a role's name from its id.
    pub fn text(&self, name: &dyn Fn(&str) -> String) -> String {
        self.render(name, &[], false)
    }

    /// The report as Markdown, for a document.
    pub fn markdown(&self, name: &dyn Fn(&str) -> String) -> String {
        self.render(name, &[], true)
    }

    /// The report in words (Markdown when `md`), with the values most
    /// common among the unmatched records under "Records".
    pub(crate) fn render(
        &self,
        name: &dyn Fn(&str) -> String,
        values: &[ColumnValues],
        md: bool,
    ) -> String {
        let mut out = String::new();
        let heading = |out: &mut String, text: &str| {
            if md {
                out.push_str(&format!("\n## {text}\n\n"));
            } else {
                out.push_str(&format!("\n{text}\n"));
            }
        };
        let item = |out: &mut String, text: &str| {
            out.push_str(if md { "- " } else { "  " });
            out.push_str(text);
            out.push('\n');
        };
        if md {
            out.push_str(&format!("# Match of {}\n\n", self.source.name));
        } else {
            out.push_str(&format!("Match of {}\n", self.source.name));
        }
        out.push_str(&format!(
            "{} records, {} columns; sha256 {}\n",
            count(self.records),
            self.source.columns.len(),
            self.source.sha256
        ));
        heading(&mut out, "Personas");
        if self.personas.is_empty() {
            item(&mut out, "No persona has rules, so none was tested.");
        }
        for p in &self.personas {
            item(
                &mut out,
                &format!(
                    "{} ({}): {}",
                    name(p.persona.as_str()),
                    p.persona.as_str(),
                    p.why
                ),
            );
        }
        heading(&mut out, "Records");
        item(
            &mut out,
            &format!(
                "{} fit no persona ({}): a persona nobody has written, or rules too narrow.",
                count(self.unmatched),
                percent(if self.records == 0 {
                    0.0
                } else {
                    self.unmatched as f64 / self.records as f64
                })
            ),
        );
        if !values.is_empty() {
            item(&mut out, "Most common among them (against all records):");
            for c in values {
                let about = if c.error > 0 { "about " } else { "" };
                let shown: Vec<String> = c
                    .values
                    .iter()
                    .map(|v| {
                        format!(
                            "{:?} {about}{} ({} of all)",
                            v.value,
                            percent(v.share),
                            percent(v.overall)
                        )
                    })
                    .collect();
                let text = format!("{}: {}", c.column, shown.join(", "));
                if md {
                    out.push_str(&format!("  - {text}\n"));
                } else {
                    out.push_str(&format!("    {text}\n"));
                }
            }
        }
        item(
            &mut out,
            &format!("{} fit two or more personas.", count(self.ambiguous)),
        );
        if !self.pairs.is_empty() {
            heading(&mut out, "Personas that claim the same records");
            for p in &self.pairs {
                item(
                    &mut out,
                    &format!(
                        "{} and {}: {} records",
                        name(p.personas[0].as_str()),
                        name(p.personas[1].as_str()),
                        count(p.shared)
                    ),
                );
            }
        }
        if !self.missing_columns.is_empty() {
            heading(&mut out, "Data points the table lacks");
            for m in &self.missing_columns {
                let who: Vec<String> = m.personas.iter().map(|p| name(p.as_str())).collect();
                item(
                    &mut out,
                    &format!("{:?}, needed by {}", m.column, who.join(", ")),
                );
            }
        }
        if !self.unreadable.is_empty() {
            heading(&mut out, "Unreadable values");
            for u in &self.unreadable {
                item(
                    &mut out,
                    &format!(
                        "{:?}: {} {} could not be read as the rules read {}",
                        u.column,
                        count(u.cells),
                        if u.cells == 1 { "cell" } else { "cells" },
                        if u.cells == 1 { "it" } else { "them" },
                    ),
                );
            }
        }
        if let Some(a) = &self.accounts {
            heading(&mut out, &format!("Accounts, by {:?}", a.column));
            item(
                &mut out,
                &format!(
                    "{} of {} accounts have every required buying role.",
                    count(a.complete),
                    count(a.total)
                ),
            );
            for r in &a.missing_roles {
                item(
                    &mut out,
                    &format!(
                        "{} {} no record in the role {}.",
                        count(r.accounts),
                        if r.accounts == 1 {
                            "account has"
                        } else {
                            "accounts have"
                        },
                        name(r.role.as_str())
                    ),
                );
            }
        }
        out
    }
}

impl TableMatch {
    /// The report as plain text, with the values common among the records
    /// that fit no persona.
    pub fn text(&self, name: &dyn Fn(&str) -> String) -> String {
        self.report.render(name, &self.unmatched_values, false)
    }

    /// The report as Markdown, likewise.
    pub fn markdown(&self, name: &dyn Fn(&str) -> String) -> String {
        self.report.render(name, &self.unmatched_values, true)
    }
}
