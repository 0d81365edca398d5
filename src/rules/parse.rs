//! Reading a rule's text (`shared/spec/rules-v1.md`, "Grammar") into a tree,
//! with errors that say the line, the column and what was expected.

use std::fmt;

use crate::model::Date;

/// A comparison of a cell with one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Cmp {
    /// How the rule writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }
}

/// A value written in a rule. Its kind decides how a cell is read for the
/// test: as text, a number, a date or a boolean.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// `"text"`, compared case-insensitively.
    Text(String),
    /// A decimal number.
    Number(f64),
    /// An ISO date, unquoted.
    Date(Date),
    /// `true` or `false`.
    Bool(bool),
}

impl Literal {
    fn kind(&self) -> Kind {
        match self {
            Literal::Text(_) => Kind::Text,
            Literal::Number(_) => Kind::Number,
            Literal::Date(_) => Kind::Date,
            Literal::Bool(_) => Kind::Bool,
        }
    }
}

/// How a test reads its column's cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// As text, case-insensitively.
    Text,
    /// As a decimal number.
    Number,
    /// As an ISO date.
    Date,
    /// As true (`true`, `yes`, `1`) or false (`false`, `no`, `0`).
    Bool,
}

/// One test of one column.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// `column <cmp> literal`
    Compare(Cmp, Literal),
    /// `column [not] in (a, b, ...)`, all of one kind.
    In {
        /// Whether it is `not in`.
        negated: bool,
        /// The values.
        values: Vec<Literal>,
    },
    /// `column [not] between low and high`, both ends included.
    Between {
        /// Whether it is `not between`.
        negated: bool,
        /// The lower end.
        low: Literal,
        /// The upper end.
        high: Literal,
    },
    /// `column contains "text"`
    Contains(String),
    /// `column starts with "text"`
    StartsWith(String),
    /// `column ends with "text"`
    EndsWith(String),
    /// `column contains any ("a", "b", ...)`
    ContainsAny(Vec<String>),
    /// `column is missing`
    Missing,
    /// `column is present`
    Present,
}

impl Check {
    /// How the test reads its cells; `None` for `is missing`/`is present`,
    /// which only ask whether there is one.
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Check::Compare(_, v) => Some(v.kind()),
            Check::In { values, .. } => values.first().map(Literal::kind),
            Check::Between { low, .. } => Some(low.kind()),
            Check::Contains(_) | Check::StartsWith(_) | Check::EndsWith(_) => Some(Kind::Text),
            Check::ContainsAny(_) => Some(Kind::Text),
            Check::Missing | Check::Present => None,
        }
    }
}

/// A rule, as a tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// True when any part is true.
    Or(Vec<Expr>),
    /// True when every part is true.
    And(Vec<Expr>),
    /// The opposite; unknown stays unknown.
    Not(Box<Expr>),
    /// A test of one column, named as the rule writes it.
    Test {
        /// The column, as written (matched to a header case-insensitively).
        column: String,
        /// What is tested.
        check: Check,
    },
}

impl Expr {
    /// Every column the rule names, each once, in the order first named.
    pub fn columns(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        self.walk(&mut |column, _| {
            if !out.iter().any(|c| c.eq_ignore_ascii_case(column)) {
                out.push(column);
            }
        });
        out
    }

    /// Calls `each` with every test's column and check.
    pub fn walk<'a>(&'a self, each: &mut impl FnMut(&'a str, &'a Check)) {
        match self {
            Expr::Or(parts) | Expr::And(parts) => {
                for p in parts {
                    p.walk(each);
                }
            }
            Expr::Not(inner) => inner.walk(each),
            Expr::Test { column, check } => each(column, check),
        }
    }
}

/// Where a rule is wrong and what was expected, e.g. `1:18: expected a
/// value after "<"`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct RuleError {
    /// The line, from 1.
    #[ts(type = "number")]
    pub line: usize,
    /// The column, in characters, from 1.
    #[ts(type = "number")]
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Rules longer than this are refused before they are read: a rule is a
/// few data points, and the parser's depth follows the text.
pub const MAX_RULE_BYTES: usize = 16 * 1024;
/// Parentheses and `not`s nested deeper than this are refused.
const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Column(String),
    Text(String),
    Number(f64),
    Date(Date),
    Cmp(Cmp),
    Open,
    Close,
    Comma,
    End,
}

impl Tok {
    /// How an error names the token.
    fn describe(&self) -> String {
        match self {
            Tok::Word(w) => format!("{w:?}"),
            Tok::Column(c) => format!("`{c}`"),
            Tok::Text(t) => format!("the text {t:?}"),
            Tok::Number(_) => "a number".to_owned(),
            Tok::Date(d) => format!("the date {d}"),
            Tok::Cmp(c) => format!("{:?}", c.symbol()),
            Tok::Open => "\"(\"".to_owned(),
            Tok::Close => "\")\"".to_owned(),
            Tok::Comma => "\",\"".to_owned(),
            Tok::End => "the end of the rule".to_owned(),
        }
    }

    fn is_keyword(&self, word: &str) -> bool {
        matches!(self, Tok::Word(w) if w.eq_ignore_ascii_case(word))
    }
}

const KEYWORDS: [&str; 15] = [
    "and", "or", "not", "in", "between", "contains", "starts", "ends", "with", "any", "is",
    "missing", "present", "true", "false",
];

fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// A token and where it starts.
#[derive(Clone, Debug)]
struct Spanned {
    tok: Tok,
    line: usize,
    column: usize,
}

fn lex(text: &str) -> Result<Vec<Spanned>, RuleError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let err = |line, column, message: String| RuleError {
        line,
        column,
        message,
    };
    while i < chars.len() {
        let c = chars[i];
        let (start_line, start_col) = (line, col);
        let mut advance = |n: usize, i: &mut usize| {
            for _ in 0..n {
                if chars.get(*i) == Some(&'\n') {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
                *i += 1;
            }
        };
        if c.is_whitespace() {
            advance(1, &mut i);
            continue;
        }
        let tok = match c {
            '(' => {
                advance(1, &mut i);
                Tok::Open
            }
            ')' => {
                advance(1, &mut i);
                Tok::Close
            }
            ',' => {
                advance(1, &mut i);
                Tok::Comma
            }
            '=' => {
                advance(1, &mut i);
                Tok::Cmp(Cmp::Eq)
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                advance(2, &mut i);
                Tok::Cmp(Cmp::Ne)
            }
            '<' | '>' => {
                let or_equal = chars.get(i + 1) == Some(&'=');
                if c == '<' && chars.get(i + 1) == Some(&'>') {
                    return Err(err(
                        line,
                        col,
                        "\"<>\" is not a comparison here; write \"!=\"".to_owned(),
                    ));
                }
                advance(if or_equal { 2 } else { 1 }, &mut i);
                Tok::Cmp(match (c, or_equal) {
                    ('<', false) => Cmp::Lt,
                    ('<', true) => Cmp::Le,
                    ('>', false) => Cmp::Gt,
                    _ => Cmp::Ge,
                })
            }
            '"' => {
                advance(1, &mut i);
                let mut s = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(err(
                                start_line,
                                start_col,
                                "this text has no closing quote".to_owned(),
                            ));
                        }
                        Some('"') => {
                            advance(1, &mut i);
                            break;
                        }
                        Some('\\') => match chars.get(i + 1) {
                            Some(e @ ('"' | '\\')) => {
                                s.push(*e);
                                advance(2, &mut i);
                            }
                            other => {
                                let what = other.map_or("the end".to_owned(), |c| format!("{c:?}"));
                                return Err(err(
                                    line,
                                    col,
                                    format!(
                                        "a backslash in text escapes only \\\" and \\\\, not {what}"
                                    ),
                                ));
                            }
                        },
                        Some(&ch) => {
                            s.push(ch);
                            advance(1, &mut i);
                        }
                    }
                }
                Tok::Text(s)
            }
            '`' => {
                advance(1, &mut i);
                let mut s = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(err(
                                start_line,
                                start_col,
                                "this column name has no closing backtick".to_owned(),
                            ));
                        }
                        Some('`') => {
                            advance(1, &mut i);
                            break;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            advance(1, &mut i);
                        }
                    }
                }
                if s.trim().is_empty() {
                    return Err(err(
                        start_line,
                        start_col,
                        "a column name in backticks cannot be empty".to_owned(),
                    ));
                }
                Tok::Column(s)
            }
            c if c.is_ascii_digit() || c == '-' => {
                let rest: String = chars[i..].iter().take(11).collect();
                let date_like = rest.len() >= 10
                    && rest.as_bytes()[..10].iter().enumerate().all(|(k, b)| {
                        if k == 4 || k == 7 {
                            *b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    });
                if date_like {
                    let date = Date::parse(&rest[..10])
                        .map_err(|e| err(start_line, start_col, format!("not a date: {e}")))?;
                    advance(10, &mut i);
                    Tok::Date(date)
                } else {
                    // The syntax is ASCII: its bytes are its characters.
                    let ascii: Vec<u8> = chars[i..]
                        .iter()
                        .take_while(|c| c.is_ascii())
                        .map(|&c| c as u8)
                        .collect();
                    let len = super::eval::number_len(&ascii).ok_or_else(|| {
                        err(
                            start_line,
                            start_col,
                            "expected a number: digits, an optional \".\" and digits, an \
                             optional exponent"
                                .to_owned(),
                        )
                    })?;
                    let literal: String = chars[i..i + len].iter().collect();
                    let value = literal
                        .parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| {
                            err(start_line, start_col, format!("{literal} is too large"))
                        })?;
                    advance(len, &mut i);
                    Tok::Number(value)
                }
            }
            c if c.is_alphabetic() => {
                let mut s = String::new();
                while let Some(&ch) = chars.get(i) {
                    if ch.is_alphanumeric() || ch == '_' {
                        s.push(ch);
                        advance(1, &mut i);
                    } else {
                        break;
                    }
                }
                Tok::Word(s)
            }
            other => {
                return Err(err(line, col, format!("unexpected character {other:?}")));
            }
        };
        // A number or date runs straight into a name: `30years`.
        if matches!(tok, Tok::Number(_) | Tok::Date(_))
            && chars
                .get(i)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        {
            return Err(err(
                start_line,
                start_col,
                "a number or a date must end before the next word; put a space between them"
                    .to_owned(),
            ));
        }
        out.push(Spanned {
            tok,
            line: start_line,
            column: start_col,
        });
    }
    out.push(Spanned {
        tok: Tok::End,
        line,
        column: col,
    });
    Ok(out)
}

struct Parser {
    toks: Vec<Spanned>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Spanned {
        // The list always ends with End, which is never stepped past.
        &self.toks[self.at.min(self.toks.len() - 1)]
    }

    fn next(&mut self) -> Spanned {
        let t = self.peek().clone();
        if t.tok != Tok::End {
            self.at += 1;
        }
        t
    }

    fn error_at(&self, t: &Spanned, message: String) -> RuleError {
        RuleError {
            line: t.line,
            column: t.column,
            message,
        }
    }

    /// "expected X after Y" (at the end) or "expected X after Y, found Z".
    fn expected(&self, what: &str, after: &str) -> RuleError {
        let t = self.peek();
        let message = if t.tok == Tok::End {
            format!("expected {what} after {after}")
        } else {
            format!("expected {what} after {after}, found {}", t.tok.describe())
        };
        self.error_at(t, message)
    }

    fn keyword(&mut self, word: &str) -> bool {
        if self.peek().tok.is_keyword(word) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn deeper(&mut self) -> Result<(), RuleError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.peek().clone();
            return Err(self.error_at(&t, format!("the rule nests deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, RuleError> {
        self.joined("or", Self::and, Expr::Or)
    }

    fn and(&mut self) -> Result<Expr, RuleError> {
        self.joined("and", Self::not, Expr::And)
    }

    /// `part ( word part )*`, joined by `join` when there are several.
    fn joined(
        &mut self,
        word: &str,
        part: fn(&mut Self) -> Result<Expr, RuleError>,
        join: fn(Vec<Expr>) -> Expr,
    ) -> Result<Expr, RuleError> {
        let mut parts = vec![part(self)?];
        while self.keyword(word) {
            if self.peek().tok == Tok::End {
                return Err(self.expected("a test", &format!("{word:?}")));
            }
            parts.push(part(self)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            join(parts)
        })
    }

    fn not(&mut self) -> Result<Expr, RuleError> {
        if self.keyword("not") {
            self.deeper()?;
            if self.peek().tok == Tok::End {
                return Err(self.expected("a test", "\"not\""));
            }
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, RuleError> {
        if self.peek().tok == Tok::Open {
            let open = self.next();
            self.deeper()?;
            let inner = self.or()?;
            self.depth -= 1;
            if self.peek().tok != Tok::Close {
                let t = self.peek().clone();
                let found = if t.tok == Tok::End {
                    "the rule ends first".to_owned()
                } else {
                    format!("found {}", t.tok.describe())
                };
                return Err(self.error_at(
                    &t,
                    format!(
                        "expected \")\" to close the \"(\" at {}:{}; {found}",
                        open.line, open.column
                    ),
                ));
            }
            self.next();
            return Ok(inner);
        }
        self.test()
    }

    fn test(&mut self) -> Result<Expr, RuleError> {
        let t = self.peek().clone();
        let column = match &t.tok {
            Tok::Column(c) => c.clone(),
            Tok::Word(w) if !is_keyword(w) => w.clone(),
            Tok::Word(w) => {
                return Err(self.error_at(
                    &t,
                    format!(
                        "expected a column, found the keyword {w:?}; a column named like \
                         a keyword is written in backticks: `{w}`"
                    ),
                ));
            }
            Tok::End => return Err(self.error_at(&t, "expected a test, found nothing".to_owned())),
            other => {
                return Err(
                    self.error_at(&t, format!("expected a column, found {}", other.describe()))
                );
            }
        };
        self.next();
        let after_column = format!("the column {column:?}");
        let check = match self.peek().tok.clone() {
            Tok::Cmp(cmp) => {
                self.next();
                let op = format!("{:?}", cmp.symbol());
                let at = self.peek().clone();
                let value = self.literal(&op)?;
                match (&value, cmp) {
                    (Literal::Text(_) | Literal::Bool(_), Cmp::Eq | Cmp::Ne) => {}
                    (Literal::Text(_), _) => {
                        return Err(self.error_at(
                            &at,
                            format!(
                                "{op} compares numbers or dates; text is compared with = or !="
                            ),
                        ));
                    }
                    (Literal::Bool(_), _) => {
                        return Err(self.error_at(
                            &at,
                            format!("{op} compares numbers or dates; true and false take = or !="),
                        ));
                    }
                    _ => {}
                }
                Check::Compare(cmp, value)
            }
            _ if self.peek().tok.is_keyword("not")
                || self.peek().tok.is_keyword("in")
                || self.peek().tok.is_keyword("between") =>
            {
                let negated = self.keyword("not");
                if self.keyword("in") {
                    let (values, first) = self.list("\"in\"", |p, after| p.literal(after))?;
                    let kind = values[0].kind();
                    if let Some(i) = values.iter().position(|v| v.kind() != kind) {
                        return Err(self.error_at(
                            &first[i],
                            "the values of \"in\" must be of one kind: all text, all \
                             numbers, all dates, or true and false"
                                .to_owned(),
                        ));
                    }
                    Check::In { negated, values }
                } else if self.keyword("between") {
                    let at = self.peek().clone();
                    let low = self.literal("\"between\"")?;
                    if !self.keyword("and") {
                        return Err(self.expected("\"and\"", "the first value of \"between\""));
                    }
                    let high = self.literal("\"and\"")?;
                    match (&low, &high) {
                        (Literal::Number(_), Literal::Number(_))
                        | (Literal::Date(_), Literal::Date(_)) => {}
                        _ => {
                            return Err(self.error_at(
                                &at,
                                "\"between\" takes two numbers or two dates".to_owned(),
                            ));
                        }
                    }
                    Check::Between { negated, low, high }
                } else {
                    return Err(self.expected("\"in\" or \"between\"", "\"not\""));
                }
            }
            _ if self.keyword("contains") => {
                if self.keyword("any") {
                    let (values, _) = self.list("\"contains any\"", |p, after| p.text(after))?;
                    Check::ContainsAny(values)
                } else {
                    Check::Contains(self.text("\"contains\"")?)
                }
            }
            _ if self.keyword("starts") => {
                if !self.keyword("with") {
                    return Err(self.expected("\"with\"", "\"starts\""));
                }
                Check::StartsWith(self.text("\"starts with\"")?)
            }
            _ if self.keyword("ends") => {
                if !self.keyword("with") {
                    return Err(self.expected("\"with\"", "\"ends\""));
                }
                Check::EndsWith(self.text("\"ends with\"")?)
            }
            _ if self.keyword("is") => {
                if self.keyword("missing") {
                    Check::Missing
                } else if self.keyword("present") {
                    Check::Present
                } else {
                    return Err(self.expected("\"missing\" or \"present\"", "\"is\""));
                }
            }
            _ => {
                return Err(self.expected(
                    "a comparison (=, !=, <, <=, >, >=), \"in\", \"between\", \"contains\", \
                     \"starts with\", \"ends with\" or \"is\"",
                    &after_column,
                ));
            }
        };
        Ok(Expr::Test { column, check })
    }

    /// `( item, item, ... )`, with where each item starts.
    fn list<T>(
        &mut self,
        after: &str,
        mut item: impl FnMut(&mut Self, &str) -> Result<T, RuleError>,
    ) -> Result<(Vec<T>, Vec<Spanned>), RuleError> {
        if self.peek().tok != Tok::Open {
            return Err(self.expected("\"(\" and a list of values", after));
        }
        self.next();
        let mut items = Vec::new();
        let mut starts = Vec::new();
        loop {
            starts.push(self.peek().clone());
            let what = if items.is_empty() {
                format!("{after} (")
            } else {
                "\",\"".to_owned()
            };
            items.push(item(self, &what)?);
            match self.peek().tok {
                Tok::Comma => {
                    self.next();
                }
                Tok::Close => {
                    self.next();
                    return Ok((items, starts));
                }
                _ => return Err(self.expected("\",\" or \")\"", "a value of the list")),
            }
        }
    }

    fn literal(&mut self, after: &str) -> Result<Literal, RuleError> {
        let t = self.peek().clone();
        let value = match &t.tok {
            Tok::Text(s) => Literal::Text(s.clone()),
            Tok::Number(n) => Literal::Number(*n),
            Tok::Date(d) => Literal::Date(*d),
            Tok::Word(w) if w.eq_ignore_ascii_case("true") => Literal::Bool(true),
            Tok::Word(w) if w.eq_ignore_ascii_case("false") => Literal::Bool(false),
            _ => return Err(self.expected("a value", after)),
        };
        self.next();
        Ok(value)
    }

    fn text(&mut self, after: &str) -> Result<String, RuleError> {
        match self.peek().tok.clone() {
            Tok::Text(s) => {
                self.next();
                Ok(s)
            }
            _ => Err(self.expected("text in double quotes", after)),
        }
    }
}

/// Reads a rule. A rule that is only blank is refused: a persona without
/// rules has none (`rules` left out), not an empty one.
pub fn parse(text: &str) -> Result<Expr, RuleError> {
    if text.len() > MAX_RULE_BYTES {
        return Err(RuleError {
            line: 1,
            column: 1,
            message: format!(
                "the rule is {} bytes; a rule is at most {MAX_RULE_BYTES}",
                text.len()
            ),
        });
    }
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        at: 0,
        depth: 0,
    };
    if p.peek().tok == Tok::End {
        let t = p.peek().clone();
        return Err(p.error_at(&t, "the rule is empty".to_owned()));
    }
    let expr = p.or()?;
    let t = p.peek().clone();
    if t.tok != Tok::End {
        let message = match &t.tok {
            Tok::Close => "this \")\" closes nothing".to_owned(),
            other => format!(
                "expected \"and\", \"or\" or the end of the rule, found {}",
                other.describe()
            ),
        };
        return Err(p.error_at(&t, message));
    }
    Ok(expr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(rule: &str) -> String {
        parse(rule).expect_err(rule).to_string()
    }

    #[test]
    fn reads_every_construct_of_the_grammar() {
        for rule in [
            "age < 30",
            "age <= 30.5 and age > -2e3 and age >= 1E+2 and age != 4 and age = 0",
            "city = \"big\" or not city != \"small\"",
            "department in (\"purchasing\", \"procurement\")",
            "age not in (1, 2, 3)",
            "age between 18 and 30 and signup not between 2020-01-01 and 2021-12-31",
            "title contains \"buyer\" and title starts with \"head\" and title ends with \"ops\"",
            "title contains any (\"cto\", \"chief technology\")",
            "phone is missing or email is present",
            "active = true and churned = FALSE",
            "`and` = \"x\" and `city size` = \"big\" and Größe > 3",
            "NOT (a = 1 OR b = 2) AND c Is Missing",
            "quote = \"she said \\\"no\\\" \\\\ twice\"",
        ] {
            parse(rule).unwrap_or_else(|e| panic!("{rule}: {e}"));
        }
    }

    #[test]
    fn binds_and_tighter_than_or_and_not_tightest() {
        let t = |c: &str| Expr::Test {
            column: c.to_owned(),
            check: Check::Missing,
        };
        assert_eq!(
            parse("a is missing or b is missing and not c is missing").expect("parses"),
            Expr::Or(vec![
                t("a"),
                Expr::And(vec![t("b"), Expr::Not(Box::new(t("c")))])
            ])
        );
    }

    #[test]
    fn reads_text_escapes_numbers_and_dates_exactly() {
        let Expr::Test { check, .. } = parse("q = \"a\\\"b\\\\c\"").expect("parses") else {
            panic!("a test")
        };
        assert_eq!(
            check,
            Check::Compare(Cmp::Eq, Literal::Text("a\"b\\c".into()))
        );
        let Expr::Test { check, .. } = parse("d >= 2024-02-29").expect("parses") else {
            panic!("a test")
        };
        assert_eq!(
            check,
            Check::Compare(
                Cmp::Ge,
                Literal::Date(Date::from_ymd(2024, 2, 29).expect("a day"))
            )
        );
        let Expr::Test { check, .. } = parse("n = -1.5e2").expect("parses") else {
            panic!("a test")
        };
        assert_eq!(check, Check::Compare(Cmp::Eq, Literal::Number(-150.0)));
    }

    #[test]
    fn says_the_line_the_column_and_what_was_expected() {
        assert_eq!(error("age <"), "1:6: expected a value after \"<\"");
        assert_eq!(
            error("city = \"big\" and age < and x = 1"),
            "1:24: expected a value after \"<\", found \"and\""
        );
        assert_eq!(
            error("age < 30\n  and city"),
            "2:11: expected a comparison (=, !=, <, <=, >, >=), \"in\", \"between\", \
             \"contains\", \"starts with\", \"ends with\" or \"is\" after the column \"city\""
        );
        assert_eq!(error("city = \"big"), "1:8: this text has no closing quote");
        assert_eq!(
            error("(a = 1 or b = 2"),
            "1:16: expected \")\" to close the \"(\" at 1:1; the rule ends first"
        );
        assert_eq!(error("a = 1)"), "1:6: this \")\" closes nothing");
        assert_eq!(
            error("and = 1"),
            "1:1: expected a column, found the keyword \"and\"; a column named like a keyword \
             is written in backticks: `and`"
        );
        assert_eq!(error(""), "1:1: the rule is empty");
        assert_eq!(error("a = 1 b = 2").split(':').nth(1), Some("7"));
    }

    #[test]
    fn refuses_tests_that_mix_kinds() {
        assert!(error("city < \"big\"").contains("text is compared with = or !="));
        assert!(error("x in (\"a\", 1)").contains("must be of one kind"));
        assert!(error("x between \"a\" and \"b\"").contains("two numbers or two dates"));
        assert!(error("x between 1 and 2020-01-01").contains("two numbers or two dates"));
        assert!(error("x contains 3").contains("expected text in double quotes"));
        assert!(error("ok > true").contains("true and false take = or !="));
    }

    #[test]
    fn refuses_what_is_not_a_value() {
        assert!(error("d = 2026-02-30").starts_with("1:5: not a date"));
        assert!(error("age < 30years").contains("must end before the next word"));
        assert!(error("age < 1.").contains("expected a number"));
        assert!(error("age < 1e999").contains("too large"));
        assert!(error("a <> 1").contains("write \"!=\""));
        assert!(error("a = 'x'").contains("unexpected character '\\''"));
        assert!(error("q = \"a\\n\"").contains("escapes only"));
        assert!(error("`` = 1").contains("cannot be empty"));
    }

    #[test]
    fn refuses_depth_and_length_before_they_cost() {
        let deep = format!("{}a = 1{}", "(".repeat(5_000), ")".repeat(5_000));
        assert!(error(&deep).contains("nests deeper than"));
        let nots = format!("{}a = 1", "not ".repeat(3_000));
        assert!(error(&nots).contains("nests deeper than"));
        let long = "a = 1 or ".repeat(3_000) + "a = 1";
        assert!(error(&long).contains("a rule is at most"));
    }

    #[test]
    fn lists_the_columns_it_names_once_each() {
        let rule =
            parse("Age < 30 and (age > 1 or `City` = \"x\") and city is present").expect("parses");
        assert_eq!(rule.columns(), vec!["Age", "City"]);
    }
}
