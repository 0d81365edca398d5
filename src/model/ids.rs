//! Identifiers. Every entity of a project has an id that is unique across the
//! whole project; each kind of entity gets its own newtype so that a persona id
//! can never be passed where a need id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest id the interchange format allows.
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not a valid id.
pub fn id_problem(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("an id must not be empty".to_owned());
    }
    if s.chars().count() > MAX_ID_LEN {
        return Some(format!(
            "an id is at most {MAX_ID_LEN} characters; this one has {}",
            s.chars().count()
        ));
    }
    if let Some(bad) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
    {
        return Some(format!(
            "{bad:?} is not allowed in an id (use A-Z a-z 0-9 . _ : -)"
        ));
    }
    None
}

/// A new id for an entity called `label`: `prefix-` and the name in lower
/// case, letters and digits joined by single dashes (`role-decision-maker`),
/// cut to leave room for a number, and numbered from 2 while `is_taken`
/// says it is in use. Always a valid id when `prefix` is.
pub fn fresh_id(prefix: &str, label: &str, is_taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base: String = format!("{prefix}-{}", if slug.is_empty() { "x" } else { slug })
        .chars()
        .take(MAX_ID_LEN - 8)
        .collect();
    let base = base.trim_end_matches('-').to_owned();
    let mut id = base.clone();
    let mut n = 2u64;
    while is_taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
        )]
        #[serde(try_from = "String", into = "String")]
        #[ts(type = "string")]
        pub struct $name(String);

        impl $name {
            /// Makes an id, checking the characters and length the format allows.
            pub fn new(s: impl Into<String>) -> Result<Self, String> {
                let s = s.into();
                match id_problem(&s) {
                    Some(problem) => Err(problem),
                    None => Ok(Self(s)),
                }
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Id of a market segment.
    MarketSegmentId
);
id_type!(
    /// Id of a customer segment.
    CustomerSegmentId
);
id_type!(
    /// Id of a buying role (buyer cluster).
    BuyingRoleId
);
id_type!(
    /// Id of a need.
    NeedId
);
id_type!(
    /// Id of a product of the portfolio.
    ProductId
);
id_type!(
    /// Id of a competitor.
    CompetitorId
);
id_type!(
    /// Id of a product persona.
    PersonaId
);
id_type!(
    /// Id of a buying unit.
    BuyingUnitId
);
id_type!(
    /// Id of a customer journey.
    JourneyId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_alphabet() {
        assert!(
            PersonaId::new("p-Ops_1.a:b").is_ok(),
            "all allowed characters"
        );
        assert!(
            PersonaId::new("x".repeat(64)).is_ok(),
            "64 characters is the limit"
        );
    }

    #[test]
    fn refuses_what_the_format_forbids() {
        assert!(PersonaId::new("").is_err(), "empty");
        assert!(PersonaId::new("x".repeat(65)).is_err(), "too long");
        let err = PersonaId::new("has space").unwrap_err();
        assert!(err.contains("' '"), "names the offending character: {err}");
        assert!(
            PersonaId::new("é").is_err(),
            "non-ASCII letters are not in the alphabet"
        );
    }
}
