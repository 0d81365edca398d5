//! The built-in demo portfolio: Lanternfold, a fictional data-operations
//! software vendor whose three product teams each wrote their own personas.

pub mod contacts;

use crate::error::Result;
use crate::interchange;
use crate::model::Project;

const PORTFOLIO: &str = include_str!("portfolio.json");

/// The demo project, read from the interchange file built into the binary.
pub fn project() -> Result<Project> {
    interchange::read(PORTFOLIO, "the built-in demo")
}

/// How many contacts the demo's table holds.
pub const CONTACTS: usize = 3_000;

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_is_a_valid_project() {
        let demo = super::project().expect("the embedded demo must always read cleanly");
        let c = demo.counts();
        assert!(
            c.personas >= 15,
            "the issue asks for 15+ personas, has {}",
            c.personas
        );
        assert!(
            c.products >= 4 && c.needs >= 10 && c.buying_units >= 3,
            "{c:?}"
        );
    }
}
