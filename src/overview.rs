//! The first view of a project: its personas grouped by market segment, each
//! with its role and products.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::health;
use crate::model::*;

/// A project at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Overview {
    /// The project file's path.
    pub file: String,
    /// The project's name.
    pub name: String,
    /// The project's description.
    pub description: Option<String>,
    /// How many entities of each kind it holds.
    pub counts: Counts,
    /// One group per market segment, most important first, then the
    /// personas without a segment (if any).
    pub groups: Vec<SegmentGroup>,
    /// The saved views of the map, in their order.
    pub views: Vec<crate::model::SavedView>,
}

/// The personas of one market segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentGroup {
    /// The segment; `None` for personas that have none.
    pub segment: Option<SegmentSummary>,
    /// Its personas, by name.
    pub personas: Vec<PersonaCard>,
}

/// A market segment's name and weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentSummary {
    /// Its id.
    pub id: MarketSegmentId,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its priority, 1-5.
    pub priority: Option<u8>,
}

/// A persona as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonaCard {
    /// Its id.
    pub id: PersonaId,
    /// Its name.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// The buying role's name.
    pub role: Option<String>,
    /// Whether the role makes the buying decision.
    pub decides: bool,
    /// The customer segment's name.
    pub customer_segment: Option<String>,
    /// Proto, validated or detailed.
    pub status: Option<Status>,
    /// Priority, 1-5.
    pub priority: Option<u8>,
    /// The products it is tied to, in the order given.
    pub products: Vec<ProductTie>,
    /// How far it rests on evidence, 0..1, on the day the overview was made.
    pub confidence: f64,
    /// Whether that is below [`crate::analysis::health::LOW_CONFIDENCE`]:
    /// too little to act on.
    pub low_confidence: bool,
}

/// A persona's tie to a product, by name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProductTie {
    /// The product's id.
    pub id: ProductId,
    /// The product's name.
    pub name: String,
    /// How the persona is tied to it.
    pub relation: ProductRelation,
}

/// Builds the overview of `project`, stored in `file`.
/// O(|personas| log |personas| + |links|).
pub fn overview(project: &Project, file: &str, today: Date) -> Overview {
    let roles: HashMap<&BuyingRoleId, &BuyingRole> =
        project.buying_roles.iter().map(|r| (&r.id, r)).collect();
    let customer_segments: HashMap<&CustomerSegmentId, &str> = project
        .customer_segments
        .iter()
        .map(|s| (&s.id, s.name.as_str()))
        .collect();
    let products: HashMap<&ProductId, &str> = project
        .products
        .iter()
        .map(|p| (&p.id, p.name.as_str()))
        .collect();

    let card = |p: &Persona| {
        let role = p.buying_role.as_ref().and_then(|id| roles.get(id));
        let confidence = health::confidence(p, &project.thresholds, today);
        PersonaCard {
            id: p.id.clone(),
            name: p.name.clone(),
            title: p.title.clone(),
            role: role.map(|r| r.name.clone()),
            decides: role.is_some_and(|r| r.decides),
            customer_segment: p
                .customer_segment
                .as_ref()
                .and_then(|id| customer_segments.get(id))
                .map(|s| (*s).to_owned()),
            status: p.status,
            priority: p.priority.map(Priority::get),
            products: p
                .products
                .iter()
                .filter_map(|l| {
                    products.get(&l.product).map(|name| ProductTie {
                        id: l.product.clone(),
                        name: (*name).to_owned(),
                        relation: l.relation,
                    })
                })
                .collect(),
            confidence,
            low_confidence: health::is_low(confidence),
        }
    };

    let mut by_segment: HashMap<Option<&MarketSegmentId>, Vec<PersonaCard>> = HashMap::new();
    for p in &project.personas {
        by_segment
            .entry(p.market_segment.as_ref())
            .or_default()
            .push(card(p));
    }

    let mut segments: Vec<&MarketSegment> = project.market_segments.iter().collect();
    segments.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut groups: Vec<SegmentGroup> = segments
        .into_iter()
        .map(|s| SegmentGroup {
            segment: Some(SegmentSummary {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                priority: s.priority.map(Priority::get),
            }),
            personas: by_segment.remove(&Some(&s.id)).unwrap_or_default(),
        })
        .collect();
    if let Some(rest) = by_segment.remove(&None) {
        groups.push(SegmentGroup {
            segment: None,
            personas: rest,
        });
    }
    for g in &mut groups {
        g.personas
            .sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    }
    Overview {
        file: file.to_owned(),
        name: project.project.name.clone(),
        description: project.project.description.clone(),
        counts: project.counts(),
        groups,
        views: project.views.clone(),
    }
}
