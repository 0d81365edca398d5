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
    use persona_atlas::edit::{Edit, NewThresholds};
    use persona_atlas::image::ImageFormat;
    use persona_atlas::map_view::{MapEdge, MapEdgeKind, MapNode, MapNodeKind, MapView, Mark};
    use persona_atlas::matrix::{
        Coverage, Matrices, NeedRow, PersonaRow, ProductLinks, SegmentRow,
    };
    use persona_atlas::model::{
        BuyingRoleId, BuyingUnitId, CompetitorId, Counts, Date, Days, EntityKind, MarketSegmentId,
        NeedId, NodePosition, PersonaId, ProductId, ProductRelation, RelationshipKind, Status,
        Thresholds, Unit,
    };
    use persona_atlas::overview::{
        Overview, PersonaCard, ProductTie, SegmentGroup, SegmentSummary,
    };
    use ts_rs::{Config, TS};

    use crate::commands::edit::{Changed, SessionStatus};
    use crate::commands::project::AppStatus;
    use crate::error::{IpcError, IpcProblem};
    use crate::menu::MenuCommand;

    fn decl<T: TS>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
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
            decl::<EntityKind>(&cfg),
            decl::<Edit>(&cfg),
            decl::<Choice>(&cfg),
            decl::<RelationshipChoice>(&cfg),
            decl::<Catalog>(&cfg),
            decl::<SessionStatus>(&cfg),
            decl::<Changed>(&cfg),
            decl::<RelationshipKind>(&cfg),
            decl::<ProductLinks>(&cfg),
            decl::<PersonaRow>(&cfg),
            decl::<NeedRow>(&cfg),
            decl::<Coverage>(&cfg),
            decl::<SegmentRow>(&cfg),
            decl::<Matrices>(&cfg),
            decl::<ImageFormat>(&cfg),
            decl::<MenuCommand>(&cfg),
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
}
