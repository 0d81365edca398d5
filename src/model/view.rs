//! Saved views of the map: a named filter, the layers shown and where the
//! camera stands, kept in the project so that a consultant can step through
//! them in front of a client. Like positions, they are the user's work on
//! the map, not facts about the personas.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BuyingRoleId, MarketSegmentId, ProductId, Status};

/// The most views one project keeps: more than anyone presents, few enough
/// that an edit may replace the whole list.
pub const MAX_VIEWS: usize = 200;

/// The longest name of a view, in characters.
pub const MAX_VIEW_NAME: usize = 120;

/// The longest note of a view, in characters.
pub const MAX_VIEW_NOTE: usize = 2_000;

/// How far the camera may zoom in or out.
pub const ZOOM_RANGE: (f64, f64) = (0.001, 100.0);

/// One saved view of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct SavedView {
    /// What the view is called; unique in the project.
    pub name: String,
    /// What to say about it when it is presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the map is narrowed to.
    #[serde(default, skip_serializing_if = "ViewFilter::is_empty")]
    #[ts(as = "Option<ViewFilter>", optional)]
    pub filter: ViewFilter,
    /// Which layers are drawn.
    #[serde(default, skip_serializing_if = "ViewLayers::is_none")]
    #[ts(as = "Option<ViewLayers>", optional)]
    pub layers: ViewLayers,
    /// Where the camera stands; `None` fits the whole (filtered) map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
}

/// What a view narrows the map to; every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ViewFilter {
    /// Only the personas of this market segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_segment: Option<MarketSegmentId>,
    /// Only the personas in this buying role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_role: Option<BuyingRoleId>,
    /// Only the personas tied to this product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<ProductId>,
    /// Only the personas of this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Only the personas whose confidence is low.
    #[serde(default, skip_serializing_if = "super::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub low_confidence: bool,
}

impl ViewFilter {
    /// Whether the filter keeps every persona.
    pub fn is_empty(&self) -> bool {
        *self == ViewFilter::default()
    }
}

/// The layers a view draws besides the personas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ViewLayers {
    /// The products.
    #[serde(default, skip_serializing_if = "super::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub products: bool,
    /// The needs.
    #[serde(default, skip_serializing_if = "super::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub needs: bool,
}

impl ViewLayers {
    /// Whether no layer besides the personas is drawn.
    pub fn is_none(&self) -> bool {
        !self.products && !self.needs
    }
}

/// Where the camera stands: the zoom, and the map point at the centre of
/// the window, so that the view frames the same place in any window size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Camera {
    /// 1 = one map unit per pixel; within [`ZOOM_RANGE`].
    pub zoom: f64,
    /// The map point at the centre, left to right.
    pub x: f64,
    /// The map point at the centre, top to bottom.
    pub y: f64,
}

impl Camera {
    /// Whether every number is finite and within its range.
    pub fn is_valid(&self) -> bool {
        self.zoom.is_finite()
            && (ZOOM_RANGE.0..=ZOOM_RANGE.1).contains(&self.zoom)
            && [self.x, self.y]
                .iter()
                .all(|v| v.is_finite() && v.abs() <= super::MAP_EXTENT)
    }
}
