//! The TypeScript types of everything that crosses IPC, generated from the
//! Rust types into `ui/src/ipc/bindings.ts`. The test fails when the checked
//! in file has drifted; `UPDATE_BINDINGS=1 cargo test` rewrites it.

#[cfg(test)]
mod tests {
    use persona_atlas::analysis::{
        Analysis, Gaps, Golden, Health, HealthProblem, HealthSummary, MultiProduct, Overlap,
        Underserved, UnitFinding, ValueGap,
    };
    use persona_atlas::api::{Catalog, Choice, Insights, RelationshipChoice};
    use persona_atlas::delta::{Op, Sent};
    use persona_atlas::edit::{Edit, MatchedPersona, NewThresholds};
    use persona_atlas::image::ImageFormat;
    use persona_atlas::journey_view::{JourneyView, StageNeed, StageView};
    use persona_atlas::map_view::{MapEdge, MapEdgeKind, MapNode, MapNodeKind, MapView, Mark};
    use persona_atlas::matrix::{
        Coverage, Matrices, NeedRow, PersonaRow, ProductLinks, SegmentRow,
    };
    use persona_atlas::model::{
        AttributeValue, BuyingRole, BuyingRoleId, BuyingUnit, BuyingUnitId, Camera, Competitor,
        CompetitorId, Counts, CustomerSegment, CustomerSegmentId, Date, Days, Emotion, EntityKind,
        Evidence, EvidenceKind, Journey, JourneyId, MarketSegment, MarketSegmentId, Member, Need,
        NeedId, NeedScore, NodePosition, Persona, PersonaId, PersonaNeed, PersonaProduct, Portrait,
        Priority, Product, ProductId, ProductRelation, Relationship, RelationshipKind, SavedView,
        Scenario, Stage, Status, Thresholds, Unit, ViewFilter, ViewLayers,
    };
    use persona_atlas::overview::{
        Overview, PersonaCard, ProductTie, SegmentGroup, SegmentSummary,
    };
    use persona_atlas::print::Paper;
    use persona_atlas::profile::{
        PersonaProfile, ProfileFinding, ProfileFindingKind, ProfileNeed, ProfileProduct,
        ProfileRelationship, ProfileRole, ProfileUnit,
    };
    use ts_rs::{Config, TS};

    use persona_atlas::api::RuleCheck;
    use persona_atlas::rules::{
        Accounts, ColumnValues, CommonValue, MatchReport, MissingColumn, MissingRole, Pair,
        PersonaMatch, RuleCount, RuleError, Source, TableMatch, Unreadable,
    };

    use persona_atlas::analysis::Listed;
    use persona_atlas::api::{ExportFormat, ImportFormat, ImportPreview};
    use persona_atlas::compare::{Diff, FieldChange, MergeReport, Named, Renamed};
    use persona_atlas::kumu::Unmapped;

    use crate::commands::data::{DataStatus, MatchProgress, TableFile};
    use crate::commands::edit::{Changed, SessionStatus, StarterAdded};
    use crate::commands::project::AppStatus;
    use crate::commands::transfer::{Comparison, ImportChoice, MergeChoice, TypeChoice};
    use crate::error::{IpcError, IpcProblem};
    use crate::menu::MenuCommand;
    use persona_atlas::starter::StarterSet;

    fn decl<T: TS>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    /// The type of the entities of each kind, so that the UI's `entity`,
    /// `create` and `update` are typed by the kind they are called with.
    fn entity_of(cfg: &Config) -> String {
        let kinds = [
            EntityKind::MarketSegment,
            EntityKind::CustomerSegment,
            EntityKind::BuyingRole,
            EntityKind::Need,
            EntityKind::Product,
            EntityKind::Competitor,
            EntityKind::Persona,
            EntityKind::BuyingUnit,
            EntityKind::Journey,
        ];
        let fields: Vec<String> = kinds
            .iter()
            .map(|&kind| {
                let name = match kind {
                    EntityKind::MarketSegment => MarketSegment::name(cfg),
                    EntityKind::CustomerSegment => CustomerSegment::name(cfg),
                    EntityKind::BuyingRole => BuyingRole::name(cfg),
                    EntityKind::Need => Need::name(cfg),
                    EntityKind::Product => Product::name(cfg),
                    EntityKind::Competitor => Competitor::name(cfg),
                    EntityKind::Persona => Persona::name(cfg),
                    EntityKind::BuyingUnit => BuyingUnit::name(cfg),
                    EntityKind::Journey => Journey::name(cfg),
                };
                let key = serde_json::to_value(kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{key:?}: {name}")
            })
            .collect();
        format!(
            "/** The entity of each kind, as the interchange format writes it. */\n\
             export type EntityOf = {{ {} }};\n",
            fields.join(", ")
        )
    }

    fn generate() -> String {
        let cfg = Config::new();
        let decls = [
            decl::<PersonaId>(&cfg),
            decl::<ProductId>(&cfg),
            decl::<MarketSegmentId>(&cfg),
            decl::<Status>(&cfg),
            decl::<ProductRelation>(&cfg),
            decl::<Counts>(&cfg),
            decl::<ProductTie>(&cfg),
            decl::<PersonaCard>(&cfg),
            decl::<SegmentSummary>(&cfg),
            decl::<SegmentGroup>(&cfg),
            decl::<ViewFilter>(&cfg),
            decl::<ViewLayers>(&cfg),
            decl::<Camera>(&cfg),
            decl::<SavedView>(&cfg),
            decl::<Overview>(&cfg),
            decl::<AppStatus>(&cfg),
            decl::<IpcProblem>(&cfg),
            decl::<IpcError>(&cfg),
            decl::<NeedId>(&cfg),
            decl::<BuyingRoleId>(&cfg),
            decl::<BuyingUnitId>(&cfg),
            decl::<CompetitorId>(&cfg),
            decl::<Unit>(&cfg),
            decl::<Days>(&cfg),
            decl::<Date>(&cfg),
            decl::<Thresholds>(&cfg),
            decl::<NewThresholds>(&cfg),
            decl::<MatchedPersona>(&cfg),
            decl::<Golden>(&cfg),
            decl::<Underserved>(&cfg),
            decl::<Overlap>(&cfg),
            decl::<MultiProduct>(&cfg),
            decl::<UnitFinding>(&cfg),
            decl::<Gaps>(&cfg),
            decl::<ValueGap>(&cfg),
            decl::<HealthProblem>(&cfg),
            decl::<Health>(&cfg),
            decl::<HealthSummary>(&cfg),
            decl::<Analysis>(&cfg),
            decl::<MapNodeKind>(&cfg),
            decl::<Mark>(&cfg),
            decl::<MapNode>(&cfg),
            decl::<MapEdgeKind>(&cfg),
            decl::<MapEdge>(&cfg),
            decl::<MapView>(&cfg),
            decl::<NodePosition>(&cfg),
            decl::<Insights>(&cfg),
            decl::<Op>(&cfg),
            decl::<Sent<Insights>>(&cfg),
            decl::<EntityKind>(&cfg),
            decl::<Edit>(&cfg),
            decl::<Choice>(&cfg),
            decl::<RelationshipChoice>(&cfg),
            decl::<Catalog>(&cfg),
            decl::<SessionStatus>(&cfg),
            decl::<Changed>(&cfg),
            decl::<StarterSet>(&cfg),
            decl::<StarterAdded>(&cfg),
            decl::<RelationshipKind>(&cfg),
            decl::<ProductLinks>(&cfg),
            decl::<PersonaRow>(&cfg),
            decl::<NeedRow>(&cfg),
            decl::<Coverage>(&cfg),
            decl::<SegmentRow>(&cfg),
            decl::<Matrices>(&cfg),
            decl::<ImageFormat>(&cfg),
            decl::<MenuCommand>(&cfg),
            decl::<Paper>(&cfg),
            decl::<AttributeValue>(&cfg),
            decl::<EvidenceKind>(&cfg),
            decl::<Evidence>(&cfg),
            decl::<Scenario>(&cfg),
            decl::<ProfileRole>(&cfg),
            decl::<ProfileNeed>(&cfg),
            decl::<ProfileProduct>(&cfg),
            decl::<ProfileUnit>(&cfg),
            decl::<ProfileRelationship>(&cfg),
            decl::<ProfileFindingKind>(&cfg),
            decl::<ProfileFinding>(&cfg),
            decl::<PersonaProfile>(&cfg),
            decl::<StageNeed>(&cfg),
            decl::<StageView>(&cfg),
            decl::<JourneyView>(&cfg),
            decl::<CustomerSegmentId>(&cfg),
            decl::<JourneyId>(&cfg),
            decl::<Portrait>(&cfg),
            decl::<Priority>(&cfg),
            decl::<Emotion>(&cfg),
            decl::<MarketSegment>(&cfg),
            decl::<CustomerSegment>(&cfg),
            decl::<BuyingRole>(&cfg),
            decl::<Need>(&cfg),
            decl::<NeedScore>(&cfg),
            decl::<Product>(&cfg),
            decl::<Competitor>(&cfg),
            decl::<PersonaNeed>(&cfg),
            decl::<PersonaProduct>(&cfg),
            decl::<Persona>(&cfg),
            decl::<Relationship>(&cfg),
            decl::<Member>(&cfg),
            decl::<BuyingUnit>(&cfg),
            decl::<Stage>(&cfg),
            decl::<Journey>(&cfg),
            decl::<Source>(&cfg),
            decl::<PersonaMatch>(&cfg),
            decl::<Pair>(&cfg),
            decl::<MissingColumn>(&cfg),
            decl::<Unreadable>(&cfg),
            decl::<MissingRole>(&cfg),
            decl::<Accounts>(&cfg),
            decl::<MatchReport>(&cfg),
            decl::<CommonValue>(&cfg),
            decl::<ColumnValues>(&cfg),
            decl::<TableMatch>(&cfg),
            decl::<RuleCount>(&cfg),
            decl::<RuleError>(&cfg),
            decl::<RuleCheck>(&cfg),
            decl::<MatchProgress>(&cfg),
            decl::<TableFile>(&cfg),
            decl::<DataStatus>(&cfg),
            decl::<ImportFormat>(&cfg),
            decl::<ExportFormat>(&cfg),
            decl::<Unmapped>(&cfg),
            decl::<ImportPreview>(&cfg),
            decl::<TypeChoice>(&cfg),
            decl::<ImportChoice>(&cfg),
            decl::<Renamed>(&cfg),
            decl::<Listed>(&cfg),
            decl::<MergeReport>(&cfg),
            decl::<MergeChoice>(&cfg),
            decl::<FieldChange>(&cfg),
            decl::<Named>(&cfg),
            decl::<persona_atlas::compare::Changed>(&cfg),
            decl::<Diff>(&cfg),
            decl::<Comparison>(&cfg),
            entity_of(&cfg),
        ];
        format!(
            "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n\
             // run `UPDATE_BINDINGS=1 cargo test -p persona-atlas-desktop bindings` instead.\n\n{}",
            decls.join("\n")
        )
    }

    #[test]
    fn bindings_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/ipc/bindings.ts");
        let fresh = generate();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &fresh).expect("write ui/src/ipc/bindings.ts");
        }
        let current = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/ipc/bindings.ts differs from the Rust types; run \
             `UPDATE_BINDINGS=1 cargo test -p persona-atlas-desktop bindings` and commit it"
        );
    }

    /// The names between `start` and the first `end` after it that follow
    /// `before` and end at `after`.
    fn names_in(text: &str, start: &str, end: &str, before: &str, after: char) -> Vec<String> {
        let from = text.find(start).map_or(text.len(), |i| i + start.len());
        let to = text[from..].find(end).map_or(text.len(), |i| from + i);
        let mut out: Vec<String> = text[from..to]
            .split(before)
            .skip(1)
            .filter_map(|rest| rest.split(after).next())
            .map(str::to_owned)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A command is named in four places: the handler list, the build
    /// script that makes its permission, the capability that grants it and
    /// the UI's ipc module. One missing from any of them is a command the
    /// window cannot call, or one it may call that nothing wraps.
    #[test]
    fn every_command_is_handled_permitted_granted_and_wrapped() {
        let read = |path: &str| {
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
                .unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let handled: Vec<String> = names_in(
            &read("src/lib.rs"),
            "generate_handler![",
            "]",
            "commands::",
            ',',
        )
        .into_iter()
        .filter_map(|x| x.rsplit("::").next().map(str::to_owned))
        .collect();
        let permitted = names_in(&read("build.rs"), ".commands(&[", "]", "\"", '"')
            .into_iter()
            .filter(|x| !x.trim().is_empty() && !x.contains(','))
            .collect::<Vec<_>>();
        let granted: Vec<String> = names_in(
            &read("capabilities/main.json"),
            "\"permissions\"",
            "]",
            "\"allow-",
            '"',
        )
        .into_iter()
        .map(|x| x.replace('-', "_"))
        .collect();
        let wrapped = names_in(&read("../ui/src/ipc/index.ts"), "", "\u{0}", "(\"", '"')
            .into_iter()
            .filter(|x| handled.contains(x))
            .collect::<Vec<_>>();
        let mut handled_sorted = handled.clone();
        handled_sorted.sort();
        assert!(!handled_sorted.is_empty(), "the handler list is read");
        assert_eq!(
            permitted, handled_sorted,
            "build.rs makes a permission for each handler"
        );
        assert_eq!(
            granted, handled_sorted,
            "capabilities/main.json grants each handler"
        );
        assert_eq!(wrapped, handled_sorted, "ui/src/ipc wraps each handler");
    }
}
