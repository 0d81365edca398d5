//! A table of made-up CRM contacts for the demo, so that the rules of
//! Lanternfold's personas can be tried at once (`persona-atlas match`, the
//! Data view). Generated, deterministic, and about no real person: accounts
//! are invented company names, contacts have ids, not names.
//!
//! The table is meant to tell a story when matched: most contacts fit a
//! persona, some fit two (the Data platform leads that two teams wrote),
//! a group of revenue-operations people fits none (a persona nobody has
//! written), a few cells are empty or unreadable, and some accounts lack a
//! required buying role.

/// A small, fixed generator: the same seed gives the same table.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: [&str; 12] = [
    "Blue", "North", "Harbour", "Silver", "Granite", "Meadow", "Copper", "Lantern", "Cedar",
    "Orbit", "Falcon", "Willow",
];
const SECOND: [&str; 10] = [
    "Freight",
    "Bank",
    "Retail",
    "Health",
    "Energy",
    "Insurance",
    "Foods",
    "Logistics",
    "Media",
    "Telecom",
];
const INDUSTRIES: [&str; 5] = [
    "financial_services",
    "retail",
    "healthcare",
    "manufacturing",
    "public_sector",
];
const REGIONS: [&str; 3] = ["EU", "UK", "NA"];

/// Who a contact is: title, department, seniority, and whether they use dbt
/// or are on call. Weighted so that each persona with rules finds people.
const ARCHETYPES: [(&str, &str, &str, &str, &str, usize); 14] = [
    ("Analytics Engineer", "Data", "senior", "true", "false", 12),
    (
        "Senior Analytics Engineer",
        "Data",
        "senior",
        "true",
        "true",
        6,
    ),
    ("Data Platform Lead", "Data", "lead", "false", "true", 8),
    ("Head of Data Platform", "Data", "head", "false", "false", 4),
    (
        "Data Reliability Engineer",
        "Data",
        "senior",
        "false",
        "true",
        7,
    ),
    (
        "Procurement Manager",
        "Procurement",
        "manager",
        "false",
        "false",
        6,
    ),
    ("CTO", "Engineering", "c-level", "false", "false", 3),
    (
        "Chief Technology Officer",
        "Engineering",
        "c-level",
        "false",
        "false",
        2,
    ),
    ("Enterprise Architect", "IT", "senior", "false", "false", 5),
    ("VP Data", "Data", "vp", "false", "false", 3),
    ("IT Director", "IT", "director", "false", "false", 4),
    // Nobody wrote these: the unmatched records tell of them.
    (
        "Revenue Operations Manager",
        "RevOps",
        "manager",
        "false",
        "false",
        9,
    ),
    (
        "Sales Operations Analyst",
        "RevOps",
        "senior",
        "false",
        "false",
        6,
    ),
    (
        "Marketing Manager",
        "Marketing",
        "manager",
        "false",
        "false",
        5,
    ),
];

/// The columns of the table, in order.
pub const COLUMNS: [&str; 11] = [
    "contact_id",
    "account",
    "title",
    "department",
    "seniority",
    "industry",
    "region",
    "company_size",
    "uses_dbt",
    "on_call",
    "country",
];

/// `records` made-up contacts as CSV (RFC 4180, UTF-8, a header row).
pub fn csv(records: usize) -> Vec<u8> {
    let mut rng = Rng(2026);
    let accounts: Vec<(String, &str, &str, usize)> = (0..records.div_ceil(8).max(1))
        .map(|i| {
            let name = format!(
                "{} {} {}",
                FIRST[rng.below(FIRST.len())],
                SECOND[rng.below(SECOND.len())],
                i + 1
            );
            let size = [40, 120, 260, 480, 900, 2_500, 12_000][rng.below(7)];
            (
                name,
                INDUSTRIES[rng.below(INDUSTRIES.len())],
                REGIONS[rng.below(REGIONS.len())],
                size,
            )
        })
        .collect();
    let weight: usize = ARCHETYPES.iter().map(|a| a.5).sum();
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(COLUMNS);
    for i in 0..records {
        let (account, industry, region, size) = &accounts[rng.below(accounts.len())];
        let mut pick = rng.below(weight);
        let archetype = ARCHETYPES
            .iter()
            .find(|a| {
                if pick < a.5 {
                    true
                } else {
                    pick -= a.5;
                    false
                }
            })
            .unwrap_or(&ARCHETYPES[0]);
        let (title, department, seniority, dbt, on_call, _) = *archetype;
        // Some cells are empty, and a few company sizes unreadable, as in
        // every real export.
        let size = match rng.below(40) {
            0 => String::new(),
            1 => "n/a".to_owned(),
            _ => size.to_string(),
        };
        let region = if rng.chance(3) { "" } else { region };
        let country = match region {
            "EU" => ["DE", "FR", "NL", "ES"][rng.below(4)],
            "UK" => "GB",
            "NA" => ["US", "CA"][rng.below(2)],
            _ => "",
        };
        let _ = out.write_record([
            format!("C-{:05}", i + 1).as_str(),
            account,
            title,
            department,
            seniority,
            industry,
            region,
            &size,
            dbt,
            if rng.chance(5) { "" } else { on_call },
            country,
        ]);
    }
    out.into_inner().unwrap_or_default()
}
