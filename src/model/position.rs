//! Where the user placed a node on the map. Layout is the user's work too:
//! it is kept in the project file, beside the entities, not inside them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far from the origin a node may be placed, in map units. Far beyond
/// any layout of 20,000 personas, and small enough to stay exact.
pub const MAP_EXTENT: f64 = 1e7;

/// One node's place on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct NodePosition {
    /// The id of the entity the node draws.
    pub id: String,
    /// Left to right.
    pub x: f64,
    /// Top to bottom.
    pub y: f64,
}

impl NodePosition {
    /// Whether both coordinates are finite and within [`MAP_EXTENT`].
    pub fn is_within_map(&self) -> bool {
        [self.x, self.y]
            .iter()
            .all(|v| v.is_finite() && v.abs() <= MAP_EXTENT)
    }
}
