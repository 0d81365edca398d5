//! Personas tested against customer records (`shared/spec/rules-v1.md`):
//! the rules language, what a rule means for a record, and matching a
//! whole table into the report the spec describes. A match reads records
//! and keeps only counts: no record ever reaches a project.

mod eval;
mod parse;
mod report;
mod sql;
mod table;
mod values;

pub use eval::{Compiled, Header, Typed, lower, read_bool, read_number, trimmed};
pub use parse::{Check, Cmp, Expr, Kind, Literal, MAX_RULE_BYTES, RuleError, parse};
pub use report::{
    Accounts, MatchReport, MissingColumn, MissingRole, Pair, PersonaMatch, Source, Unreadable,
    count, size_words,
};
pub use sql::{Dialect, compile, compile_project};
pub(crate) use table::delimiter as table_delimiter;
pub use table::{
    MAX_TABLE_BYTES, MatchOptions, RuleCount, TableMatch, Watch, count_rule, match_file,
    match_table, sheets,
};
pub use values::{ColumnValues, CommonValue};

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Problem;
use crate::model::{BuyingRoleId, PersonaId, Project};

/// Every persona's rule, parsed; a persona whose rule does not parse is
/// named with its error. Personas without rules take no part.
pub fn rules_of(project: &Project) -> Result<Vec<(PersonaId, Expr)>, Problem> {
    let mut out = Vec::new();
    for (i, p) in project.personas.iter().enumerate() {
        let Some(text) = p.rules.as_deref() else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let rule = parse(text).map_err(|e| Problem {
            path: format!("personas[{i}].rules"),
            message: e.to_string(),
        })?;
        out.push((p.id.clone(), rule));
    }
    Ok(out)
}

/// Counts a table's records as the spec's report needs them, one record at
/// a time, in memory that grows with the personas and accounts, never with
/// the records.
pub struct Matcher {
    personas: Vec<PersonaId>,
    /// Each persona's rule bound to the table, or None when it needs a
    /// column the table lacks.
    compiled: Vec<Option<Compiled>>,
    /// Each persona's buying role, as an index into `roles`.
    role_of: Vec<Option<usize>>,
    roles: Vec<(BuyingRoleId, bool)>,
    missing: BTreeMap<String, (String, Vec<PersonaId>)>,
    /// The columns some test reads as a number, date or boolean, with how.
    typed: Vec<(usize, Vec<Kind>)>,
    unreadable: Vec<u64>,
    records: u64,
    matched: Vec<u64>,
    only: Vec<u64>,
    unmatched: u64,
    ambiguous: u64,
    pairs: HashMap<(usize, usize), u64>,
    account: Option<usize>,
    accounts: HashMap<String, RoleSet, BuildHasherDefault<Fx>>,
    hits: Vec<usize>,
    /// This record's cells as the typed columns read them.
    cells_typed: Vec<Typed>,
    /// Per column, the values of the records no persona matches, when
    /// asked for ([`Matcher::tally_unmatched`]).
    values: Option<values::Tallies>,
}

/// The buying roles an account's records stand for: one word, held in the
/// map's own slot, for the usual 64 roles or fewer.
#[derive(Clone, Debug)]
pub(crate) enum RoleSet {
    Word(u64),
    Words(Box<[u64]>),
}

impl RoleSet {
    fn new(roles: usize) -> RoleSet {
        if roles <= 64 {
            RoleSet::Word(0)
        } else {
            RoleSet::Words(vec![0; roles.div_ceil(64)].into_boxed_slice())
        }
    }

    fn set(&mut self, role: usize) {
        match self {
            RoleSet::Word(w) => *w |= 1 << role,
            RoleSet::Words(ws) => ws[role / 64] |= 1 << (role % 64),
        }
    }

    pub(crate) fn has(&self, role: usize) -> bool {
        match self {
            RoleSet::Word(w) => *w & (1 << role) != 0,
            RoleSet::Words(ws) => ws[role / 64] & (1 << (role % 64)) != 0,
        }
    }

    fn union(&mut self, other: &RoleSet) {
        match (self, other) {
            (RoleSet::Word(a), RoleSet::Word(b)) => *a |= b,
            (RoleSet::Words(a), RoleSet::Words(b)) => {
                for (x, y) in a.iter_mut().zip(b.iter()) {
                    *x |= y;
                }
            }
            // Both matchers of one table know the same roles.
            _ => {}
        }
    }
}

/// A fast hash for account keys: the map is looked up once per record, and
/// SipHash took a fifth of a match. A table is the user's own file, so
/// flooding the map with colliding keys only slows that user's match.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // A multiply leaves the low bits, which pick the bucket, depending
        // on the low bits of the input alone; folding the high half in
        // spreads keys that differ in their last characters.
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

impl Matcher {
    /// A matcher of `rules` (from [`rules_of`]) on a table with `header`;
    /// `account` names the column records are grouped by, if any.
    pub fn new(
        project: &Project,
        rules: &[(PersonaId, Expr)],
        header: &Header,
        account: Option<&str>,
    ) -> Result<Matcher, String> {
        let account = match account {
            None => None,
            Some(name) => Some(header.find(name).ok_or_else(|| {
                format!(
                    "the table has no column {name:?} to group accounts by; its columns are {}",
                    list(header.names())
                )
            })?),
        };
        let roles: Vec<(BuyingRoleId, bool)> = project
            .buying_roles
            .iter()
            .map(|r| (r.id.clone(), r.required))
            .collect();
        let mut missing: BTreeMap<String, (String, Vec<PersonaId>)> = BTreeMap::new();
        let mut compiled = Vec::new();
        let mut role_of = Vec::new();
        let mut reads: BTreeMap<usize, Vec<Kind>> = BTreeMap::new();
        for (id, rule) in rules {
            match Compiled::new(rule, header) {
                Ok(c) => {
                    rule.walk(&mut |column, check| {
                        if let (Some(at), Some(kind)) = (header.find(column), check.kind())
                            && kind != Kind::Text
                        {
                            let kinds = reads.entry(at).or_default();
                            if !kinds.contains(&kind) {
                                kinds.push(kind);
                            }
                        }
                    });
                    compiled.push(Some(c));
                }
                Err(columns) => {
                    for column in columns {
                        let entry = missing
                            .entry(lower(&column).into_owned())
                            .or_insert_with(|| (column.clone(), Vec::new()));
                        if !entry.1.contains(id) {
                            entry.1.push(id.clone());
                        }
                    }
                    compiled.push(None);
                }
            }
            let persona = project.personas.iter().find(|p| &p.id == id);
            role_of.push(
                persona
                    .and_then(|p| p.buying_role.as_ref())
                    .and_then(|r| roles.iter().position(|(id, _)| id == r)),
            );
        }
        let n = rules.len();
        Ok(Matcher {
            personas: rules.iter().map(|(id, _)| id.clone()).collect(),
            compiled,
            role_of,
            roles,
            missing,
            typed: reads.into_iter().collect(),
            unreadable: vec![0; header.names().len()],
            records: 0,
            matched: vec![0; n],
            only: vec![0; n],
            unmatched: 0,
            ambiguous: 0,
            pairs: HashMap::new(),
            account,
            accounts: HashMap::default(),
            hits: Vec::with_capacity(n),
            cells_typed: vec![Typed::default(); header.names().len()],
            values: None,
        })
    }

    /// Also tallies the values of the records no persona matches, for
    /// [`Matcher::unmatched_values`]; off by default, as it costs a lookup
    /// per cell of every such record.
    pub fn tally_unmatched(&mut self) {
        self.values = Some(values::Tallies::new(self.unreadable.len()));
    }

    /// The values most common among the records no persona matched, by
    /// column (empty unless [`Matcher::tally_unmatched`] was called).
    pub fn unmatched_values(&mut self, header: &Header) -> Vec<ColumnValues> {
        match self.values.take() {
            Some(tallies) => values::common(
                tallies,
                header.names(),
                self.records,
                self.unmatched,
                self.account,
            ),
            None => Vec::new(),
        }
    }

    /// Counts one record (its cells in the header's order).
    pub fn record(&mut self, cells: &[&str]) {
        self.records += 1;
        for (column, kinds) in &self.typed {
            let c = cells.get(*column).map_or("", |c| eval::trimmed(c));
            if c.is_empty() {
                self.cells_typed[*column] = Typed::default();
                continue;
            }
            let (typed, readable) = Typed::read(c, kinds);
            self.cells_typed[*column] = typed;
            if !readable {
                self.unreadable[*column] += 1;
            }
        }
        self.hits.clear();
        for (i, rule) in self.compiled.iter().enumerate() {
            if rule
                .as_ref()
                .and_then(|r| r.eval_typed(cells, &self.cells_typed))
                == Some(true)
            {
                self.hits.push(i);
                self.matched[i] += 1;
            }
        }
        match self.hits.len() {
            0 => self.unmatched += 1,
            1 => self.only[self.hits[0]] += 1,
            _ => {
                self.ambiguous += 1;
                for (k, &a) in self.hits.iter().enumerate() {
                    for &b in &self.hits[k + 1..] {
                        *self.pairs.entry((a, b)).or_insert(0) += 1;
                    }
                }
            }
        }
        if let Some(tallies) = self.values.as_mut() {
            tallies.add(cells, !self.hits.is_empty());
        }
        if let Some(column) = self.account
            && let Some(key) = cells.get(column).map(|c| eval::trimmed(c))
            && !key.is_empty()
        {
            let roles = self.roles.len();
            let set = match self.accounts.get_mut(key) {
                Some(set) => set,
                None => self
                    .accounts
                    .entry(key.to_owned())
                    .or_insert_with(|| RoleSet::new(roles)),
            };
            for &i in &self.hits {
                if let Some(r) = self.role_of[i] {
                    set.set(r);
                }
            }
        }
    }

    /// Adds what `other` counted (on other records of the same table, with
    /// the same rules) to this matcher's counts.
    pub fn merge(&mut self, other: Matcher) {
        self.records += other.records;
        self.unmatched += other.unmatched;
        self.ambiguous += other.ambiguous;
        for (a, b) in self.matched.iter_mut().zip(&other.matched) {
            *a += b;
        }
        for (a, b) in self.only.iter_mut().zip(&other.only) {
            *a += b;
        }
        for (a, b) in self.unreadable.iter_mut().zip(&other.unreadable) {
            *a += b;
        }
        if let (Some(mine), Some(theirs)) = (self.values.as_mut(), other.values) {
            mine.merge(theirs);
        }
        for (pair, n) in other.pairs {
            *self.pairs.entry(pair).or_insert(0) += n;
        }
        for (key, set) in other.accounts {
            match self.accounts.get_mut(&key) {
                Some(mine) => mine.union(&set),
                None => {
                    self.accounts.insert(key, set);
                }
            }
        }
    }

    /// The report, once every record has been counted.
    pub fn finish(self, source: Source, header: &Header) -> MatchReport {
        report::build(self, source, header)
    }
}

/// `"a", "b" and "c"`, for messages.
fn list(names: &[String]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .filter(|n| !n.is_empty())
        .map(|n| format!("{n:?}"))
        .collect();
    match quoted.len() {
        0 => "none".to_owned(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
