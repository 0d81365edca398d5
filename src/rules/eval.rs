//! What a rule means for one record (`shared/spec/rules-v1.md`, "Meaning"):
//! a rule is compiled against a table's header once, then asked of each
//! record in SQL's three-valued logic (`None` is unknown).

use std::borrow::Cow;
use std::collections::HashMap;

use super::parse::{Check, Cmp, Expr, Kind, Literal};
use crate::model::Date;

/// A table's columns, found case-insensitively after trimming.
#[derive(Clone, Debug)]
pub struct Header {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Header {
    /// Reads a header row. Two columns that differ only in case or spaces
    /// are refused: a rule could not say which one it means.
    pub fn new<'a>(cells: impl IntoIterator<Item = &'a str>) -> Result<Header, String> {
        let mut names = Vec::new();
        let mut index = HashMap::new();
        for (i, cell) in cells.into_iter().enumerate() {
            let name = cell.trim().trim_start_matches('\u{feff}').trim().to_owned();
            if !name.is_empty() {
                let key = lower(&name).into_owned();
                if let Some(first) = index.insert(key, i) {
                    return Err(format!(
                        "the header names the column {name:?} twice (columns {} and {}); \
                         rename one",
                        first + 1,
                        i + 1
                    ));
                }
            }
            names.push(name);
        }
        Ok(Header { names, index })
    }

    /// The columns, trimmed, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Where column `name` is, matched case-insensitively after trimming.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(lower(name.trim()).as_ref()).copied()
    }
}

/// `lower()` as SQL has it, without copying text that is already lower case.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The length in bytes of the number the rules' syntax reads at the start
/// of `b` (`[-]digits[.digits][(e|E)[+|-]digits]`), or None when there is
/// none. The one definition of that syntax: the parser reads a rule's
/// numbers with it, and a match reads cells with it.
pub(crate) fn number_len(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(i);
    if whole == 0 {
        return None;
    }
    i += whole;
    if b.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        if frac == 0 {
            return None;
        }
        i += 1 + frac;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp = digits(j);
        if exp == 0 {
            return None;
        }
        i = j + exp;
    }
    Some(i)
}

/// A cell as a number, by the rules' `number` syntax; None when it is not
/// one, or too large for a float.
pub fn read_number(cell: &str) -> Option<f64> {
    if number_len(cell.as_bytes()) != Some(cell.len()) {
        return None;
    }
    cell.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A cell as true or false (`true`/`yes`/`1`, `false`/`no`/`0`, any case).
pub fn read_bool(cell: &str) -> Option<bool> {
    let is = |word: &str| cell.eq_ignore_ascii_case(word);
    match cell.len() {
        1 if cell == "1" => Some(true),
        1 if cell == "0" => Some(false),
        2 if is("no") => Some(false),
        3 if is("yes") => Some(true),
        4 if is("true") => Some(true),
        5 if is("false") => Some(false),
        _ => None,
    }
}

/// A record's cells read as numbers, dates and booleans, once each, for
/// every test that reads them so.
#[derive(Clone, Copy, Debug, Default)]
pub struct Typed {
    /// The cell as a number, if it reads as one.
    pub number: Option<f64>,
    /// The cell as a date, if it reads as one.
    pub date: Option<Date>,
    /// The cell as a boolean, if it reads as one.
    pub boolean: Option<bool>,
}

impl Typed {
    /// Reads a trimmed, non-empty cell as each of `kinds`; the bool says
    /// whether every one of them read it.
    pub fn read(cell: &str, kinds: &[Kind]) -> (Typed, bool) {
        let mut t = Typed::default();
        let mut all = true;
        for kind in kinds {
            match kind {
                Kind::Number => {
                    t.number = read_number(cell);
                    all &= t.number.is_some();
                }
                Kind::Date => {
                    t.date = Date::parse(cell).ok();
                    all &= t.date.is_some();
                }
                Kind::Bool => {
                    t.boolean = read_bool(cell);
                    all &= t.boolean.is_some();
                }
                Kind::Text => {}
            }
        }
        (t, all)
    }

    fn get(&self, kind: Kind) -> Option<Val> {
        match kind {
            Kind::Number => self.number.map(Val::Number),
            Kind::Date => self.date.map(Val::Date),
            Kind::Bool => self.boolean.map(Val::Bool),
            Kind::Text => None,
        }
    }
}

/// A value a cell is compared with, of one kind.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
}

impl Val {
    fn of(literal: &Literal) -> Val {
        match literal {
            Literal::Text(s) => Val::Text(lower(s).into_owned()),
            Literal::Number(n) => Val::Number(*n),
            Literal::Date(d) => Val::Date(*d),
            Literal::Bool(b) => Val::Bool(*b),
        }
    }

    fn order(&self, other: &Val) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Val::Text(a), Val::Text(b)) => Some(a.cmp(b)),
            (Val::Number(a), Val::Number(b)) => a.partial_cmp(b),
            (Val::Date(a), Val::Date(b)) => Some(a.cmp(b)),
            (Val::Bool(a), Val::Bool(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// Text `=` or `!=` (negated), and text `[not] in`: against lower-case
    /// literals.
    TextIs(bool, Vec<String>),
    Compare(Cmp, Val),
    In(bool, Vec<Val>),
    Between(bool, Val, Val),
    Contains(String),
    StartsWith(String),
    EndsWith(String),
    ContainsAny(Vec<String>),
    Missing,
    Present,
}

#[derive(Clone, Debug)]
enum Node {
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>),
    Test { column: usize, kind: Kind, op: Op },
}

/// A rule bound to a table's columns, ready to ask of each record.
#[derive(Clone, Debug)]
pub struct Compiled {
    node: Node,
}

/// The cell of `column`, trimmed of spaces as SQL's `trim()` does; None
/// when nothing is left (SQL's NULL).
fn cell<'a>(cells: &[&'a str], column: usize) -> Option<&'a str> {
    let c = trimmed(cells.get(column)?);
    (!c.is_empty()).then_some(c)
}

/// A trimmed cell, whether empty or not: what `is missing` and the counts
/// of unreadable cells look at.
pub fn trimmed(cell: &str) -> &str {
    let b = cell.as_bytes();
    match (b.first(), b.last()) {
        (Some(b' '), _) | (_, Some(b' ')) => {}
        _ => return cell,
    }
    let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b' ').map_or(start, |i| i + 1);
    // Spaces are one byte, so both ends are char boundaries.
    cell.get(start..end).unwrap_or(cell)
}

/// Whether `lower(cell) = literal`, `literal` being lower case already.
/// ASCII cells (nearly all) are compared in place; others are lowered.
fn text_is(cell: &str, literal: &str) -> bool {
    if cell.is_ascii() {
        cell.len() == literal.len() && cell.eq_ignore_ascii_case(literal)
    } else {
        lower(cell) == literal
    }
}

/// Where `literal` (lower case) can be found in `lower(cell)`, as the test asks.
fn text_has(cell: &str, literal: &str, how: &Op) -> bool {
    if !cell.is_ascii() {
        let l = lower(cell);
        return match how {
            Op::StartsWith(_) => l.starts_with(literal),
            Op::EndsWith(_) => l.ends_with(literal),
            _ => l.contains(literal),
        };
    }
    let (c, s) = (cell.as_bytes(), literal.as_bytes());
    if s.len() > c.len() {
        return false;
    }
    match how {
        Op::StartsWith(_) => c[..s.len()].eq_ignore_ascii_case(s),
        Op::EndsWith(_) => c[c.len() - s.len()..].eq_ignore_ascii_case(s),
        _ => s.is_empty() || c.windows(s.len()).any(|w| w.eq_ignore_ascii_case(s)),
    }
}

fn not(v: Option<bool>) -> Option<bool> {
    v.map(|b| !b)
}

impl Compiled {
    /// Binds `rule` to `header`. Err holds the columns the table lacks, as
    /// the rule writes them: such a rule matches no record of this table.
    pub fn new(rule: &Expr, header: &Header) -> Result<Compiled, Vec<String>> {
        let mut missing = Vec::new();
        for column in rule.columns() {
            if header.find(column).is_none() {
                missing.push(column.trim().to_owned());
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Compiled {
            node: bind(rule, header),
        })
    }

    /// Whether the record fits the rule: true, false, or unknown (None).
    pub fn eval(&self, cells: &[&str]) -> Option<bool> {
        let all = [Kind::Number, Kind::Date, Kind::Bool];
        let typed: Vec<Typed> = cells
            .iter()
            .map(|c| Typed::read(trimmed(c), &all).0)
            .collect();
        eval(&self.node, cells, &typed)
    }

    /// As [`Compiled::eval`], with the record's cells already read as every
    /// kind the rule's tests read them as (`typed`, by column).
    pub fn eval_typed(&self, cells: &[&str], typed: &[Typed]) -> Option<bool> {
        eval(&self.node, cells, typed)
    }
}

fn bind(rule: &Expr, header: &Header) -> Node {
    match rule {
        Expr::Or(parts) => Node::Or(parts.iter().map(|p| bind(p, header)).collect()),
        Expr::And(parts) => Node::And(parts.iter().map(|p| bind(p, header)).collect()),
        Expr::Not(inner) => Node::Not(Box::new(bind(inner, header))),
        Expr::Test { column, check } => {
            // Compiled::new has found every column first.
            let column = header.find(column).unwrap_or(usize::MAX);
            let kind = check.kind().unwrap_or(Kind::Text);
            let op = match check {
                Check::Compare(cmp @ (Cmp::Eq | Cmp::Ne), Literal::Text(s)) => {
                    Op::TextIs(*cmp == Cmp::Ne, vec![lower(s).into_owned()])
                }
                Check::In { negated, values } if kind == Kind::Text => Op::TextIs(
                    *negated,
                    values
                        .iter()
                        .filter_map(|v| match v {
                            Literal::Text(s) => Some(lower(s).into_owned()),
                            _ => None,
                        })
                        .collect(),
                ),
                Check::Compare(cmp, v) => Op::Compare(*cmp, Val::of(v)),
                Check::In { negated, values } => {
                    Op::In(*negated, values.iter().map(Val::of).collect())
                }
                Check::Between { negated, low, high } => {
                    Op::Between(*negated, Val::of(low), Val::of(high))
                }
                Check::Contains(s) => Op::Contains(lower(s).into_owned()),
                Check::StartsWith(s) => Op::StartsWith(lower(s).into_owned()),
                Check::EndsWith(s) => Op::EndsWith(lower(s).into_owned()),
                Check::ContainsAny(list) => {
                    Op::ContainsAny(list.iter().map(|s| lower(s).into_owned()).collect())
                }
                Check::Missing => Op::Missing,
                Check::Present => Op::Present,
            };
            Node::Test { column, kind, op }
        }
    }
}

fn eval(node: &Node, cells: &[&str], typed: &[Typed]) -> Option<bool> {
    match node {
        Node::Or(parts) => {
            let mut unknown = false;
            for p in parts {
                match eval(p, cells, typed) {
                    Some(true) => return Some(true),
                    None => unknown = true,
                    Some(false) => {}
                }
            }
            if unknown { None } else { Some(false) }
        }
        Node::And(parts) => {
            let mut unknown = false;
            for p in parts {
                match eval(p, cells, typed) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown { None } else { Some(true) }
        }
        Node::Not(inner) => not(eval(inner, cells, typed)),
        Node::Test { column, kind, op } => {
            let c = cell(cells, *column);
            match op {
                Op::Missing => return Some(c.is_none()),
                Op::Present => return Some(c.is_some()),
                _ => {}
            }
            let c = c?;
            match op {
                Op::TextIs(negated, list) => Some(list.iter().any(|s| text_is(c, s)) != *negated),
                Op::Contains(s) | Op::StartsWith(s) | Op::EndsWith(s) => Some(text_has(c, s, op)),
                Op::ContainsAny(list) => Some(
                    list.iter()
                        .any(|s| text_has(c, s, &Op::Contains(String::new()))),
                ),
                Op::Compare(cmp, v) => {
                    let have = typed.get(*column)?.get(*kind)?;
                    let o = have.order(v)?;
                    Some(match cmp {
                        Cmp::Eq => o.is_eq(),
                        Cmp::Ne => o.is_ne(),
                        Cmp::Lt => o.is_lt(),
                        Cmp::Le => o.is_le(),
                        Cmp::Gt => o.is_gt(),
                        Cmp::Ge => o.is_ge(),
                    })
                }
                Op::In(negated, values) => {
                    let have = typed.get(*column)?.get(*kind)?;
                    let found = values
                        .iter()
                        .any(|v| have.order(v).is_some_and(|o| o.is_eq()));
                    Some(found != *negated)
                }
                Op::Between(negated, low, high) => {
                    let have = typed.get(*column)?.get(*kind)?;
                    let inside = have.order(low).is_some_and(|o| o.is_ge())
                        && have.order(high).is_some_and(|o| o.is_le());
                    Some(inside != *negated)
                }
                Op::Missing | Op::Present => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    const COLUMNS: [&str; 6] = ["Age", "City", "Since", "Active", "Title", "Note"];

    /// The rule's answer on one record, cells in COLUMNS' order.
    fn ask(rule: &str, cells: [&str; 6]) -> Option<bool> {
        let header = Header::new(COLUMNS).expect("a header");
        Compiled::new(&parse(rule).expect("parses"), &header)
            .expect("every column is there")
            .eval(&cells)
    }

    const ROW: [&str; 6] = [
        "29",
        " Big ",
        "2021-06-01",
        "Yes",
        "Head of Procurement",
        "",
    ];

    #[test]
    fn compares_text_trimmed_and_case_insensitively_but_not_the_literal() {
        assert_eq!(ask("city = \"BIG\"", ROW), Some(true));
        assert_eq!(ask("city != \"big\"", ROW), Some(false));
        assert_eq!(ask("city = \" big\"", ROW), Some(false));
        assert_eq!(ask("city in (\"small\", \"big\")", ROW), Some(true));
        assert_eq!(ask("city not in (\"small\", \"big\")", ROW), Some(false));
        assert_eq!(ask("title contains \"PROCUREMENT\"", ROW), Some(true));
        assert_eq!(ask("title starts with \"head of\"", ROW), Some(true));
        assert_eq!(ask("title ends with \"of\"", ROW), Some(false));
        assert_eq!(
            ask("title contains any (\"cto\", \"procure\")", ROW),
            Some(true)
        );
        assert_eq!(
            ask("city = \"big\"", ["", "ÉCOLE", "", "", "", ""]),
            Some(false)
        );
        assert_eq!(
            ask("city = \"école\"", ["", "ÉCOLE", "", "", "", ""]),
            Some(true)
        );
    }

    #[test]
    fn reads_numbers_dates_and_booleans_by_the_literal() {
        assert_eq!(ask("age < 30", ROW), Some(true));
        assert_eq!(ask("age between 29 and 29", ROW), Some(true));
        assert_eq!(ask("age not between 1 and 28", ROW), Some(true));
        assert_eq!(ask("age in (28, 29.0)", ROW), Some(true));
        assert_eq!(ask("since < 2022-01-01", ROW), Some(true));
        assert_eq!(
            ask("since between 2021-06-01 and 2021-06-01", ROW),
            Some(true)
        );
        assert_eq!(ask("active = true", ROW), Some(true));
        assert_eq!(ask("active != true", ROW), Some(false));
        for (cell, number) in [
            ("1e3", Some(true)),
            ("1000.0", Some(true)),
            ("-0", Some(false)),
        ] {
            assert_eq!(
                ask("age >= 1000", [cell, "", "", "", "", ""]),
                number,
                "{cell}"
            );
        }
    }

    #[test]
    fn an_unreadable_cell_is_missing_for_the_test() {
        for cell in [
            "abc", "+5", ".5", "5.", "1,000", "0x10", "inf", "NaN", "1e999",
        ] {
            assert_eq!(ask("age < 30", [cell, "", "", "", "", ""]), None, "{cell}");
            assert!(!Typed::read(cell, &[Kind::Number]).1, "{cell}");
        }
        assert_eq!(
            ask("since < 2022-01-01", ["", "", "2021-6-1", "", "", ""]),
            None
        );
        assert_eq!(ask("active = true", ["", "", "", "maybe", "", ""]), None);
        assert_eq!(
            ask("age = \"abc\"", ["abc", "", "", "", "", ""]),
            Some(true)
        );
    }

    #[test]
    fn follows_sql_three_valued_logic() {
        let none = ["", "big", "", "", "", ""];
        assert_eq!(ask("age < 30", none), None);
        assert_eq!(ask("not age < 30", none), None);
        assert_eq!(ask("age < 30 or city = \"big\"", none), Some(true));
        assert_eq!(ask("age < 30 or city = \"small\"", none), None);
        assert_eq!(ask("age < 30 and city = \"small\"", none), Some(false));
        assert_eq!(ask("age < 30 and city = \"big\"", none), None);
        assert_eq!(ask("age not in (1, 2)", none), None);
        assert_eq!(ask("age is missing", none), Some(true));
        assert_eq!(ask("age is present", none), Some(false));
        assert_eq!(ask("not age is missing", none), Some(false));
        assert_eq!(ask("note is missing", ROW), Some(true));
        assert_eq!(ask("note contains \"\"", ["", "", "", "", "", "   "]), None);
    }

    #[test]
    fn names_the_columns_a_table_lacks_and_refuses_a_header_that_repeats_one() {
        let header = Header::new(COLUMNS).expect("a header");
        let rule =
            parse("age < 30 and Region = \"north\" and `Company size` > 10").expect("parses");
        assert_eq!(
            Compiled::new(&rule, &header).expect_err("two are missing"),
            vec!["Region".to_owned(), "Company size".to_owned()]
        );
        assert!(
            Header::new(["Age", " age "])
                .expect_err("a repeat")
                .contains("twice (columns 1 and 2)")
        );
        assert_eq!(
            Header::new(["\u{feff}Age"]).expect("a header").find("AGE"),
            Some(0)
        );
    }
}
