//! The domain model: plain data, one type per entity and link of the
//! interchange format (`shared/spec/interchange-v1.md`). No I/O here.
//!
//! The serde shape of these types *is* the interchange format, so that the
//! export is the model written out; reading goes through
//! [`crate::interchange`], which checks everything and says where.

mod ids;
mod kind;
mod position;
mod thresholds;
mod values;
mod view;

pub use ids::*;
pub use kind::EntityKind;
pub use position::{MAP_EXTENT, NodePosition};
pub use thresholds::Thresholds;
pub use values::*;
pub use view::{
    Camera, MAX_VIEW_NAME, MAX_VIEW_NOTE, MAX_VIEWS, SavedView, ViewFilter, ViewLayers, ZOOM_RANGE,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole project: everything a `.patlas` file holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Project {
    /// The project's name and description.
    pub project: ProjectMeta,
    /// Situational segments from market data and firmographics.
    pub market_segments: Vec<MarketSegment>,
    /// Psychographic segments: why people buy.
    pub customer_segments: Vec<CustomerSegment>,
    /// The roles people play in a buying process (buyer clusters).
    pub buying_roles: Vec<BuyingRole>,
    /// Needs, goals and jobs that personas have and products meet.
    pub needs: Vec<Need>,
    /// The portfolio.
    pub products: Vec<Product>,
    /// Competitors' offers, for value-gap comparison.
    pub competitors: Vec<Competitor>,
    /// The product personas.
    pub personas: Vec<Persona>,
    /// Links between personas inside buying units.
    pub relationships: Vec<Relationship>,
    /// Groups of personas that buy together.
    pub buying_units: Vec<BuyingUnit>,
    /// How personas move from first need to renewal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journeys: Vec<Journey>,
    /// Where the analyses draw their lines.
    #[serde(skip_serializing_if = "Thresholds::is_default")]
    pub thresholds: Thresholds,
    /// Saved views of the map, in the order they are presented.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<SavedView>,
}

/// The project's own name and description.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProjectMeta {
    /// What the project is called.
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A situational segment.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct MarketSegment {
    /// Unique id.
    pub id: MarketSegmentId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes, e.g. industry, company size, region.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// Number of accounts or revenue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<f64>,
    /// How much the business cares about it, 1-5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

/// A psychographic segment: attitudes, aspirations, intentions.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct CustomerSegment {
    /// Unique id.
    pub id: CustomerSegmentId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// How much the business cares about it, 1-5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

/// A role a person plays in a B2B buying process.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct BuyingRole {
    /// Unique id.
    pub id: BuyingRoleId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// A buying unit without this role is incomplete.
    #[serde(skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub required: bool,
    /// People in this role make the final buying decision.
    #[serde(skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub decides: bool,
}

/// A want, need, goal or job.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Need {
    /// Unique id.
    pub id: NeedId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
}

/// How well an offer meets a need.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct NeedScore {
    /// The need.
    pub need: NeedId,
    /// 1 = fully met.
    pub score: Unit,
}

/// A product of the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Product {
    /// Unique id.
    pub id: ProductId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// The needs it meets, and how well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<NeedScore>>", optional)]
    pub addresses: Vec<NeedScore>,
}

/// A competitor's offer.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Competitor {
    /// Unique id.
    pub id: CompetitorId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// The needs it meets, and how well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<NeedScore>>", optional)]
    pub addresses: Vec<NeedScore>,
}

/// A need of a persona and how much it matters to them.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct PersonaNeed {
    /// The need.
    pub need: NeedId,
    /// 1 = it matters most.
    pub importance: Unit,
}

/// A persona's tie to a product.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct PersonaProduct {
    /// The product.
    pub product: ProductId,
    /// What kind of tie.
    pub relation: ProductRelation,
}

/// A piece of evidence behind a persona.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Evidence {
    /// Where it comes from.
    pub kind: EvidenceKind,
    /// Which study, report or workshop.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source: Option<String>,
    /// When it was gathered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<Date>,
    /// What was learned, or a quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// From a match of customer records: how many records the rule matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<f64>", optional)]
    pub records: Option<u64>,
    /// From a match of customer records: the share of the table matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub share: Option<Unit>,
}

/// A short story of a persona at work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// What the story is called.
    pub title: String,
    /// The story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
}

/// A product persona: the granular person.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Persona {
    /// Unique id.
    pub id: PersonaId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Something they would say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The face on the one-pager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portrait: Option<Portrait>,
    /// What they want to achieve.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub goals: Vec<String>,
    /// What gets in their way.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub pain_points: Vec<String>,
    /// Where to reach them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub channels: Vec<String>,
    /// The teams or functions that work with this persona.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub used_by: Vec<String>,
    /// Stories of the persona at work.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Scenario>>", optional)]
    pub scenarios: Vec<Scenario>,
    /// Their market segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_segment: Option<MarketSegmentId>,
    /// Their customer segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_segment: Option<CustomerSegmentId>,
    /// Their role in buying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buying_role: Option<BuyingRoleId>,
    /// How important the persona is to the business, 1-5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Proto, validated or detailed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// When it was last checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    /// Their needs, with importance.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<PersonaNeed>>", optional)]
    pub needs: Vec<PersonaNeed>,
    /// Their ties to products.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<PersonaProduct>>", optional)]
    pub products: Vec<PersonaProduct>,
    /// What the persona rests on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Evidence>>", optional)]
    pub evidence: Vec<Evidence>,
    /// The data points that assign a real customer record to this persona.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
}

/// How one persona acts on another.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Relationship {
    /// Who acts.
    pub from: PersonaId,
    /// On whom.
    pub to: PersonaId,
    /// How.
    pub kind: RelationshipKind,
    /// How strongly, 0-1 (1 when not given).
    pub weight: Unit,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
}

/// A member of a buying unit.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Member {
    /// The persona.
    pub persona: PersonaId,
    /// The role they play in this unit, when it differs from their usual one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRoleId>,
}

/// A group of personas that buys together.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct BuyingUnit {
    /// Unique id.
    pub id: BuyingUnitId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// The product they buy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<ProductId>,
    /// The market segment they buy in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_segment: Option<MarketSegmentId>,
    /// Who is in it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Member>>", optional)]
    pub members: Vec<Member>,
}

/// One stage of a journey, and what happens there.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Stage {
    /// What the stage is called ("Awareness", "Evaluation"...).
    pub name: String,
    /// What the personas want here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub goals: Vec<String>,
    /// What they ask.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub questions: Vec<String>,
    /// Where they meet us.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub touchpoints: Vec<String>,
    /// Through which channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub channels: Vec<String>,
    /// The project's needs that matter at this stage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<NeedId>>", optional)]
    pub needs: Vec<NeedId>,
    /// What hurts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub pains: Vec<String>,
    /// What we could do better.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub opportunities: Vec<String>,
    /// How they feel, -2 to 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emotion: Option<Emotion>,
}

/// How one or several personas move from first need to renewal.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Journey {
    /// Unique id.
    pub id: JourneyId,
    /// Display name.
    pub name: String,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free attributes.
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    #[ts(as = "Option<Attributes>", optional)]
    pub attributes: Attributes,
    /// The personas compared on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<PersonaId>>", optional)]
    pub personas: Vec<PersonaId>,
    /// The stages, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Stage>>", optional)]
    pub stages: Vec<Stage>,
}

impl Project {
    /// Sorts every list by id (relationships by from, to and kind), the
    /// order in which exports are written. Lists inside an entity keep the
    /// order the user gave them.
    pub fn sort(&mut self) {
        self.market_segments.sort_by(|a, b| a.id.cmp(&b.id));
        self.customer_segments.sort_by(|a, b| a.id.cmp(&b.id));
        self.buying_roles.sort_by(|a, b| a.id.cmp(&b.id));
        self.needs.sort_by(|a, b| a.id.cmp(&b.id));
        self.products.sort_by(|a, b| a.id.cmp(&b.id));
        self.competitors.sort_by(|a, b| a.id.cmp(&b.id));
        self.personas.sort_by(|a, b| a.id.cmp(&b.id));
        self.relationships
            .sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));
        self.buying_units.sort_by(|a, b| a.id.cmp(&b.id));
        self.journeys.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// How many entities of each kind the project holds.
    pub fn counts(&self) -> Counts {
        Counts {
            market_segments: self.market_segments.len(),
            customer_segments: self.customer_segments.len(),
            buying_roles: self.buying_roles.len(),
            needs: self.needs.len(),
            products: self.products.len(),
            competitors: self.competitors.len(),
            personas: self.personas.len(),
            relationships: self.relationships.len(),
            buying_units: self.buying_units.len(),
            journeys: self.journeys.len(),
        }
    }
}

/// How many entities of each kind a project holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Counts {
    /// Market segments.
    pub market_segments: usize,
    /// Customer segments.
    pub customer_segments: usize,
    /// Buying roles.
    pub buying_roles: usize,
    /// Needs.
    pub needs: usize,
    /// Products.
    pub products: usize,
    /// Competitors.
    pub competitors: usize,
    /// Personas.
    pub personas: usize,
    /// Relationships between personas.
    pub relationships: usize,
    /// Buying units.
    pub buying_units: usize,
    /// Journeys.
    pub journeys: usize,
}
