//! The three matrices of a portfolio: which persona relates to which product,
//! how well each product (and each competitor) meets each need, and how much
//! of each market segment each product covers.
//!
//! Building all three is O(P·L + N·O + S·O) for P personas with L links, N
//! needs, S segments and O products and competitors; the persona matrix is
//! sparse, so 2,000 personas and 50 products stay a few hundred kilobytes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::Choice;
use crate::model::{ProductRelation, Project};

/// The three matrices of a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Matrices {
    /// The products, in the order of every row's product columns.
    pub products: Vec<Choice>,
    /// The competitors, in the order of a need row's competitor columns.
    pub competitors: Vec<Choice>,
    /// Persona × product: one row per persona, sorted by name.
    pub personas: Vec<PersonaRow>,
    /// Need × product and competitor: one row per need, the widest value gap first.
    pub needs: Vec<NeedRow>,
    /// Market segment × product: one row per segment, and a last one for
    /// personas with no segment when there are any.
    pub segments: Vec<SegmentRow>,
    /// The score at which an offer meets a need (the project's threshold).
    pub met_at: f64,
}

/// A persona and its links to products.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonaRow {
    /// The persona's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its market segment's id, if it has one.
    pub market_segment: Option<String>,
    /// Its links: the index of a product in [`Matrices::products`] and the
    /// relations to it, only for products it is linked to.
    pub links: Vec<ProductLinks>,
}

/// A persona's relations to one product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProductLinks {
    /// Index into [`Matrices::products`].
    pub product: u32,
    /// The relations, in the order the persona lists them.
    pub relations: Vec<ProductRelation>,
}

/// A need, who has it, and how well each offer meets it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct NeedRow {
    /// The need's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How many personas have the need.
    pub personas: u32,
    /// The highest importance any persona gives it (0 when nobody has it).
    pub importance: f64,
    /// One score per product (same order as [`Matrices::products`]); `None`
    /// where the product does not address the need.
    pub products: Vec<Option<f64>>,
    /// One score per competitor, as for products.
    pub competitors: Vec<Option<f64>>,
    /// The best competitor's score minus our best product's (0 when none is
    /// ahead): how far behind we are on this need.
    pub gap: f64,
}

/// A market segment and each product's reach into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentRow {
    /// The segment's id; `None` for the personas with no segment.
    pub id: Option<String>,
    /// Its name.
    pub name: String,
    /// How many personas the segment has.
    pub personas: u32,
    /// One cell per product (same order as [`Matrices::products`]).
    pub cells: Vec<Coverage>,
}

/// How much of a segment a product reaches.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Coverage {
    /// Personas of the segment linked to the product in any way.
    pub linked: u32,
    /// The importance-weighted share (0-1) of the segment's persona needs
    /// that the product meets.
    pub needs_met: f64,
}

/// Builds the matrices of `project`, judging "meets" by its thresholds.
pub fn matrices(project: &Project) -> Matrices {
    let met_at = project.thresholds.met_at.get();
    let choice = |id: &str, name: &str| Choice {
        id: id.to_owned(),
        name: name.to_owned(),
    };
    let products: Vec<Choice> = project
        .products
        .iter()
        .map(|x| choice(x.id.as_str(), &x.name))
        .collect();
    let competitors: Vec<Choice> = project
        .competitors
        .iter()
        .map(|x| choice(x.id.as_str(), &x.name))
        .collect();
    let product_index: HashMap<&str, u32> = project
        .products
        .iter()
        .zip(0u32..)
        .map(|(x, i)| (x.id.as_str(), i))
        .collect();

    let mut personas: Vec<PersonaRow> = project
        .personas
        .iter()
        .map(|p| {
            let mut links: Vec<ProductLinks> = Vec::new();
            for l in &p.products {
                let Some(&i) = product_index.get(l.product.as_str()) else {
                    continue;
                };
                match links.iter_mut().find(|x| x.product == i) {
                    Some(x) if !x.relations.contains(&l.relation) => x.relations.push(l.relation),
                    Some(_) => {}
                    None => links.push(ProductLinks {
                        product: i,
                        relations: vec![l.relation],
                    }),
                }
            }
            links.sort_by_key(|x| x.product);
            PersonaRow {
                id: p.id.as_str().to_owned(),
                name: p.name.clone(),
                market_segment: p.market_segment.as_ref().map(|s| s.as_str().to_owned()),
                links,
            }
        })
        .collect();
    personas.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));

    // Who has each need, and how much it matters to them at most.
    let mut demand: HashMap<&str, (u32, f64)> = HashMap::new();
    for p in &project.personas {
        for n in &p.needs {
            let e = demand.entry(n.need.as_str()).or_insert((0, 0.0));
            e.0 += 1;
            e.1 = e.1.max(n.importance.get());
        }
    }
    // Each offer's scores by need, so that a need row is one lookup per offer.
    let by_need = |addresses: &[crate::model::NeedScore]| -> HashMap<String, f64> {
        addresses
            .iter()
            .map(|a| (a.need.as_str().to_owned(), a.score.get()))
            .collect()
    };
    let our_scores: Vec<HashMap<String, f64>> = project
        .products
        .iter()
        .map(|x| by_need(&x.addresses))
        .collect();
    let their_scores: Vec<HashMap<String, f64>> = project
        .competitors
        .iter()
        .map(|x| by_need(&x.addresses))
        .collect();
    let mut needs: Vec<NeedRow> = project
        .needs
        .iter()
        .map(|n| {
            let id = n.id.as_str();
            let ours: Vec<Option<f64>> = our_scores.iter().map(|s| s.get(id).copied()).collect();
            let theirs: Vec<Option<f64>> =
                their_scores.iter().map(|s| s.get(id).copied()).collect();
            let best = |v: &[Option<f64>]| v.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
            let (count, importance) = demand.get(n.id.as_str()).copied().unwrap_or((0, 0.0));
            NeedRow {
                id: n.id.as_str().to_owned(),
                name: n.name.clone(),
                personas: count,
                importance,
                gap: (best(&theirs) - best(&ours)).max(0.0),
                products: ours,
                competitors: theirs,
            }
        })
        .collect();
    needs.sort_by(|a, b| {
        b.gap
            .total_cmp(&a.gap)
            .then_with(|| b.personas.cmp(&a.personas))
            .then_with(|| a.name.cmp(&b.name))
    });

    Matrices {
        segments: segments(project, met_at, &product_index),
        products,
        competitors,
        personas,
        needs,
        met_at,
    }
}

/// `product_index` gives each product's column.
fn segments(project: &Project, met_at: f64, product_index: &HashMap<&str, u32>) -> Vec<SegmentRow> {
    // For each need, the products that meet it: a persona's need then costs
    // the few products meeting it, not one lookup in every product.
    let mut meeting: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, x) in project.products.iter().enumerate() {
        for a in &x.addresses {
            if a.score.get() >= met_at {
                meeting.entry(a.need.as_str()).or_default().push(i);
            }
        }
    }
    let mut rows: Vec<SegmentRow> = project
        .market_segments
        .iter()
        .map(|s| SegmentRow {
            id: Some(s.id.as_str().to_owned()),
            name: s.name.clone(),
            personas: 0,
            cells: Vec::new(),
        })
        .collect();
    rows.push(SegmentRow {
        id: None,
        name: "No market segment".to_owned(),
        personas: 0,
        cells: Vec::new(),
    });
    let row_of: HashMap<&str, usize> = project
        .market_segments
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let unsegmented = rows.len() - 1;
    let n = project.products.len();
    // Per row: linked counts, met importance and total importance per product.
    let mut linked = vec![vec![0u32; n]; rows.len()];
    let mut met = vec![vec![0.0f64; n]; rows.len()];
    let mut weight = vec![0.0f64; rows.len()];
    for p in &project.personas {
        let r = p
            .market_segment
            .as_ref()
            .and_then(|s| row_of.get(s.as_str()).copied())
            .unwrap_or(unsegmented);
        rows[r].personas += 1;
        // A persona counts once per product, however many relations it has.
        let mut tied: Vec<usize> = p
            .products
            .iter()
            .filter_map(|l| product_index.get(l.product.as_str()).map(|&i| i as usize))
            .collect();
        tied.sort_unstable();
        tied.dedup();
        for i in tied {
            linked[r][i] += 1;
        }
        for need in &p.needs {
            let w = need.importance.get();
            weight[r] += w;
            for &i in meeting.get(need.need.as_str()).into_iter().flatten() {
                met[r][i] += w;
            }
        }
    }
    for (r, row) in rows.iter_mut().enumerate() {
        row.cells = (0..n)
            .map(|i| Coverage {
                linked: linked[r][i],
                needs_met: if weight[r] > 0.0 {
                    met[r][i] / weight[r]
                } else {
                    0.0
                },
            })
            .collect();
    }
    if rows[unsegmented].personas == 0 {
        rows.pop();
    }
    rows
}

/// Which matrix to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixKind {
    /// Persona × product: the relations of each persona to each product.
    PersonaProduct,
    /// Need × product and competitor: the scores, and the gap.
    NeedProduct,
    /// Market segment × product: the share of needs met, and personas linked.
    SegmentProduct,
}

/// One CSV field: quoted when it must be, and a text that a spreadsheet
/// would take for a formula (`=`, `+`, `-`, `@`, or any control character
/// first, NUL and line feed included, which some spreadsheets skip before
/// reading a formula) is written as text.
pub(crate) fn field(text: &str) -> String {
    let text = if text.starts_with(|c: char| matches!(c, '=' | '+' | '-' | '@') || c.is_control()) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| field(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn number(v: f64) -> String {
    // Two decimals are what a score or a share means; more is noise.
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One matrix as CSV (RFC 4180, with a header row), for a spreadsheet.
pub fn to_csv(m: &Matrices, kind: MatrixKind) -> String {
    let mut out = String::new();
    let products = m.products.iter().map(|c| c.name.clone());
    match kind {
        MatrixKind::PersonaProduct => {
            row(&mut out, ["Persona".to_owned()].into_iter().chain(products));
            for p in &m.personas {
                let mut cells = vec![String::new(); m.products.len()];
                for l in &p.links {
                    if let Some(cell) = cells.get_mut(l.product as usize) {
                        *cell = l
                            .relations
                            .iter()
                            .map(|r| crate::model::Named::name(*r))
                            .collect::<Vec<_>>()
                            .join(" ");
                    }
                }
                row(&mut out, std::iter::once(p.name.clone()).chain(cells));
            }
        }
        MatrixKind::NeedProduct => {
            let header = ["Need".to_owned(), "Personas".to_owned()]
                .into_iter()
                .chain(products)
                .chain(
                    m.competitors
                        .iter()
                        .map(|c| format!("{} (competitor)", c.name)),
                )
                .chain(["Gap".to_owned()]);
            row(&mut out, header);
            for n in &m.needs {
                let score = |v: &Option<f64>| v.map(number).unwrap_or_default();
                let cells = [n.name.clone(), n.personas.to_string()]
                    .into_iter()
                    .chain(n.products.iter().map(score))
                    .chain(n.competitors.iter().map(score))
                    .chain([number(n.gap)]);
                row(&mut out, cells);
            }
        }
        MatrixKind::SegmentProduct => {
            let header = ["Market segment".to_owned(), "Personas".to_owned()]
                .into_iter()
                .chain(products.map(|p| format!("{p} (needs met)")));
            row(&mut out, header);
            for s in &m.segments {
                let cells = [s.name.clone(), s.personas.to_string()]
                    .into_iter()
                    .chain(s.cells.iter().map(|c| number(c.needs_met)));
                row(&mut out, cells);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_matrices_agree_with_the_project() {
        let p = crate::demo::project().expect("the demo reads");
        let m = matrices(&p);
        assert_eq!(m.products.len(), p.products.len());
        assert_eq!(m.personas.len(), p.personas.len());
        assert_eq!(m.needs.len(), p.needs.len());
        let dana = m
            .personas
            .iter()
            .find(|r| r.id == "p-dana-platform")
            .expect("Dana has a row");
        let pipelines = m
            .products
            .iter()
            .position(|c| c.id == "prod-pipelines")
            .expect("a column for Pipelines");
        let link = dana
            .links
            .iter()
            .find(|l| l.product as usize == pipelines)
            .expect("Dana is linked to Pipelines");
        assert_eq!(
            link.relations,
            [ProductRelation::OwnedBy, ProductRelation::Uses],
            "both relations are in one cell, in the persona's order"
        );
        assert!(
            m.needs.windows(2).all(|w| w[0].gap >= w[1].gap),
            "the widest gap comes first"
        );
        for row in &m.segments {
            for (i, product) in p.products.iter().enumerate() {
                let naive = p
                    .personas
                    .iter()
                    .filter(|x| x.market_segment.as_ref().map(|s| s.as_str()) == row.id.as_deref())
                    .filter(|x| x.products.iter().any(|l| l.product == product.id))
                    .count();
                assert_eq!(
                    row.cells[i].linked as usize, naive,
                    "{} × {}: each persona counts once",
                    row.name, product.name
                );
            }
        }
        let total: u32 = m.segments.iter().map(|s| s.personas).sum();
        assert_eq!(
            total as usize,
            p.personas.len(),
            "every persona is in one segment row"
        );
        assert!(
            m.segments
                .iter()
                .flat_map(|s| &s.cells)
                .all(|c| (0.0..=1.0).contains(&c.needs_met)),
            "coverage is a share"
        );
    }

    #[test]
    fn csv_quotes_what_it_must_and_defuses_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), r#""say ""hi""""#);
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(
            field("\0=cmd()"),
            "'\0=cmd()",
            "a NUL before a formula is defused"
        );
        assert_eq!(
            field("\n=cmd()"),
            "\"'\n=cmd()\"",
            "a line feed before a formula is defused (and quoted)"
        );
        assert_eq!(
            field("-1"),
            "'-1",
            "a name is never a number to a spreadsheet"
        );
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(1.0), "1");
        assert_eq!(number(0.333_333), "0.33");
        let p = crate::demo::project().expect("the demo reads");
        let m = matrices(&p);
        for kind in [
            MatrixKind::PersonaProduct,
            MatrixKind::NeedProduct,
            MatrixKind::SegmentProduct,
        ] {
            let csv = to_csv(&m, kind);
            let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
            let rows = match kind {
                MatrixKind::PersonaProduct => m.personas.len(),
                MatrixKind::NeedProduct => m.needs.len(),
                MatrixKind::SegmentProduct => m.segments.len(),
            };
            assert_eq!(lines.len(), rows + 1, "a header and a line per row");
        }
    }
}
