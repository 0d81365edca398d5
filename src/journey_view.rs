//! A journey as its view shows it: stages as columns, each with its rows,
//! and the needs of each stage with how well our products meet them, so
//! that the value a stage lacks is visible. The core judges what is met
//! (with the project's `met_at`); the view only shows it.

use serde::Serialize;
use ts_rs::TS;

use crate::api::Choice;
use crate::model::*;
use crate::profile::Names;

/// A need of a stage, with our best product for it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StageNeed {
    /// The need's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Our product that meets it best, with its score 0..1.
    pub best: Option<(Choice, f64)>,
    /// Whether that score reaches the project's `met_at`.
    pub met: bool,
}

/// One stage of a journey.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StageView {
    /// What the stage is called.
    pub name: String,
    /// What the personas want here.
    pub goals: Vec<String>,
    /// What they ask.
    pub questions: Vec<String>,
    /// Where they meet us.
    pub touchpoints: Vec<String>,
    /// Through which channels.
    pub channels: Vec<String>,
    /// The needs that matter here, in the order written.
    pub needs: Vec<StageNeed>,
    /// What hurts.
    pub pains: Vec<String>,
    /// What we could do better.
    pub opportunities: Vec<String>,
    /// How they feel, -2 to 2.
    pub emotion: Option<f64>,
    /// How many of its needs no product of ours meets.
    pub unmet: usize,
}

/// A journey with its personas by name and its stages.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct JourneyView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Free text.
    pub description: Option<String>,
    /// The personas compared on it, in the order written.
    pub personas: Vec<Choice>,
    /// The stages, in order.
    pub stages: Vec<StageView>,
}

impl Names<'_> {
    /// The view of `j`. O(its stages and their needs).
    pub fn journey(&self, j: &Journey) -> JourneyView {
        JourneyView {
            id: j.id.to_string(),
            name: j.name.clone(),
            description: j.description.clone(),
            personas: j.personas.iter().map(|p| self.choice(p.as_str())).collect(),
            stages: j
                .stages
                .iter()
                .map(|s| {
                    let needs: Vec<StageNeed> = s
                        .needs
                        .iter()
                        .map(|n| {
                            let (best, met) = self.cover(n.as_str());
                            StageNeed {
                                id: n.to_string(),
                                name: self.name(n.as_str()),
                                best,
                                met,
                            }
                        })
                        .collect();
                    StageView {
                        name: s.name.clone(),
                        goals: s.goals.clone(),
                        questions: s.questions.clone(),
                        touchpoints: s.touchpoints.clone(),
                        channels: s.channels.clone(),
                        unmet: needs.iter().filter(|n| !n.met).count(),
                        needs,
                        pains: s.pains.clone(),
                        opportunities: s.opportunities.clone(),
                        emotion: s.emotion.map(|e| e.get()),
                    }
                })
                .collect(),
        }
    }
}

/// Every journey of `project`, in its order (by id). O(project + the
/// journeys' stages and needs).
pub fn journeys(project: &Project) -> Vec<JourneyView> {
    let names = Names::new(project);
    project.journeys.iter().map(|j| names.journey(j)).collect()
}
