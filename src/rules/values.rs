//! The most common values among the records no persona matches: where a
//! user sees the persona nobody wrote ("department = Finance" in four of
//! ten unmatched records). Counted exactly while a column holds few
//! distinct values; beyond that, as a bounded summary whose counts are low
//! by at most a known amount, so memory never grows with the records.
//!
//! The summary is the frequent-items one of Misra and Gries, pruned in
//! batches: when a column's tally reaches [`HOLD`] values, the count of
//! the [`KEEP`]+1-th largest is taken from every value and the values left
//! at zero or below are dropped. Each such cut removes at least `KEEP + 1`
//! counts for every one it takes from a value, so the counts taken from any
//! value add up to at most `n / (KEEP + 1)` of the `n` cells tallied.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::eval::lower;

/// Distinct values a column's tally holds before it is pruned.
const HOLD: usize = 4096;
/// Values a pruned tally keeps.
const KEEP: usize = 256;
/// Cells longer than this are free text (notes, addresses), not a value
/// records share: they are not tallied.
const LONGEST: usize = 80;

/// One column's tally of the unmatched records' cells.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    /// By the value in lower case: the value as first written, and its count.
    counts: HashMap<Box<str>, (Box<str>, u64)>,
    /// The most any count may be low by (0 while counted exactly).
    error: u64,
}

impl Tally {
    /// Counts one trimmed, non-empty cell.
    pub(crate) fn add(&mut self, cell: &str) {
        if cell.len() > LONGEST {
            return;
        }
        let key = lower(cell);
        if let Some(entry) = self.counts.get_mut(key.as_ref()) {
            entry.1 += 1;
            return;
        }
        self.counts
            .insert(key.into_owned().into_boxed_str(), (cell.into(), 1));
        if self.counts.len() >= HOLD {
            self.prune();
        }
    }

    /// Adds what `other` tallied on other records of the same column.
    pub(crate) fn merge(&mut self, other: Tally) {
        self.error += other.error;
        for (key, (shown, n)) in other.counts {
            self.counts.entry(key).or_insert((shown, 0)).1 += n;
        }
        if self.counts.len() >= HOLD {
            self.prune();
        }
    }

    /// Takes the `KEEP + 1`-th largest count from every value and drops
    /// the values left with none.
    fn prune(&mut self) {
        let mut counts: Vec<u64> = self.counts.values().map(|(_, n)| *n).collect();
        if counts.len() <= KEEP {
            return;
        }
        let (_, cut, _) = counts.select_nth_unstable_by(KEEP, |a, b| b.cmp(a));
        let cut = *cut;
        self.counts.retain(|_, (_, n)| {
            *n = n.saturating_sub(cut);
            *n > 0
        });
        self.error += cut;
    }
}

/// A value common among the unmatched records.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CommonValue {
    /// The value, as the first record holding it writes it.
    pub value: String,
    /// Unmatched records holding it (at least this many, and at most
    /// [`ColumnValues::error`] more).
    #[ts(type = "number")]
    pub records: u64,
    /// `records` / unmatched records.
    pub share: f64,
    /// The share of all records holding it, to set `share` against: a
    /// value far more common among the unmatched records than among all
    /// describes who the personas miss.
    pub overall: f64,
}

/// A column of the table with the values most common among the records no
/// persona matches.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ColumnValues {
    /// The column, as the header writes it.
    pub column: String,
    /// Its most common values, most common first.
    pub values: Vec<CommonValue>,
    /// How many records each count may be short by: 0 when counted
    /// exactly, which it is unless the column holds thousands of distinct
    /// values.
    #[ts(type = "number")]
    pub error: u64,
}

/// A value is shown when it is held by at least this share of the
/// unmatched records...
const SHOWN_SHARE: f64 = 0.05;
/// ...and by at least two of them: one record's value is not a group.
const SHOWN_RECORDS: u64 = 2;
/// A column is shown when one of its values is this much more common among
/// the unmatched records than among all (in shares); a column whose values
/// are as common everywhere says nothing about who the personas miss.
const SHOWN_LIFT: f64 = 0.05;
/// Values shown per column.
const VALUES_SHOWN: usize = 5;
/// Columns shown.
const COLUMNS_SHOWN: usize = 12;

/// The tallies of one table's columns: of the unmatched records, and of
/// all of them.
#[derive(Clone, Debug)]
pub(crate) struct Tallies {
    unmatched: Vec<Tally>,
    all: Vec<Tally>,
}

impl Tallies {
    pub(crate) fn new(columns: usize) -> Tallies {
        Tallies {
            unmatched: vec![Tally::default(); columns],
            all: vec![Tally::default(); columns],
        }
    }

    /// Counts one record's cells, `matched` by some persona or not.
    pub(crate) fn add(&mut self, cells: &[&str], matched: bool) {
        for (i, cell) in cells.iter().enumerate() {
            let cell = super::eval::trimmed(cell);
            if cell.is_empty() {
                continue;
            }
            if let Some(t) = self.all.get_mut(i) {
                t.add(cell);
            }
            if !matched && let Some(t) = self.unmatched.get_mut(i) {
                t.add(cell);
            }
        }
    }

    pub(crate) fn merge(&mut self, other: Tallies) {
        for (a, b) in self.unmatched.iter_mut().zip(other.unmatched) {
            a.merge(b);
        }
        for (a, b) in self.all.iter_mut().zip(other.all) {
            a.merge(b);
        }
    }
}

/// The columns whose values set the `unmatched` of `records` records apart,
/// the one with the value most over-represented among them first; `skip`
/// is the account column, whose values name companies rather than describe
/// people. When no record matched, there is nothing to set them against,
/// and the columns come by their most common value.
pub(crate) fn common(
    tallies: Tallies,
    names: &[String],
    records: u64,
    unmatched: u64,
    skip: Option<usize>,
) -> Vec<ColumnValues> {
    if unmatched == 0 || records == 0 {
        return Vec::new();
    }
    let contrast = unmatched < records;
    let mut out: Vec<(f64, ColumnValues)> = tallies
        .unmatched
        .into_iter()
        .zip(tallies.all)
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .filter_map(|(i, (tally, all))| {
            let mut values: Vec<CommonValue> = tally
                .counts
                .into_iter()
                .filter(|(_, (_, n))| {
                    *n >= SHOWN_RECORDS && *n as f64 / unmatched as f64 >= SHOWN_SHARE
                })
                .map(|(key, (shown, n))| {
                    let everywhere = all.counts.get(&key).map_or(n, |(_, m)| *m + all.error);
                    CommonValue {
                        value: shown.into_string(),
                        records: n,
                        share: n as f64 / unmatched as f64,
                        overall: (everywhere.min(records)) as f64 / records as f64,
                    }
                })
                .collect();
            if values.is_empty() {
                return None;
            }
            values.sort_by(|a, b| b.records.cmp(&a.records).then(a.value.cmp(&b.value)));
            values.truncate(VALUES_SHOWN);
            let rank = if contrast {
                values
                    .iter()
                    .map(|v| v.share - v.overall)
                    .fold(f64::MIN, f64::max)
            } else {
                values[0].share
            };
            if contrast && rank < SHOWN_LIFT {
                return None;
            }
            Some((
                rank,
                ColumnValues {
                    column: names.get(i).cloned().unwrap_or_default(),
                    values,
                    error: tally.error,
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.column.cmp(&b.1.column)));
    out.truncate(COLUMNS_SHOWN);
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tallied(rows: &[(&[&str], bool)], columns: usize) -> Tallies {
        let mut t = Tallies::new(columns);
        for (cells, matched) in rows {
            t.add(cells, *matched);
        }
        t
    }

    #[test]
    fn a_few_values_are_counted_exactly_whatever_their_case() {
        let rows: Vec<(&[&str], bool)> = vec![
            (&["Finance"], false),
            (&["finance"], false),
            (&[" FINANCE "], false),
            (&["IT"], false),
            (&["Sales"], false),
            (&["IT"], true),
        ];
        let shown = common(tallied(&rows, 1), &["department".to_owned()], 6, 5, None);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].error, 0);
        assert_eq!(
            shown[0].values.len(),
            1,
            "IT and Sales are one unmatched record each"
        );
        let finance = &shown[0].values[0];
        assert_eq!(finance.value, "Finance");
        assert_eq!(finance.records, 3);
        assert!((finance.share - 0.6).abs() < 1e-9);
        assert!((finance.overall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_value_common_among_many_distinct_ones_is_found_within_the_bound() {
        // 100,000 cells: 20,000 "Berlin", the rest all different.
        let mut t = Tally::default();
        for i in 0..100_000u64 {
            if i % 5 == 0 {
                t.add("Berlin");
            } else {
                t.add(&format!("town {i}"));
            }
        }
        assert!(t.counts.len() < HOLD, "the tally stays bounded");
        let bound = 100_000 / (KEEP as u64 + 1);
        assert!(
            t.error > 0 && t.error <= bound,
            "error {} bound {bound}",
            t.error
        );
        let tallies = Tallies {
            unmatched: vec![t.clone()],
            all: vec![t],
        };
        let shown = common(tallies, &["city".to_owned()], 100_000, 100_000, None);
        let berlin = &shown[0].values[0];
        assert_eq!(berlin.value, "Berlin");
        assert!(berlin.records <= 20_000 && berlin.records + shown[0].error >= 20_000);
        assert_eq!(
            shown[0].values.len(),
            1,
            "no single town is 5% of the records"
        );
    }

    #[test]
    fn tallies_of_two_halves_merge_into_the_whole() {
        let mut a = Tally::default();
        let mut b = Tally::default();
        for _ in 0..4 {
            a.add("Finance");
        }
        for _ in 0..6 {
            b.add("finance");
        }
        b.add("IT");
        a.merge(b);
        assert_eq!(a.counts.get("finance").map(|(_, n)| *n), Some(10));
        assert_eq!(a.counts.get("finance").map(|(s, _)| &**s), Some("Finance"));
    }

    #[test]
    fn free_text_and_the_account_column_are_left_out() {
        let long = "x".repeat(LONGEST + 1);
        let row: [&str; 2] = [&long, "acme"];
        let rows: Vec<(&[&str], bool)> = (0..10).map(|_| (&row[..], false)).collect();
        let names = vec!["notes".to_owned(), "account".to_owned()];
        assert!(common(tallied(&rows, 2), &names, 10, 10, Some(1)).is_empty());
    }

    #[test]
    fn columns_whose_values_are_as_common_everywhere_are_left_out() {
        // Half the records are unmatched; every one is "EU", as are all
        // the matched ones; Finance is all the unmatched, none of the matched.
        let mut rows: Vec<(&[&str], bool)> = Vec::new();
        for _ in 0..10 {
            rows.push((&["EU", "Finance"], false));
            rows.push((&["EU", "IT"], true));
        }
        let names = vec!["region".to_owned(), "department".to_owned()];
        let shown = common(tallied(&rows, 2), &names, 20, 10, None);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].column, "department");
        assert!((shown[0].values[0].overall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_most_over_represented_column_comes_first() {
        let mut rows: Vec<(&[&str], bool)> = Vec::new();
        for i in 0..10 {
            // city: Berlin in 6 of 10 unmatched and 6 of 20 overall (+30
            // points); department: Finance in all 10 unmatched and 10 of
            // 20 (+50 points).
            let city = if i < 6 { "Berlin" } else { "Paris" };
            rows.push((
                if i < 6 {
                    &["Berlin", "Finance"]
                } else {
                    &["Paris", "Finance"]
                },
                false,
            ));
            let _ = city;
            rows.push((&["Rome", "IT"], true));
        }
        let names = vec!["city".to_owned(), "department".to_owned()];
        let shown = common(tallied(&rows, 2), &names, 20, 10, None);
        let order: Vec<&str> = shown.iter().map(|c| c.column.as_str()).collect();
        assert_eq!(order, ["department", "city"]);
        assert_eq!(shown[1].values[0].value, "Berlin");
    }
}
