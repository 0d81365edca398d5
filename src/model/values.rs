//! Small value types with the ranges the interchange format allows.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A number from 0 to 1: a product's score for a need, a need's importance
/// to a persona, a relationship's weight.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize, TS)]
#[serde(try_from = "f64", into = "f64")]
#[ts(type = "number")]
pub struct Unit(f64);

impl Unit {
    /// 1, the default weight of a relationship.
    pub const ONE: Unit = Unit(1.0);

    /// A unit value known at compile time; out-of-range constants do not compile.
    pub const fn const_new(v: f64) -> Self {
        assert!(v >= 0.0 && v <= 1.0, "a Unit is from 0 to 1");
        Unit(v)
    }

    /// Makes a unit value, refusing anything outside 0..1 (and NaN).
    pub fn new(v: f64) -> Result<Self, String> {
        if (0.0..=1.0).contains(&v) {
            // -0.0 becomes 0.0, which is what a score of zero means.
            Ok(Unit(v + 0.0))
        } else {
            Err(format!("{v} is outside 0..1"))
        }
    }

    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Unit {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        Unit::new(v)
    }
}

impl From<Unit> for f64 {
    fn from(u: Unit) -> f64 {
        u.0
    }
}

/// The largest count of records a project may hold, 2^53 - 1: what
/// JavaScript reads exactly, so the app shows the number the file holds.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// A point on a journey stage's emotion curve, from -2 (very negative) to
/// 2 (very positive).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize, TS)]
#[serde(try_from = "f64", into = "f64")]
#[ts(type = "number")]
pub struct Emotion(f64);

impl Emotion {
    /// Makes an emotion, refusing anything outside -2..2 (and NaN).
    pub fn new(v: f64) -> Result<Self, String> {
        if (-2.0..=2.0).contains(&v) {
            Ok(Emotion(v + 0.0))
        } else {
            Err(format!("{v} is outside -2..2"))
        }
    }

    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Emotion {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        Emotion::new(v)
    }
}

impl From<Emotion> for f64 {
    fn from(e: Emotion) -> f64 {
        e.0
    }
}

/// A persona's portrait: a `data:` URI of a PNG or JPEG image, at most
/// [`Portrait::MAX_BYTES`] long, whose bytes are checked to be the image
/// type it says. It is inlined so that a project stays one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Portrait(String);

impl Portrait {
    /// The longest portrait URI, 512 KiB.
    pub const MAX_BYTES: usize = 512 * 1024;

    /// Checks a `data:image/png;base64,...` or `data:image/jpeg;base64,...`
    /// URI. O(length).
    pub fn new(uri: impl Into<String>) -> Result<Self, String> {
        use base64::Engine as _;
        let uri = uri.into();
        if uri.len() > Self::MAX_BYTES {
            return Err(format!(
                "the portrait is {} KiB; at most {} KiB is allowed",
                uri.len().div_ceil(1024),
                Self::MAX_BYTES / 1024
            ));
        }
        let (magic, data): (&[u8], &str) =
            if let Some(d) = uri.strip_prefix("data:image/png;base64,") {
                (b"\x89PNG\r\n\x1a\n", d)
            } else if let Some(d) = uri.strip_prefix("data:image/jpeg;base64,") {
                (&[0xFF, 0xD8, 0xFF], d)
            } else {
                return Err(
                    "a portrait is a data:image/png;base64,... or data:image/jpeg;base64,... URI"
                        .to_owned(),
                );
            };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| format!("the portrait's base64 is damaged: {e}"))?;
        if !bytes.starts_with(magic) {
            return Err("the portrait's bytes are not the image type its URI names".to_owned());
        }
        Ok(Portrait(uri))
    }

    /// The URI.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Portrait {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Portrait::new(s)
    }
}

impl From<Portrait> for String {
    fn from(p: Portrait) -> String {
        p.0
    }
}

/// A number of days, at least 1: how long a persona stays fresh after its
/// last review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "u32", into = "u32")]
#[ts(type = "number")]
pub struct Days(u32);

impl Days {
    /// A count known at compile time.
    pub const fn const_new(v: u32) -> Self {
        assert!(v >= 1, "at least one day");
        Days(v)
    }

    /// Makes a count of days, refusing 0 and anything above 100 years.
    pub fn new(v: i64) -> Result<Self, String> {
        match u32::try_from(v) {
            Ok(d) if (1..=36_525).contains(&d) => Ok(Days(d)),
            _ => Err(format!("{v} is not a number of days from 1 to 36525")),
        }
    }

    /// The count.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Days {
    type Error = String;
    fn try_from(v: u32) -> Result<Self, String> {
        Days::new(i64::from(v))
    }
}

impl From<Days> for u32 {
    fn from(d: Days) -> u32 {
        d.0
    }
}

/// How important something is to the business, from 1 (low) to 5 (high).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "u8", into = "u8")]
#[ts(type = "number")]
pub struct Priority(u8);

impl Priority {
    /// Makes a priority, refusing anything but 1..=5.
    pub fn new(v: i64) -> Result<Self, String> {
        match u8::try_from(v) {
            Ok(p @ 1..=5) => Ok(Priority(p)),
            _ => Err(format!("{v} is not a priority (1 to 5)")),
        }
    }

    /// The number, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Priority {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        Priority::new(i64::from(v))
    }
}

impl From<Priority> for u8 {
    fn from(p: Priority) -> u8 {
        p.0
    }
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Makes a date from its parts, refusing days that are not in the calendar.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Result<Self, String> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => return Err(format!("month {month} does not exist")),
        };
        if year == 0 || day == 0 || day > days_in_month {
            return Err(format!(
                "{year:04}-{month:02}-{day:02} is not a day of the calendar"
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Reads an ISO date `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b[r.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| s[r].parse::<u16>().ok())
                .flatten()
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(format!("{s:?} is not a date written YYYY-MM-DD"));
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => {
                // Both fit: two digits are at most 99.
                Date::from_ymd(y, m as u8, d as u8)
            }
            _ => Err(format!("{s:?} is not a date written YYYY-MM-DD")),
        }
    }
}

impl Date {
    /// The year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The day as people write it in English: "3 December 2026".
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = usize::from(self.month)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
            .unwrap_or(&"");
        format!("{} {month} {}", self.day, self.year)
    }

    /// The day's number counted from 1970-01-01 (day 0), so that two dates
    /// are days apart by subtraction. The proleptic Gregorian calendar.
    pub fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date of a [`Date::day_number`], if it is between the years 1 and 9999.
    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::from_ymd(
            u16::try_from(year)
                .ok()
                .filter(|y| (1..=9999).contains(y))?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
        .ok()
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        i64::try_from(days)
            .ok()
            .and_then(Date::from_day_number)
            .unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// One value of an entity's free attributes (firmographics and the like).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(untagged)]
pub enum AttributeValue {
    /// A yes/no fact.
    Bool(bool),
    /// A number, kept exactly as written (an integer stays an integer).
    Number(#[ts(type = "number")] serde_json::Number),
    /// Text.
    Text(String),
}

/// Free attributes of an entity, sorted by key so that exports are stable.
pub type Attributes = BTreeMap<String, AttributeValue>;

/// Where a persona stands as a hypothesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum Status {
    /// A first sketch, from assumptions.
    Proto,
    /// Checked against real customers.
    Validated,
    /// Validated and written out in full.
    Detailed,
}

/// How a persona is tied to a product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum ProductRelation {
    /// The product team that wrote this persona.
    OwnedBy,
    /// The product markets to the persona.
    Targets,
    /// The persona is seen using the product.
    Uses,
    /// The persona is seen evaluating the product.
    Evaluates,
}

/// Where a piece of evidence for a persona comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A customer interview.
    Interview,
    /// A survey.
    Survey,
    /// Records from the CRM.
    Crm,
    /// Product or web analytics.
    Analytics,
    /// A workshop with the team or customers.
    Workshop,
    /// Nobody has checked it yet.
    Assumption,
}

/// How one persona acts on another inside a buying unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum RelationshipKind {
    /// Sways the other's opinion.
    Influences,
    /// Signs off what the other proposes.
    Approves,
    /// Reports to the other.
    ReportsTo,
    /// Recommends to the other.
    Recommends,
    /// Can stop the other's choice.
    Blocks,
    /// Works alongside the other.
    Collaborates,
}

/// The serde names of an enum's values, for error messages and parsing.
pub trait Named: Sized + Copy + 'static {
    /// Every value with its name in the format.
    const ALL: &'static [(&'static str, Self)];

    /// The value written as `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// The name of this value in the format.
    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }

    /// The names, quoted and joined for a message: `"a", "b" or "c"`.
    fn choices() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|(n, _)| format!("{n:?}")).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}

impl Named for Status {
    const ALL: &'static [(&'static str, Self)] = &[
        ("proto", Status::Proto),
        ("validated", Status::Validated),
        ("detailed", Status::Detailed),
    ];
}

impl Named for ProductRelation {
    const ALL: &'static [(&'static str, Self)] = &[
        ("owned_by", ProductRelation::OwnedBy),
        ("targets", ProductRelation::Targets),
        ("uses", ProductRelation::Uses),
        ("evaluates", ProductRelation::Evaluates),
    ];
}

impl Named for EvidenceKind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("interview", EvidenceKind::Interview),
        ("survey", EvidenceKind::Survey),
        ("crm", EvidenceKind::Crm),
        ("analytics", EvidenceKind::Analytics),
        ("workshop", EvidenceKind::Workshop),
        ("assumption", EvidenceKind::Assumption),
    ];
}

impl Named for RelationshipKind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("influences", RelationshipKind::Influences),
        ("approves", RelationshipKind::Approves),
        ("reports_to", RelationshipKind::ReportsTo),
        ("recommends", RelationshipKind::Recommends),
        ("blocks", RelationshipKind::Blocks),
        ("collaborates", RelationshipKind::Collaborates),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_is_closed_zero_to_one() {
        assert!(
            Unit::new(0.0).is_ok() && Unit::new(1.0).is_ok(),
            "ends are included"
        );
        assert!(Unit::new(1.0001).is_err(), "above one");
        assert!(Unit::new(-0.1).is_err(), "below zero");
        assert!(Unit::new(f64::NAN).is_err(), "NaN is no number");
    }

    #[test]
    fn a_date_is_written_as_people_write_it() {
        let day = |y, m, d| Date::from_ymd(y, m, d).expect("a calendar day");
        assert_eq!(
            day(2026, 12, 3).long(),
            "3 December 2026",
            "day, month name, year"
        );
        assert_eq!(
            day(2024, 2, 29).long(),
            "29 February 2024",
            "every month has its name"
        );
        assert_eq!(day(2026, 12, 3).ymd(), (2026, 12, 3), "and its parts");
    }

    #[test]
    fn dates_follow_the_calendar() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Ok("2024-02-29".into())
        );
        assert!(
            Date::parse("2023-02-29").is_err(),
            "2023 is not a leap year"
        );
        assert!(
            Date::parse("2100-02-29").is_err(),
            "centuries are not leap years"
        );
        assert!(Date::parse("2026-13-01").is_err(), "no month 13");
        assert!(Date::parse("2026-1-01").is_err(), "months have two digits");
        assert!(Date::parse("2026-01-0a").is_err(), "digits only");
        assert!(Date::parse("２０２６-01-01").is_err(), "ASCII digits only");
    }

    #[test]
    fn enum_names_match_serde() {
        for (name, value) in ProductRelation::ALL {
            let json = serde_json::to_string(value).expect("enums serialise");
            assert_eq!(json, format!("{name:?}"), "Named and serde must agree");
        }
        assert_eq!(Status::choices(), r#""proto", "validated" or "detailed""#);
    }

    #[test]
    fn day_numbers_count_days_and_come_back() {
        let d = |s: &str| Date::parse(s).expect("a valid date");
        assert_eq!(d("1970-01-01").day_number(), 0, "the epoch is day 0");
        assert_eq!(
            d("2000-03-01").day_number() - d("2000-02-28").day_number(),
            2,
            "2000 is leap"
        );
        assert_eq!(
            d("1900-03-01").day_number() - d("1900-02-28").day_number(),
            1,
            "1900 is not"
        );
        assert_eq!(
            d("2026-12-02").day_number() - d("2025-12-02").day_number(),
            365
        );
        for n in [-719_162, -1, 0, 1, 10_957, 20_789, 2_932_896] {
            let back = Date::from_day_number(n).map(Date::day_number);
            assert_eq!(back, Some(n), "day {n} must come back from its date");
        }
        assert_eq!(
            Date::from_day_number(-719_163),
            None,
            "year 0 is not a date here"
        );
        assert!(
            Date::today().day_number() > 20_000,
            "the clock is after 2024"
        );
    }

    #[test]
    fn portraits_are_checked_images() {
        use base64::Engine as _;
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
        let png = format!("data:image/png;base64,{}", b64(b"\x89PNG\r\n\x1a\nrest"));
        assert!(
            Portrait::new(png).is_ok(),
            "a PNG signature under a PNG URI"
        );
        let jpeg = format!("data:image/jpeg;base64,{}", b64(&[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(
            Portrait::new(jpeg).is_ok(),
            "a JPEG signature under a JPEG URI"
        );
        let lying = format!("data:image/png;base64,{}", b64(&[0xFF, 0xD8, 0xFF]));
        let err = Portrait::new(lying).unwrap_err();
        assert!(err.contains("not the image type"), "{err}");
        let svg = "data:image/svg+xml;base64,PHN2Zz4=";
        assert!(Portrait::new(svg).is_err(), "SVG can carry script: refused");
        assert!(
            Portrait::new("data:image/png;base64,***").is_err(),
            "damaged base64"
        );
        let huge = format!("data:image/png;base64,{}", "A".repeat(Portrait::MAX_BYTES));
        let err = Portrait::new(huge).unwrap_err();
        assert!(err.contains("at most 512 KiB"), "{err}");
    }

    #[test]
    fn emotions_and_days_have_their_ranges() {
        assert!(
            Emotion::new(-2.0).is_ok() && Emotion::new(2.0).is_ok(),
            "ends included"
        );
        assert!(Emotion::new(2.5).is_err() && Emotion::new(f64::NAN).is_err());
        assert!(Days::new(1).is_ok() && Days::new(0).is_err() && Days::new(-3).is_err());
    }
}
