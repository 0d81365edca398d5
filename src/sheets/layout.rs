//! The spreadsheet layout of a project: which sheet holds what, column by
//! column. One description serves the template, the export and the import
//! of XLSX workbooks and of CSV folders, so the three never disagree.

/// How a column's cells are read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text as it is (ids, names, dates as `YYYY-MM-DD`).
    Text,
    /// A number.
    Number,
    /// `true` or `false` (`yes`/`no`, `1`/`0` read too).
    Bool,
    /// A list of texts in one cell, separated by `|` (a `|` or `\` inside
    /// an item is written `\|`, `\\`).
    List,
}

/// A column: its header (the interchange field's name) and its cells.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The header, the interchange field's name.
    pub field: &'static str,
    /// How its cells are read.
    pub cell: Cell,
    /// Required in every row.
    pub required: bool,
    /// What the column holds, for the template's notes.
    pub note: &'static str,
}

const fn col(field: &'static str, cell: Cell, required: bool, note: &'static str) -> Column {
    Column {
        field,
        cell,
        required,
        note,
    }
}

/// Where a sheet's rows go in the interchange document.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    /// Each row is an item of the top-level list `list`; columns not in the
    /// layout are the item's `attributes` when `attributes`.
    List {
        /// The list's key in the document.
        list: &'static str,
        /// Other columns are attributes.
        attributes: bool,
    },
    /// Each row is an item of the list `field` of the item of the top-level
    /// list `parent` whose id is in the column `key`.
    Nested {
        /// The parents' list.
        parent: &'static str,
        /// The column of the parent's id.
        key: &'static str,
        /// The parent's list these rows fill.
        field: &'static str,
    },
    /// The project's name, description and thresholds, one per row.
    Project,
    /// Portraits, cut into pieces a cell can hold.
    Portraits,
}

/// A sheet of the layout.
#[derive(Clone, Copy, Debug)]
pub struct Sheet {
    /// Its name in a workbook.
    pub name: &'static str,
    /// Its file name in a CSV folder, without `.csv`.
    pub file: &'static str,
    /// Where its rows go.
    pub place: Place,
    /// Its columns, in order.
    pub columns: &'static [Column],
    /// What the sheet is, for the template.
    pub about: &'static str,
}

use Cell::{Bool, List, Number, Text};

const ENTITY: [Column; 3] = [
    col(
        "id",
        Text,
        true,
        "1-64 characters of A-Z a-z 0-9 . _ : -, unique in the project",
    ),
    col("name", Text, true, "The name people use"),
    col("description", Text, false, "Free text"),
];

/// Every sheet, in the order a workbook has them and an import reads them.
pub const SHEETS: &[Sheet] = &[
    Sheet {
        name: "Project",
        file: "project",
        place: Place::Project,
        columns: &[
            col("field", Text, true, "name, description, or a threshold"),
            col("value", Text, false, "Its value"),
        ],
        about: "The project's name and description, and the thresholds of its analyses.",
    },
    Sheet {
        name: "Personas",
        file: "personas",
        place: Place::List {
            list: "personas",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col("title", Text, false, "Job title"),
            col("quote", Text, false, "In their own words"),
            col("goals", List, false, "Separated by |"),
            col("pain_points", List, false, "Separated by |"),
            col(
                "channels",
                List,
                false,
                "Where they learn and talk; separated by |",
            ),
            col(
                "used_by",
                List,
                false,
                "Teams that work with this persona; separated by |",
            ),
            col("market_segment", Text, false, "Id of a market segment"),
            col("customer_segment", Text, false, "Id of a customer segment"),
            col("buying_role", Text, false, "Id of a buying role"),
            col("priority", Number, false, "1 to 5"),
            col("status", Text, false, "proto, validated or detailed"),
            col("last_reviewed", Text, false, "YYYY-MM-DD"),
            col(
                "rules",
                Text,
                false,
                "Which customer records are this persona (rules-v1)",
            ),
        ],
        about: "One row per persona. Columns not listed here become the persona's attributes.",
    },
    Sheet {
        name: "Persona needs",
        file: "persona_needs",
        place: Place::Nested {
            parent: "personas",
            key: "persona",
            field: "needs",
        },
        columns: &[
            col("persona", Text, true, "Id of a persona"),
            col("need", Text, true, "Id of a need"),
            col("importance", Number, true, "0 to 1"),
        ],
        about: "How much each persona cares about each need.",
    },
    Sheet {
        name: "Persona products",
        file: "persona_products",
        place: Place::Nested {
            parent: "personas",
            key: "persona",
            field: "products",
        },
        columns: &[
            col("persona", Text, true, "Id of a persona"),
            col("product", Text, true, "Id of a product"),
            col(
                "relation",
                Text,
                true,
                "owned_by, targets, uses or evaluates",
            ),
        ],
        about: "Which product team wrote each persona, and which products it targets, uses or evaluates.",
    },
    Sheet {
        name: "Evidence",
        file: "evidence",
        place: Place::Nested {
            parent: "personas",
            key: "persona",
            field: "evidence",
        },
        columns: &[
            col("persona", Text, true, "Id of a persona"),
            col(
                "kind",
                Text,
                true,
                "interview, survey, crm, analytics, workshop or assumption",
            ),
            col("source", Text, false, "Where it comes from"),
            col("date", Text, false, "YYYY-MM-DD"),
            col("note", Text, false, "What was learned"),
            col(
                "records",
                Number,
                false,
                "For a match of customer records: records matched",
            ),
            col("share", Number, false, "For a match: 0 to 1 of the table"),
        ],
        about: "What each persona rests on.",
    },
    Sheet {
        name: "Scenarios",
        file: "scenarios",
        place: Place::Nested {
            parent: "personas",
            key: "persona",
            field: "scenarios",
        },
        columns: &[
            col("persona", Text, true, "Id of a persona"),
            col("title", Text, true, "A short title"),
            col("text", Text, false, "The story"),
        ],
        about: "Short stories of personas at work, in order.",
    },
    Sheet {
        name: "Market segments",
        file: "market_segments",
        place: Place::List {
            list: "market_segments",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col("size", Number, false, "Accounts or revenue"),
            col("priority", Number, false, "1 to 5"),
        ],
        about: "Situational segments: industry, size, region. Other columns become attributes.",
    },
    Sheet {
        name: "Customer segments",
        file: "customer_segments",
        place: Place::List {
            list: "customer_segments",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col("priority", Number, false, "1 to 5"),
        ],
        about: "Why they buy: attitudes, aspirations, intentions.",
    },
    Sheet {
        name: "Buying roles",
        file: "buying_roles",
        place: Place::List {
            list: "buying_roles",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col(
                "required",
                Bool,
                false,
                "true when a buying unit needs this role",
            ),
            col(
                "decides",
                Bool,
                false,
                "true when this role makes the final decision",
            ),
        ],
        about: "What a person does in the buying process.",
    },
    Sheet {
        name: "Needs",
        file: "needs",
        place: Place::List {
            list: "needs",
            attributes: true,
        },
        columns: &[ENTITY[0], ENTITY[1], ENTITY[2]],
        about: "Wants, needs, goals or jobs that personas have and products meet.",
    },
    Sheet {
        name: "Products",
        file: "products",
        place: Place::List {
            list: "products",
            attributes: true,
        },
        columns: &[ENTITY[0], ENTITY[1], ENTITY[2]],
        about: "The portfolio.",
    },
    Sheet {
        name: "Product needs",
        file: "product_needs",
        place: Place::Nested {
            parent: "products",
            key: "product",
            field: "addresses",
        },
        columns: &[
            col("product", Text, true, "Id of a product"),
            col("need", Text, true, "Id of a need"),
            col(
                "score",
                Number,
                true,
                "0 to 1: how well the product meets it",
            ),
        ],
        about: "How well each product meets each need.",
    },
    Sheet {
        name: "Competitors",
        file: "competitors",
        place: Place::List {
            list: "competitors",
            attributes: true,
        },
        columns: &[ENTITY[0], ENTITY[1], ENTITY[2]],
        about: "Competitors, scored on the same needs.",
    },
    Sheet {
        name: "Competitor needs",
        file: "competitor_needs",
        place: Place::Nested {
            parent: "competitors",
            key: "competitor",
            field: "addresses",
        },
        columns: &[
            col("competitor", Text, true, "Id of a competitor"),
            col("need", Text, true, "Id of a need"),
            col("score", Number, true, "0 to 1"),
        ],
        about: "How well each competitor meets each need.",
    },
    Sheet {
        name: "Relationships",
        file: "relationships",
        place: Place::List {
            list: "relationships",
            attributes: true,
        },
        columns: &[
            col("from", Text, true, "Id of a persona"),
            col("to", Text, true, "Id of a persona"),
            col(
                "kind",
                Text,
                true,
                "influences, approves, reports_to, recommends, blocks or collaborates",
            ),
            col("weight", Number, false, "0 to 1 (1 when empty)"),
            col("description", Text, false, "Free text"),
        ],
        about: "How personas of a buying unit act on each other.",
    },
    Sheet {
        name: "Buying units",
        file: "buying_units",
        place: Place::List {
            list: "buying_units",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col("product", Text, false, "Id of the product they buy"),
            col("market_segment", Text, false, "Id of a market segment"),
        ],
        about: "Groups of personas that buy together.",
    },
    Sheet {
        name: "Members",
        file: "members",
        place: Place::Nested {
            parent: "buying_units",
            key: "buying_unit",
            field: "members",
        },
        columns: &[
            col("buying_unit", Text, true, "Id of a buying unit"),
            col("persona", Text, true, "Id of a persona"),
            col(
                "role",
                Text,
                false,
                "Id of a buying role (the persona's own when empty)",
            ),
        ],
        about: "Who is in each buying unit.",
    },
    Sheet {
        name: "Journeys",
        file: "journeys",
        place: Place::List {
            list: "journeys",
            attributes: true,
        },
        columns: &[
            ENTITY[0],
            ENTITY[1],
            ENTITY[2],
            col("personas", List, false, "Ids of personas, separated by |"),
        ],
        about: "How personas move from first need to renewal.",
    },
    Sheet {
        name: "Journey stages",
        file: "journey_stages",
        place: Place::Nested {
            parent: "journeys",
            key: "journey",
            field: "stages",
        },
        columns: &[
            col("journey", Text, true, "Id of a journey"),
            col("name", Text, true, "The stage, in order"),
            col("goals", List, false, "Separated by |"),
            col("questions", List, false, "Separated by |"),
            col("touchpoints", List, false, "Separated by |"),
            col("channels", List, false, "Separated by |"),
            col("needs", List, false, "Ids of needs, separated by |"),
            col("pains", List, false, "Separated by |"),
            col("opportunities", List, false, "Separated by |"),
            col("emotion", Number, false, "-2 to 2"),
        ],
        about: "The stages of each journey, in order.",
    },
    Sheet {
        name: "Portraits",
        file: "portraits",
        place: Place::Portraits,
        columns: &[
            col("persona", Text, true, "Id of a persona"),
            col(
                "data",
                Text,
                true,
                "A piece of the portrait's data: URI, in order",
            ),
        ],
        about: "Personas' portraits, cut into pieces a cell can hold.",
    },
];

/// The sheet of findings an export adds; an import passes over it.
pub const FINDINGS: &str = "Findings";

/// The project's fields on the Project sheet, and where each goes.
pub const PROJECT_FIELDS: &[(&str, &str)] = &[
    ("name", "project.name"),
    ("description", "project.description"),
    ("underserved_below", "thresholds.underserved_below"),
    ("important_need", "thresholds.important_need"),
    ("met_at", "thresholds.met_at"),
    ("overlap_at", "thresholds.overlap_at"),
    ("stale_after_days", "thresholds.stale_after_days"),
];

/// A header or sheet name as it is compared: lower case, spaces and
/// dashes as underscores, so that "Pain Points" finds `pain_points`.
pub fn normal(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The sheet called `name` (a workbook's sheet or a CSV file's stem).
pub fn sheet_named(name: &str) -> Option<&'static Sheet> {
    let n = normal(name);
    SHEETS.iter().find(|s| normal(s.name) == n || s.file == n)
}
