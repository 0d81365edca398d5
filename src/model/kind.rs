//! The kinds of entity a project holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kinds of entity, each with its own list in the interchange format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum EntityKind {
    /// A market segment.
    MarketSegment,
    /// A customer segment.
    CustomerSegment,
    /// A buying role.
    BuyingRole,
    /// A need.
    Need,
    /// A product.
    Product,
    /// A competitor.
    Competitor,
    /// A persona.
    Persona,
    /// A buying unit.
    BuyingUnit,
    /// A customer journey.
    Journey,
}

impl EntityKind {
    /// The list of the interchange format that holds this kind.
    pub fn list(self) -> &'static str {
        match self {
            EntityKind::MarketSegment => "market_segments",
            EntityKind::CustomerSegment => "customer_segments",
            EntityKind::BuyingRole => "buying_roles",
            EntityKind::Need => "needs",
            EntityKind::Product => "products",
            EntityKind::Competitor => "competitors",
            EntityKind::Persona => "personas",
            EntityKind::BuyingUnit => "buying_units",
            EntityKind::Journey => "journeys",
        }
    }

    /// What a person calls one of them: "market segment", "need"...
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::MarketSegment => "market segment",
            EntityKind::CustomerSegment => "customer segment",
            EntityKind::BuyingRole => "buying role",
            EntityKind::Need => "need",
            EntityKind::Product => "product",
            EntityKind::Competitor => "competitor",
            EntityKind::Persona => "persona",
            EntityKind::BuyingUnit => "buying unit",
            EntityKind::Journey => "journey",
        }
    }
}
