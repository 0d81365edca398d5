//! The rules compiled to one SQL query (`rules-v1.md`, "Compiling to SQL"),
//! so that a team whose records live in a warehouse runs them there and
//! gets the app's answers.
//!
//! Every cell is first turned into the text the app would read: cast to
//! text (so typed columns work too), trimmed of spaces, empty as NULL.
//! Numbers, dates and booleans are then read from that text by the same
//! syntax as the app (checked by a regular expression or a CASE, never by
//! a cast that could fail the query), so an unreadable cell is NULL and a
//! test on it unknown, as in the app.

use std::fmt::Write as _;

use super::parse::{Check, Cmp, Expr, Kind, Literal};
use crate::model::{PersonaId, Project};

/// The SQL engines the rules compile for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// DuckDB.
    DuckDb,
    /// PostgreSQL.
    Postgres,
    /// Google BigQuery (GoogleSQL).
    BigQuery,
    /// Snowflake.
    Snowflake,
    /// Apache Spark SQL (and Databricks).
    Spark,
}

impl Dialect {
    /// A column or alias, quoted as this engine quotes names.
    fn ident(self, name: &str) -> String {
        match self {
            Dialect::BigQuery | Dialect::Spark => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// A text literal. Spark and BigQuery also treat a backslash as an
    /// escape in strings, so it is doubled there.
    fn text(self, s: &str) -> String {
        let s = s.replace('\'', "''");
        match self {
            Dialect::BigQuery | Dialect::Spark => format!("'{}'", s.replace('\\', "\\\\")),
            _ => format!("'{s}'"),
        }
    }

    fn text_type(self) -> &'static str {
        match self {
            Dialect::BigQuery | Dialect::Spark => "STRING",
            _ => "VARCHAR",
        }
    }

    /// The cell as the app reads it: text, trimmed of spaces, NULL when empty.
    fn cell(self, column: &str) -> String {
        let c = format!("CAST({} AS {})", self.ident(column), self.text_type());
        let trimmed = match self {
            Dialect::Postgres | Dialect::Spark => format!("TRIM(BOTH ' ' FROM {c})"),
            _ => format!("TRIM({c}, ' ')"),
        };
        format!("NULLIF({trimmed}, '')")
    }

    /// Whether the whole of `text` matches `pattern` (which uses only
    /// character classes, so it needs no escaping in any engine).
    fn full_match(self, text: &str, pattern: &str) -> String {
        match self {
            Dialect::DuckDb => format!("regexp_full_match({text}, '{pattern}')"),
            Dialect::Postgres => format!("{text} ~ '^{pattern}$'"),
            Dialect::BigQuery => format!("REGEXP_CONTAINS({text}, r'^{pattern}$')"),
            Dialect::Snowflake => format!("REGEXP_LIKE({text}, '{pattern}')"),
            Dialect::Spark => format!("{text} RLIKE '^{pattern}$'"),
        }
    }

    fn double(self) -> &'static str {
        match self {
            Dialect::BigQuery => "FLOAT64",
            Dialect::Postgres => "DOUBLE PRECISION",
            _ => "DOUBLE",
        }
    }

    /// Where `needle` is found in `hay`, from 1; 0 when it is not.
    fn position(self, hay: &str, needle: &str) -> String {
        match self {
            Dialect::Spark => format!("instr({hay}, {needle})"),
            Dialect::Snowflake => format!("POSITION({needle}, {hay})"),
            _ => format!("strpos({hay}, {needle})"),
        }
    }
}

/// The number syntax of the rules, as a pattern.
const NUMBER: &str = "-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?";
/// An ISO date's shape; its calendar is checked by [`date`].
const DATE: &str = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

fn number(d: Dialect, cell: &str) -> String {
    format!(
        "CASE WHEN {} THEN CAST({cell} AS {}) END",
        d.full_match(cell, NUMBER),
        d.double()
    )
}

/// The cell as a date when it is a day of the calendar, else NULL. The
/// checks are nested CASEs, which every engine evaluates in order, so the
/// cast only ever meets a real date.
fn date(d: Dialect, cell: &str) -> String {
    let part = |from: usize, len: usize| format!("CAST(SUBSTR({cell}, {from}, {len}) AS INTEGER)");
    let (y, m, day) = (part(1, 4), part(6, 2), part(9, 2));
    let leap = format!("(MOD({y}, 4) = 0 AND (MOD({y}, 100) <> 0 OR MOD({y}, 400) = 0))");
    let days = format!(
        "CASE WHEN {m} IN (1, 3, 5, 7, 8, 10, 12) THEN 31 WHEN {m} IN (4, 6, 9, 11) THEN 30 \
         WHEN {leap} THEN 29 ELSE 28 END"
    );
    format!(
        "CASE WHEN {} THEN CASE WHEN {y} >= 1 AND {m} BETWEEN 1 AND 12 AND {day} >= 1 \
         AND {day} <= {days} THEN CAST({cell} AS DATE) END END",
        d.full_match(cell, DATE)
    )
}

fn boolean(d: Dialect, cell: &str) -> String {
    let _ = d;
    format!(
        "CASE LOWER({cell}) WHEN 'true' THEN TRUE WHEN 'yes' THEN TRUE WHEN '1' THEN TRUE \
         WHEN 'false' THEN FALSE WHEN 'no' THEN FALSE WHEN '0' THEN FALSE END"
    )
}

fn literal(d: Dialect, v: &Literal) -> String {
    match v {
        Literal::Text(s) => d.text(&super::lower(s)),
        // Rust writes a float so that it reads back exactly, and never
        // with an exponent SQL could not read.
        Literal::Number(n) => format!("{n:?}"),
        Literal::Date(day) => format!("DATE '{day}'"),
        Literal::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
    }
}

fn test(d: Dialect, column: &str, check: &Check) -> String {
    let cell = d.cell(column);
    let read = |kind: Kind| match kind {
        Kind::Text => format!("LOWER({cell})"),
        Kind::Number => number(d, &cell),
        Kind::Date => date(d, &cell),
        Kind::Bool => boolean(d, &cell),
    };
    let kind = check.kind().unwrap_or(Kind::Text);
    match check {
        Check::Missing => format!("({cell} IS NULL)"),
        Check::Present => format!("({cell} IS NOT NULL)"),
        Check::Compare(cmp, v) => {
            let op = match cmp {
                Cmp::Eq => "=",
                Cmp::Ne => "<>",
                Cmp::Lt => "<",
                Cmp::Le => "<=",
                Cmp::Gt => ">",
                Cmp::Ge => ">=",
            };
            format!("({} {op} {})", read(kind), literal(d, v))
        }
        Check::In { negated, values } => {
            let list: Vec<String> = values.iter().map(|v| literal(d, v)).collect();
            let not = if *negated { "NOT " } else { "" };
            format!("({} {not}IN ({}))", read(kind), list.join(", "))
        }
        Check::Between { negated, low, high } => {
            let not = if *negated { "NOT " } else { "" };
            format!(
                "({} {not}BETWEEN {} AND {})",
                read(kind),
                literal(d, low),
                literal(d, high)
            )
        }
        Check::Contains(s) => contains(d, &cell, s),
        Check::ContainsAny(list) => {
            let parts: Vec<String> = list.iter().map(|s| contains(d, &cell, s)).collect();
            format!("({})", parts.join(" OR "))
        }
        Check::StartsWith(s) => {
            let s = super::lower(s);
            format!(
                "(SUBSTR(LOWER({cell}), 1, {}) = {})",
                s.chars().count(),
                d.text(&s)
            )
        }
        Check::EndsWith(s) => {
            let s = super::lower(s);
            let n = s.chars().count();
            if n == 0 {
                // Every present cell ends with nothing.
                return format!("({cell} IS NOT NULL OR NULL)");
            }
            format!("(RIGHT(LOWER({cell}), {n}) = {})", d.text(&s))
        }
    }
}

fn contains(d: Dialect, cell: &str, s: &str) -> String {
    format!(
        "({} > 0)",
        d.position(&format!("LOWER({cell})"), &d.text(&super::lower(s)))
    )
}

fn expr(d: Dialect, e: &Expr) -> String {
    match e {
        Expr::Or(parts) => {
            let p: Vec<String> = parts.iter().map(|p| expr(d, p)).collect();
            format!("({})", p.join(" OR "))
        }
        Expr::And(parts) => {
            let p: Vec<String> = parts.iter().map(|p| expr(d, p)).collect();
            format!("({})", p.join(" AND "))
        }
        Expr::Not(inner) => format!("(NOT {})", expr(d, inner)),
        Expr::Test { column, check } => test(d, column.trim(), check),
    }
}

/// The query: every column of `table`, then one boolean column per persona
/// with rules, named by its id, true exactly when its rule is true.
pub fn compile(rules: &[(PersonaId, Expr)], dialect: Dialect, table: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "-- Persona Atlas rules (rules-v1) for {dialect:?}: one column per persona,"
    );
    let _ = writeln!(out, "-- true exactly when its rule is true.");
    out.push_str("SELECT\n  *");
    for (id, rule) in rules {
        let _ = write!(
            out,
            ",\n  COALESCE({}, FALSE) AS {}",
            expr(dialect, rule),
            dialect.ident(id.as_str())
        );
    }
    // `schema.table` (or `project.dataset.table`): each part quoted alone,
    // so the engine finds the table in its schema.
    let path: Vec<String> = table.split('.').map(|part| dialect.ident(part)).collect();
    let _ = writeln!(out, "\nFROM {}", path.join("."));
    out
}

/// The query for every persona of `project` that has rules.
pub fn compile_project(
    project: &Project,
    dialect: Dialect,
    table: &str,
) -> Result<String, crate::error::Problem> {
    Ok(compile(&super::rules_of(project)?, dialect, table))
}
