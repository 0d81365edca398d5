//! The views the window holds (the findings and the map, the overview),
//! sent whole once and after that as what changed since the copy the window
//! holds.
//!
//! On 2,000 personas the findings, the map and the overview come to about
//! 3.4 MB of JSON, and an edit changes a few hundred bytes of it; sending it
//! all after every edit cost more than the edit and the analysis together.
//! So each send is numbered, the core keeps what it sent last, and the next
//! send is the list of changes from that copy: a window that holds the copy
//! applies them, one that holds another asks for the view whole again.
//!
//! A list changes by one splice (the run between the longest equal prefix
//! and the longest equal suffix). An edit changes one entity, and the items
//! that follow from it sit together in every list sorted by id; a list
//! sorted by score sends the items between an item's old and new place.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::analysis::Analysis;
use crate::api::Insights;
use crate::map_view::MapView;
use crate::model::NodePosition;
use crate::overview::Overview;

/// One change to a view, at a path of field names and list indices.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// Replaces `delete` items of the list at `path` from `start` on with
    /// `insert`.
    Splice {
        /// Field names, and list indices as decimal text, from the root.
        path: Vec<String>,
        /// The first item replaced.
        start: u32,
        /// How many items go.
        delete: u32,
        /// What comes in their place.
        #[ts(type = "unknown[]")]
        insert: Vec<Value>,
    },
    /// Replaces the value at `path`.
    Set {
        /// Field names, and list indices as decimal text, from the root.
        path: Vec<String>,
        /// The new value.
        #[ts(type = "unknown")]
        value: Value,
    },
}

/// A view as sent to the window.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(tag = "kind", rename_all = "snake_case")]
pub enum Sent<T> {
    /// The whole view.
    Whole {
        /// This send's number.
        #[ts(type = "number")]
        seq: u64,
        /// The view.
        value: T,
    },
    /// What changed since the send numbered `base`.
    Change {
        /// The send whose view these changes apply to.
        #[ts(type = "number")]
        base: u64,
        /// This send's number.
        #[ts(type = "number")]
        seq: u64,
        /// The changes, in order.
        ops: Vec<Op>,
    },
}

/// Numbers sends across every session, so that a window never applies the
/// changes of one session to the view of another.
static NEXT_SEQ: AtomicU64 = AtomicU64::new(1);

/// The last copy of a view sent, with its number.
#[derive(Debug)]
pub struct Held<T> {
    last: Option<(u64, T)>,
}

impl<T> Default for Held<T> {
    fn default() -> Self {
        Held { last: None }
    }
}

impl<T: Diff + Clone + Serialize + TS> Held<T> {
    /// Sends `now`: whole when `whole` is asked for or nothing was sent
    /// before, else as its changes from the last send. Remembers `now`.
    /// O(size of the view) to compare; the reply is O(size of the change).
    pub fn send(&mut self, now: T, whole: bool) -> Sent<T> {
        let seq = NEXT_SEQ.fetch_add(1, Ordering::Relaxed);
        let change = match &self.last {
            Some((base, old)) if !whole => {
                let mut ops = Vec::new();
                old.diff(&now, &mut Vec::new(), &mut ops)
                    .ok()
                    .map(|()| (*base, ops))
            }
            _ => None,
        };
        let sent = match change {
            Some((base, ops)) => Sent::Change { base, seq, ops },
            None => Sent::Whole {
                seq,
                value: now.clone(),
            },
        };
        self.last = Some((seq, now));
        sent
    }
}

impl Held<Insights> {
    /// Sends the new stored positions as a change to the last send, which
    /// is otherwise as it was: a move changes nothing else of the findings
    /// and map, so the analysis is not run again. `None` when nothing was
    /// sent before. O(positions).
    pub fn send_positions(&mut self, now: Vec<NodePosition>) -> Option<Sent<Insights>> {
        let (base, held) = self.last.as_mut()?;
        let mut ops = Vec::new();
        list(&held.positions, &now, &["positions".to_owned()], &mut ops).ok()?;
        held.positions = now;
        let seq = NEXT_SEQ.fetch_add(1, Ordering::Relaxed);
        let sent = Sent::Change {
            base: *base,
            seq,
            ops,
        };
        *base = seq;
        Some(sent)
    }
}

/// What the window holds of one open project.
#[derive(Debug, Default)]
pub struct Window {
    /// The findings and the map.
    pub insights: Held<Insights>,
    /// The project at a glance.
    pub overview: Held<Overview>,
}

type Result = std::result::Result<(), serde_json::Error>;

/// A view that can say what changed from one copy to another.
pub trait Diff {
    /// Adds to `ops` the changes that turn `self` into `new`, below `path`.
    fn diff(&self, new: &Self, path: &mut Vec<String>, ops: &mut Vec<Op>) -> Result;
}

/// Runs `f` with `step` pushed on `path`.
fn at<R>(
    path: &mut Vec<String>,
    step: impl Into<String>,
    f: impl FnOnce(&mut Vec<String>) -> R,
) -> R {
    path.push(step.into());
    let r = f(path);
    path.pop();
    r
}

/// Sets the value at `path` when it differs.
fn value<T: PartialEq + Serialize>(old: &T, new: &T, path: &[String], ops: &mut Vec<Op>) -> Result {
    if old != new {
        ops.push(Op::Set {
            path: path.to_vec(),
            value: serde_json::to_value(new)?,
        });
    }
    Ok(())
}

/// Splices the run of `new` between the longest prefix and the longest
/// suffix it shares with `old`. O(|old| + |new|) comparisons.
fn list<T: PartialEq + Serialize>(
    old: &[T],
    new: &[T],
    path: &[String],
    ops: &mut Vec<Op>,
) -> Result {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    if old_mid.is_empty() && new_mid.is_empty() {
        return Ok(());
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    ops.push(Op::Splice {
        path: path.to_vec(),
        start: count(prefix),
        delete: count(old_mid.len()),
        insert: new_mid
            .iter()
            .map(serde_json::to_value)
            .collect::<std::result::Result<_, _>>()?,
    });
    Ok(())
}

impl Diff for Insights {
    fn diff(&self, new: &Self, path: &mut Vec<String>, ops: &mut Vec<Op>) -> Result {
        // Named field by field, so that a new field cannot be forgotten.
        let Insights {
            analysis,
            map,
            positions,
        } = new;
        at(path, "analysis", |p| self.analysis.diff(analysis, p, ops))?;
        at(path, "map", |p| self.map.diff(map, p, ops))?;
        at(path, "positions", |p| {
            list(&self.positions, positions, p, ops)
        })
    }
}

impl Diff for Analysis {
    fn diff(&self, new: &Self, path: &mut Vec<String>, ops: &mut Vec<Op>) -> Result {
        let Analysis {
            golden,
            underserved,
            overlaps,
            multi_product,
            buying_units,
            gaps,
            value_gaps,
            health,
            health_summary,
            today,
            thresholds,
        } = new;
        at(path, "golden", |p| list(&self.golden, golden, p, ops))?;
        at(path, "underserved", |p| {
            list(&self.underserved, underserved, p, ops)
        })?;
        at(path, "overlaps", |p| list(&self.overlaps, overlaps, p, ops))?;
        at(path, "multi_product", |p| {
            list(&self.multi_product, multi_product, p, ops)
        })?;
        at(path, "buying_units", |p| {
            list(&self.buying_units, buying_units, p, ops)
        })?;
        at(path, "gaps", |p| value(&self.gaps, gaps, p, ops))?;
        at(path, "value_gaps", |p| {
            list(&self.value_gaps, value_gaps, p, ops)
        })?;
        at(path, "health", |p| list(&self.health, health, p, ops))?;
        at(path, "health_summary", |p| {
            value(&self.health_summary, health_summary, p, ops)
        })?;
        at(path, "today", |p| value(&self.today, today, p, ops))?;
        at(path, "thresholds", |p| {
            value(&self.thresholds, thresholds, p, ops)
        })
    }
}

impl Diff for MapView {
    fn diff(&self, new: &Self, path: &mut Vec<String>, ops: &mut Vec<Op>) -> Result {
        let MapView {
            nodes,
            edges,
            customer_segments,
            names,
        } = new;
        at(path, "nodes", |p| list(&self.nodes, nodes, p, ops))?;
        at(path, "edges", |p| list(&self.edges, edges, p, ops))?;
        at(path, "customer_segments", |p| {
            list(&self.customer_segments, customer_segments, p, ops)
        })?;
        at(path, "names", |p| list(&self.names, names, p, ops))
    }
}

impl Diff for Overview {
    fn diff(&self, new: &Self, path: &mut Vec<String>, ops: &mut Vec<Op>) -> Result {
        let Overview {
            file,
            name,
            description,
            counts,
            groups,
            views,
        } = new;
        at(path, "views", |p| value(&self.views, views, p, ops))?;
        at(path, "file", |p| value(&self.file, file, p, ops))?;
        at(path, "name", |p| value(&self.name, name, p, ops))?;
        at(path, "description", |p| {
            value(&self.description, description, p, ops)
        })?;
        at(path, "counts", |p| value(&self.counts, counts, p, ops))?;
        // The groups are the market segments, which an edit of a persona
        // leaves as they are: then only the cards of each group are spliced.
        let same_segments = self.groups.len() == groups.len()
            && self
                .groups
                .iter()
                .zip(groups)
                .all(|(a, b)| a.segment == b.segment);
        at(path, "groups", |p| {
            if !same_segments {
                return list(&self.groups, groups, p, ops);
            }
            for (i, (old, new)) in self.groups.iter().zip(groups).enumerate() {
                at(p, i.to_string(), |p| {
                    at(p, "personas", |p| {
                        list(&old.personas, &new.personas, p, ops)
                    })
                })?;
            }
            Ok(())
        })
    }
}

/// Applies `ops` in order to `root`, as the window does with its copy
/// (ui/src/ipc/delta.ts); for tests and tools that check a stream of
/// sends. An op that does not fit the view is refused with its path, and
/// `root` may then be half-changed. O(size of the ops + lists spliced).
pub fn apply(root: &mut Value, ops: &[Op]) -> std::result::Result<(), String> {
    fn find<'a>(
        root: &'a mut Value,
        path: &[String],
    ) -> std::result::Result<&'a mut Value, String> {
        let mut here = root;
        for step in path {
            here = match here {
                Value::Array(items) => step
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get_mut(i))
                    .ok_or_else(|| format!("{}: no item {step}", path.join(".")))?,
                Value::Object(fields) => fields
                    .get_mut(step)
                    .ok_or_else(|| format!("{}: no field {step}", path.join(".")))?,
                _ => return Err(format!("{}: nothing below {step}", path.join("."))),
            };
        }
        Ok(here)
    }
    for op in ops {
        match op {
            Op::Set { path, value } => *find(root, path)? = value.clone(),
            Op::Splice {
                path,
                start,
                delete,
                insert,
            } => {
                let items = find(root, path)?
                    .as_array_mut()
                    .ok_or_else(|| format!("{}: not a list", path.join(".")))?;
                let (s, d) = (*start as usize, *delete as usize);
                if s.saturating_add(d) > items.len() {
                    return Err(format!("{}: too short", path.join(".")));
                }
                items.splice(s..s + d, insert.iter().cloned());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splice_of(old: &[u32], new: &[u32]) -> Vec<Op> {
        let mut ops = Vec::new();
        list(old, new, &["x".to_owned()], &mut ops).expect("numbers serialise");
        ops
    }

    #[test]
    fn a_list_changes_by_the_run_between_what_stays() {
        assert!(
            splice_of(&[1, 2, 3], &[1, 2, 3]).is_empty(),
            "no change, no op"
        );
        let one = |start, delete, insert: &[u32]| Op::Splice {
            path: vec!["x".to_owned()],
            start,
            delete,
            insert: insert.iter().map(|&x| Value::from(x)).collect(),
        };
        assert_eq!(
            splice_of(&[1, 2, 3], &[1, 9, 3]),
            [one(1, 1, &[9])],
            "one item replaced"
        );
        assert_eq!(
            splice_of(&[1, 2, 3], &[1, 3]),
            [one(1, 1, &[])],
            "one removed"
        );
        assert_eq!(
            splice_of(&[1, 3], &[1, 2, 3]),
            [one(1, 0, &[2])],
            "one inserted"
        );
        assert_eq!(
            splice_of(&[], &[7]),
            [one(0, 0, &[7])],
            "into an empty list"
        );
        assert_eq!(
            splice_of(&[1, 1], &[1]),
            [one(1, 1, &[])],
            "prefix and suffix never overlap"
        );
        assert_eq!(
            splice_of(&[1, 2, 3, 4], &[1, 3, 2, 4]),
            [one(1, 2, &[3, 2])],
            "a move sends the items between its two places"
        );
    }

    #[test]
    fn a_window_that_holds_the_last_send_gets_changes_and_others_the_whole() {
        let project = crate::demo::project().expect("the demo reads");
        let today = crate::model::Date::from_ymd(2026, 12, 2).expect("a day");
        let view = |p: &crate::model::Project| {
            let analysis = crate::analysis::analyze(p, &p.thresholds, today);
            Insights {
                map: crate::map_view::map_view(p, &analysis),
                analysis,
                positions: Vec::new(),
            }
        };
        let mut held: Held<Insights> = Held::default();
        let first = held.send(view(&project), false);
        let Sent::Whole {
            seq: first_seq,
            value,
        } = first
        else {
            panic!("the first send is whole")
        };
        let mut window = serde_json::to_value(&value).expect("serialises");

        let edit = crate::edit::Edit::Patch {
            kind: crate::model::EntityKind::Persona,
            id: "p-dana-platform".into(),
            fields: serde_json::json!({ "name": "Dana Okafor", "evidence": [] })
                .as_object()
                .cloned()
                .expect("an object"),
        };
        let edited = crate::edit::apply(&project, &edit).expect("the patch applies");
        let now = view(&edited);
        let Sent::Change { base, seq, ops } = held.send(now.clone(), false) else {
            panic!("a window holding the last send gets the changes")
        };
        assert_eq!(base, first_seq, "the changes apply to the first send");
        assert!(seq > first_seq, "sends are numbered upwards");
        let size = serde_json::to_string(&ops).expect("serialises").len();
        let whole = serde_json::to_string(&now).expect("serialises").len();
        assert!(
            size * 4 < whole,
            "a rename is a fraction of the view: {size} of {whole}"
        );
        apply(&mut window, &ops).expect("the changes fit the view");
        assert_eq!(
            window,
            serde_json::to_value(&now).expect("serialises"),
            "the changes turn the first view into the second"
        );
        assert!(
            matches!(held.send(now, true), Sent::Whole { .. }),
            "a window that asks for the whole gets it"
        );
    }
}
