//! Printed documents: a persona's one-pager (PDF or PNG) and the portfolio
//! report (PDF), typeset by Typst used as a library.
//!
//! Why Typst: it breaks lines and paragraphs as a typesetter does (with
//! hyphenation, kerning and Unicode text), embeds and subsets the fonts,
//! writes PDFs whose text can be selected and searched, and renders the
//! same pages to PNG. The layout lives in small templates (`*.typ` beside
//! this file) rather than in coordinates computed here. The data reaches a
//! template as JSON and is shown as text, never read as markup, and the
//! typesetter sees only our templates, that data, its portraits and the
//! fonts the app ships: no file on the disk, nothing on the network.
//!
//! What a page says is the core's: the profile ([`crate::profile`]), the
//! findings' wording ([`crate::analysis::report::findings`]) and the
//! journeys ([`crate::journey_view`]). This module only lays them out, and
//! caps each list so that a persona fits on its page.

mod world;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use typst_layout::PagedDocument;

use crate::analysis::{self, Analysis, health};
use crate::error::{Error, Problem, Problems, Result};
use crate::journey_view::{JourneyView, StageView};
use crate::model::*;
use crate::profile::{Names, PersonaProfile, ProfileFindingKind};

/// The paper a document is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    fn typst(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

/// How much of a persona a page shows: how many of each list (the rest of
/// a text list is counted in its last line) and how many characters of
/// each text (cut at a word, with "…").
struct Caps {
    goals: usize,
    pains: usize,
    channels: usize,
    needs: usize,
    products: usize,
    connections: usize,
    evidence: usize,
    findings: usize,
    scenarios: usize,
    teams: usize,
    quote: usize,
    description: usize,
    story: usize,
    note: usize,
    why: usize,
}

/// What a page shows first.
const FULL: Caps = Caps {
    goals: 5,
    pains: 5,
    channels: 6,
    needs: 7,
    products: 5,
    connections: 5,
    evidence: 3,
    findings: 3,
    scenarios: 2,
    teams: 8,
    quote: 240,
    description: 420,
    story: 320,
    note: 160,
    why: 230,
};

/// What a one-pager shows of a persona too full for [`FULL`] to fit on one
/// page, even set small.
const TIGHT: Caps = Caps {
    goals: 3,
    pains: 3,
    channels: 3,
    needs: 4,
    products: 3,
    connections: 3,
    evidence: 2,
    findings: 2,
    scenarios: 1,
    teams: 4,
    quote: 160,
    description: 200,
    story: 160,
    note: 80,
    why: 120,
};

/// How many characters a list item or a name keeps.
const ITEM: usize = 160;

/// `text` on one line (runs of spaces and line breaks made one space), cut
/// at a word before `max` characters, with "…".
fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The first `max` of `items`, each cut to [`ITEM`] characters, and a line
/// counting the rest.
fn capped(items: impl IntoIterator<Item = String>, max: usize) -> Vec<String> {
    let mut all: Vec<String> = items.into_iter().map(|x| cut(&x, ITEM)).collect();
    if all.len() > max {
        let rest = all.len() - (max - 1);
        all.truncate(max - 1);
        all.push(format!("… and {rest} more"));
    }
    all
}

fn evidence_kind(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Interview => "Interview",
        EvidenceKind::Survey => "Survey",
        EvidenceKind::Crm => "Customer records",
        EvidenceKind::Analytics => "Analytics",
        EvidenceKind::Workshop => "Workshop",
        EvidenceKind::Assumption => "Assumption",
    }
}

fn relationship(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::ReportsTo => "reports to",
        RelationshipKind::Influences => "influences",
        RelationshipKind::Approves => "approves for",
        RelationshipKind::Blocks => "can block",
        RelationshipKind::Recommends => "recommends to",
        RelationshipKind::Collaborates => "works with",
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Proto => "Proto-persona",
        Status::Validated => "Validated",
        Status::Detailed => "Detailed",
    }
}

/// A need on a persona's page.
#[derive(Serialize)]
struct PageNeed {
    name: String,
    importance: f64,
    importance_text: String,
    cover: String,
    met: bool,
}

/// A piece of evidence on a persona's page.
#[derive(Serialize)]
struct PageEvidence {
    kind: &'static str,
    date: Option<String>,
    source: Option<String>,
    note: Option<String>,
}

/// A finding on a persona's page.
#[derive(Serialize)]
struct PageFinding {
    kind: ProfileFindingKind,
    title: String,
    why: String,
}

/// A scenario on a persona's page.
#[derive(Serialize)]
struct PageScenario {
    title: String,
    text: Option<String>,
}

/// A persona as its page shows it: every text ready, every list capped.
#[derive(Serialize)]
struct PagePersona {
    name: String,
    title: Option<String>,
    quote: Option<String>,
    description: Option<String>,
    initials: String,
    portrait: Option<String>,
    placement: Vec<String>,
    facts: Vec<String>,
    confidence: String,
    tone: &'static str,
    goals: Vec<String>,
    pains: Vec<String>,
    channels: Vec<String>,
    teams: Vec<String>,
    needs: Vec<PageNeed>,
    products: Vec<String>,
    connections: Vec<String>,
    scenarios: Vec<PageScenario>,
    evidence: Vec<PageEvidence>,
    findings: Vec<PageFinding>,
}

/// The portraits a document shows, as files of its world.
#[derive(Default)]
struct Portraits(Vec<(String, Vec<u8>)>);

impl Portraits {
    /// The path of the portrait in `data_uri` (a PNG or JPEG `data:` URI,
    /// whose type the project checked), or `None` when its picture cannot
    /// be decoded: a damaged portrait is printed as initials rather than
    /// stopping the page, or a whole report. O(the picture's pixels).
    fn add(&mut self, data_uri: &str) -> Option<String> {
        let (head, body) = data_uri.split_once(',')?;
        let ext = if head.contains("image/png") {
            "png"
        } else {
            "jpg"
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body)
            .ok()?;
        image::load_from_memory(&bytes).ok()?;
        let path = format!("portraits/{}.{ext}", self.0.len());
        self.0.push((path.clone(), bytes));
        Some(path)
    }
}

fn page_persona(p: &PersonaProfile, caps: &Caps, portraits: &mut Portraits) -> PagePersona {
    let mut placement = Vec::new();
    if let Some(s) = &p.market_segment {
        placement.push(s.name.clone());
    }
    if let Some(s) = &p.customer_segment {
        placement.push(s.name.clone());
    }
    if let Some(r) = &p.buying_role {
        placement.push(if r.decides {
            format!("{} (decides)", r.name)
        } else {
            r.name.clone()
        });
    }
    let mut facts = Vec::new();
    if let Some(s) = p.status {
        facts.push(status(s).to_owned());
    }
    if let Some(x) = p.priority {
        facts.push(format!("Priority {x} of 5"));
    }
    facts.push(match p.last_reviewed {
        Some(d) => format!("Reviewed {}", d.long()),
        None => "Never reviewed".to_owned(),
    });
    let tone = if p.confidence <= 0.0 {
        "none"
    } else if p.low_confidence {
        "low"
    } else {
        "sound"
    };
    let needs = p
        .needs
        .iter()
        .take(caps.needs)
        .map(|n| PageNeed {
            name: cut(&n.name, ITEM),
            importance: n.importance.clamp(0.0, 1.0),
            importance_text: format!("{:.2}", n.importance),
            cover: match (&n.best, n.met) {
                (Some((product, score)), true) => format!("Met by {} · {score:.2}", product.name),
                (Some((product, score)), false) => {
                    format!("Not met: best {} · {score:.2}", product.name)
                }
                (None, _) => "No product of ours meets it".to_owned(),
            },
            met: n.met,
        })
        .collect();
    let products = p.products.iter().map(|x| {
        let how: Vec<&str> = x
            .relations
            .iter()
            .map(|r| analysis::multi_product::phrase(*r))
            .collect();
        format!("{}: {}", x.name, how.join("; "))
    });
    let units = p.buying_units.iter().map(|u| match &u.role {
        Some(role) => format!("In {} as {role}", u.name),
        None => format!("In {}", u.name),
    });
    let relationships = p.relationships.iter().map(|r| {
        if r.outgoing {
            format!("{} {}", capitalised(relationship(r.kind)), r.persona.name)
        } else {
            format!("{} {} them", r.persona.name, relationship(r.kind))
        }
    });
    // The most recent evidence first: what a reader trusts most.
    let mut evidence: Vec<&Evidence> = p.evidence.iter().collect();
    evidence.sort_by_key(|e| std::cmp::Reverse(e.date.map(Date::day_number)));
    PagePersona {
        name: cut(&p.name, ITEM),
        title: p.title.as_deref().map(|t| cut(t, ITEM)),
        quote: p.quote.as_deref().map(|q| cut(q, caps.quote)),
        description: p.description.as_deref().map(|d| cut(d, caps.description)),
        initials: p.initials.clone(),
        portrait: p.portrait.as_deref().and_then(|uri| portraits.add(uri)),
        placement,
        facts,
        confidence: format!("{:.2}", p.confidence),
        tone,
        goals: capped(p.goals.iter().cloned(), caps.goals),
        pains: capped(p.pain_points.iter().cloned(), caps.pains),
        channels: capped(p.channels.iter().cloned(), caps.channels),
        teams: capped(p.used_by.iter().cloned(), caps.teams),
        needs,
        products: capped(products, caps.products),
        connections: capped(units.chain(relationships), caps.connections),
        scenarios: p
            .scenarios
            .iter()
            .take(caps.scenarios)
            .map(|s| PageScenario {
                title: cut(&s.title, ITEM),
                text: s.text.as_deref().map(|t| cut(t, caps.story)),
            })
            .collect(),
        evidence: evidence
            .into_iter()
            .take(caps.evidence)
            .map(|e| PageEvidence {
                kind: evidence_kind(e.kind),
                date: e.date.map(Date::long),
                source: e.source.as_deref().map(|x| cut(x, ITEM)),
                note: e.note.as_deref().map(|n| cut(n, caps.note)),
            })
            .collect(),
        findings: p
            .findings
            .iter()
            .take(caps.findings)
            .map(|f| PageFinding {
                kind: f.kind,
                title: f.title.clone(),
                why: cut(&f.why, caps.why),
            })
            .collect(),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn footer(project: &Project, what: &str, today: Date) -> String {
    format!(
        "{} · {what} · {} · Persona Atlas",
        project.project.name,
        today.long()
    )
}

/// Typesets `main` with `data` into pages.
fn typeset(
    what: &'static str,
    main: &str,
    data: &impl Serialize,
    portraits: Portraits,
    today: Date,
) -> Result<PagedDocument> {
    let failed = |detail: String| Error::Print { what, detail };
    let json = serde_json::to_vec(data).map_err(|e| failed(e.to_string()))?;
    let sheet = world::Sheet::new(main, json, portraits.0, today.ymd())
        .ok_or_else(|| failed("the template or a portrait has no valid name".to_owned()))?;
    typst::compile::<PagedDocument>(&sheet)
        .output
        .map_err(|errors| {
            failed(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
}

fn pdf(what: &'static str, document: &PagedDocument) -> Result<Vec<u8>> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default()).map_err(|errors| Error::Print {
        what,
        detail: errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// What a one-pager's template reads.
#[derive(Serialize)]
struct OnePagerData {
    paper: &'static str,
    footer: String,
    persona: PagePersona,
}

/// The persona `id` of `project`, refused with its place when there is
/// none.
fn one_pager_document(
    project: &Project,
    id: &str,
    paper: Paper,
    today: Date,
) -> Result<PagedDocument> {
    let analysis = analysis::analyze(project, &project.thresholds, today);
    let profile = Names::new(project)
        .profile(id, &analysis)
        .ok_or_else(|| Error::Invalid {
            source_name: "the one-pager".to_owned(),
            problems: Problems(vec![Problem {
                path: "persona".to_owned(),
                message: format!("no persona with id {id:?}"),
            }]),
        })?;
    // Full first; a persona too full for one page even at the smallest
    // type is shown tighter.
    let mut document = None;
    for caps in [&FULL, &TIGHT] {
        let mut portraits = Portraits::default();
        let data = OnePagerData {
            paper: paper.typst(),
            footer: footer(project, "Persona one-pager", today),
            persona: page_persona(&profile, caps, &mut portraits),
        };
        let pages = typeset("one-pager", "one-pager.typ", &data, portraits, today)?;
        let fits = pages.pages().len() == 1;
        document = Some(pages);
        if fits {
            break;
        }
    }
    document.ok_or_else(|| Error::Print {
        what: "one-pager",
        detail: "nothing was typeset".to_owned(),
    })
}

/// The one-pager of the persona `id` as a PDF, judged on `today`.
/// O(analysis + the persona), plus typesetting one page.
pub fn one_pager_pdf(project: &Project, id: &str, paper: Paper, today: Date) -> Result<Vec<u8>> {
    pdf("one-pager", &one_pager_document(project, id, paper, today)?)
}

/// The one-pager of the persona `id` as a PNG at `dpi` dots per inch.
/// O(analysis + the persona), plus typesetting and drawing one page.
pub fn one_pager_png(
    project: &Project,
    id: &str,
    paper: Paper,
    today: Date,
    dpi: f32,
) -> Result<Vec<u8>> {
    let document = one_pager_document(project, id, paper, today)?;
    let page = document.pages().first().ok_or_else(|| Error::Print {
        what: "one-pager",
        detail: "it has no page".to_owned(),
    })?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(dpi) / 72.0),
        ..Default::default()
    };
    typst_render::render(page, &options)
        .encode_png()
        .map_err(|e| Error::Print {
            what: "one-pager",
            detail: e.to_string(),
        })
}

/// A count on the report's cover.
#[derive(Serialize)]
struct Count {
    value: String,
    label: &'static str,
}

/// One table of the portfolio at a glance: some market segments across,
/// every customer segment down.
#[derive(Serialize)]
struct MapTable {
    columns: Vec<String>,
    rows: Vec<MapRow>,
}

#[derive(Serialize)]
struct MapRow {
    name: String,
    cells: Vec<Vec<String>>,
}

/// How many market segments one table of the map holds across a page.
const MAP_COLUMNS: usize = 5;

/// The portfolio at a glance: each persona, marked by what the findings
/// say of it, where its market and customer segments meet.
fn map_tables(project: &Project, analysis: &Analysis) -> Vec<MapTable> {
    use std::collections::{HashMap, HashSet};
    let golden: HashSet<&str> = analysis.golden.iter().map(|g| g.persona.as_str()).collect();
    let underserved: HashSet<&str> = analysis
        .underserved
        .iter()
        .map(|u| u.persona.as_str())
        .collect();
    let deciders: HashSet<&str> = project
        .buying_roles
        .iter()
        .filter(|r| r.decides)
        .map(|r| r.id.as_str())
        .collect();
    let label = |p: &Persona| {
        let mut marks = String::new();
        if golden.contains(p.id.as_str()) {
            marks.push('★');
        }
        if underserved.contains(p.id.as_str()) {
            marks.push('▼');
        }
        if p.buying_role
            .as_ref()
            .is_some_and(|r| deciders.contains(r.as_str()))
        {
            marks.push('◆');
        }
        if health::is_low(health::confidence(p, &analysis.thresholds, analysis.today)) {
            marks.push('○');
        }
        if marks.is_empty() {
            p.name.clone()
        } else {
            format!("{marks} {}", p.name)
        }
    };
    let mut columns: Vec<(Option<&str>, String)> = project
        .market_segments
        .iter()
        .map(|s| (Some(s.id.as_str()), s.name.clone()))
        .collect();
    let mut rows: Vec<(Option<&str>, String)> = project
        .customer_segments
        .iter()
        .map(|s| (Some(s.id.as_str()), s.name.clone()))
        .collect();
    let mut cells: HashMap<(Option<&str>, Option<&str>), Vec<String>> = HashMap::new();
    for p in &project.personas {
        let key = (
            p.market_segment.as_ref().map(|x| x.as_str()),
            p.customer_segment.as_ref().map(|x| x.as_str()),
        );
        cells.entry(key).or_default().push(label(p));
    }
    if cells.keys().any(|(m, _)| m.is_none()) {
        columns.push((None, "No market segment".to_owned()));
    }
    if cells.keys().any(|(_, c)| c.is_none()) {
        rows.push((None, "No customer segment".to_owned()));
    }
    for list in cells.values_mut() {
        list.sort();
    }
    columns
        .chunks(MAP_COLUMNS)
        .map(|chunk| MapTable {
            columns: chunk.iter().map(|(_, n)| n.clone()).collect(),
            rows: rows
                .iter()
                .map(|(row, name)| MapRow {
                    name: name.clone(),
                    cells: chunk
                        .iter()
                        .map(|(col, _)| cells.get(&(*col, *row)).cloned().unwrap_or_default())
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// A cell entry of a journey's table, with the colour it is shown in.
#[derive(Serialize)]
struct JourneyText {
    text: String,
    tone: &'static str,
}

#[derive(Serialize)]
struct JourneyRow {
    label: &'static str,
    cells: Vec<Vec<JourneyText>>,
}

#[derive(Serialize)]
struct JourneyPage {
    name: String,
    description: Option<String>,
    personas: Vec<String>,
    stages: Vec<StageHead>,
    rows: Vec<JourneyRow>,
}

#[derive(Serialize)]
struct StageHead {
    name: String,
    unmet: usize,
}

fn journey_page(j: &JourneyView) -> JourneyPage {
    let plain = |items: &[String]| {
        items
            .iter()
            .map(|t| JourneyText {
                text: t.clone(),
                tone: "plain",
            })
            .collect::<Vec<_>>()
    };
    type Field = fn(&StageView) -> &[String];
    let lists: [(&'static str, Field); 6] = [
        ("Goals", |s| &s.goals),
        ("Questions", |s| &s.questions),
        ("Touchpoints", |s| &s.touchpoints),
        ("Channels", |s| &s.channels),
        ("Pains", |s| &s.pains),
        ("Opportunities", |s| &s.opportunities),
    ];
    let mut rows: Vec<JourneyRow> = lists
        .iter()
        .map(|(label, field)| JourneyRow {
            label,
            cells: j.stages.iter().map(|s| plain(field(s))).collect(),
        })
        .collect();
    rows.insert(
        4,
        JourneyRow {
            label: "Needs",
            cells: j
                .stages
                .iter()
                .map(|s| {
                    s.needs
                        .iter()
                        .map(|n| JourneyText {
                            text: if n.met {
                                format!("✓ {}", n.name)
                            } else {
                                format!("✗ {} (unmet)", n.name)
                            },
                            tone: if n.met { "good" } else { "warn" },
                        })
                        .collect()
                })
                .collect(),
        },
    );
    rows.push(JourneyRow {
        label: "Feeling",
        cells: j
            .stages
            .iter()
            .map(|s| match s.emotion {
                Some(e) => vec![JourneyText {
                    text: match e {
                        // The words of the journey view's emotion scale.
                        e if e >= 1.5 => "Delighted (+2)".to_owned(),
                        e if e >= 0.5 => format!("Positive ({e:+})"),
                        e if e > -0.5 => "Neutral".to_owned(),
                        e if e > -1.5 => format!("Negative ({e:+})"),
                        e => format!("Frustrated ({e:+})"),
                    },
                    tone: if e >= 0.5 {
                        "good"
                    } else if e <= -0.5 {
                        "warn"
                    } else {
                        "plain"
                    },
                }],
                None => Vec::new(),
            })
            .collect(),
    });
    JourneyPage {
        name: j.name.clone(),
        description: j.description.clone(),
        personas: j.personas.iter().map(|p| p.name.clone()).collect(),
        stages: j
            .stages
            .iter()
            .map(|s| StageHead {
                name: s.name.clone(),
                unmet: s.unmet,
            })
            .collect(),
        rows,
    }
}

/// What the report's template reads.
#[derive(Serialize)]
struct ReportData {
    paper: &'static str,
    title: String,
    footer: String,
    name: String,
    description: Option<String>,
    date: String,
    counts: Vec<Count>,
    health: String,
    map: Vec<MapTable>,
    findings: analysis::report::Findings,
    personas: Vec<PagePersona>,
    journeys: Vec<JourneyPage>,
}

/// The portfolio report of `project` as a PDF, judged on `today`: a
/// cover, the portfolio at a glance, the findings with their why, a page
/// per persona (by name) and one per journey. O(analysis + project), plus
/// typesetting about a page per persona.
pub fn report_pdf(project: &Project, paper: Paper, today: Date) -> Result<Vec<u8>> {
    let analysis = analysis::analyze(project, &project.thresholds, today);
    let names = Names::new(project);
    let mut portraits = Portraits::default();
    let mut order: Vec<&Persona> = project.personas.iter().collect();
    order.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let personas = order
        .iter()
        .filter_map(|p| names.profile(p.id.as_str(), &analysis))
        .map(|profile| page_persona(&profile, &FULL, &mut portraits))
        .collect();
    let counts = project.counts();
    let summary = &analysis.health_summary;
    let data = ReportData {
        paper: paper.typst(),
        title: format!("{}: persona portfolio report", project.project.name),
        footer: footer(project, "Persona portfolio report", today),
        name: project.project.name.clone(),
        description: project.project.description.clone(),
        date: today.long(),
        counts: vec![
            Count {
                value: counts.personas.to_string(),
                label: "personas",
            },
            Count {
                value: counts.market_segments.to_string(),
                label: "market segments",
            },
            Count {
                value: counts.products.to_string(),
                label: "products",
            },
            Count {
                value: format!("{:.2}", summary.mean_confidence),
                label: "mean confidence",
            },
        ],
        health: summary.why.clone(),
        map: map_tables(project, &analysis),
        findings: analysis::report::findings(project, &analysis),
        personas,
        journeys: crate::journey_view::journeys(project)
            .iter()
            .map(journey_page)
            .collect(),
    };
    let document = typeset("report", "report.typ", &data, portraits, today)?;
    pdf("report", &document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_at_a_word_and_lists_count_the_rest() {
        assert_eq!(cut("short", 10), "short", "a short text stays whole");
        assert_eq!(
            cut("Finds out about failed loads from angry messages", 20),
            "Finds out about…",
            "cut before the word that would cross the limit"
        );
        let five: Vec<String> = (1..=5).map(|i| i.to_string()).collect();
        assert_eq!(capped(five.clone(), 5), five, "five of five: all shown");
        assert_eq!(
            capped(five, 3),
            ["1", "2", "… and 3 more"],
            "the last line counts what is left out"
        );
    }
}
