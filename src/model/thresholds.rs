//! The thresholds the analyses judge by. They live in the project file, so a
//! team that agreed on "underserved means below 60 %" keeps that agreement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Days, Unit};

/// Where the analyses draw their lines. Every value but
/// `stale_after_days` is from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Thresholds {
    /// A persona whose service level (the importance-weighted share of its
    /// needs that our best products meet) is below this is underserved.
    /// Default 0.6.
    pub underserved_below: Unit,
    /// A need at least this important to a persona is an important need.
    /// Default 0.7.
    pub important_need: Unit,
    /// A product meets a need when it scores at least this. Default 0.5.
    pub met_at: Unit,
    /// Two personas at least this similar are taken for one person written
    /// twice. Default 0.7.
    pub overlap_at: Unit,
    /// A persona not reviewed for longer than this many days is stale.
    /// Default 365.
    pub stale_after_days: Days,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::DEFAULT
    }
}

impl Thresholds {
    /// The documented defaults.
    pub const DEFAULT: Thresholds = Thresholds {
        underserved_below: Unit::const_new(0.6),
        important_need: Unit::const_new(0.7),
        met_at: Unit::const_new(0.5),
        overlap_at: Unit::const_new(0.7),
        stale_after_days: Days::const_new(365),
    };

    /// The name of the one threshold that counts days.
    pub const STALE_AFTER_DAYS: &'static str = "stale_after_days";

    /// The names of the thresholds from 0 to 1, as written in files and on
    /// the command line; [`Thresholds::STALE_AFTER_DAYS`] is the fifth.
    pub const NAMES: [&'static str; 4] = [
        "underserved_below",
        "important_need",
        "met_at",
        "overlap_at",
    ];

    /// Whether every threshold has its default value.
    pub fn is_default(&self) -> bool {
        *self == Thresholds::DEFAULT
    }

    /// The value of the threshold called `name`.
    pub fn get(&self, name: &str) -> Option<Unit> {
        match name {
            "underserved_below" => Some(self.underserved_below),
            "important_need" => Some(self.important_need),
            "met_at" => Some(self.met_at),
            "overlap_at" => Some(self.overlap_at),
            _ => None,
        }
    }

    /// Sets the threshold called `name`; false if there is none of that name.
    pub fn set(&mut self, name: &str, value: Unit) -> bool {
        let slot = match name {
            "underserved_below" => &mut self.underserved_below,
            "important_need" => &mut self.important_need,
            "met_at" => &mut self.met_at,
            "overlap_at" => &mut self.overlap_at,
            _ => return false,
        };
        *slot = value;
        true
    }
}
