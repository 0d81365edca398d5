// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p persona-atlas-desktop bindings` instead.

export type PersonaId = string;

export type ProductId = string;

export type MarketSegmentId = string;

export type Status = "proto" | "validated" | "detailed";

export type ProductRelation = "owned_by" | "targets" | "uses" | "evaluates";

export type Counts = { 
/**
 * Market segments.
 */
market_segments: number, 
/**
 * Customer segments.
 */
customer_segments: number, 
/**
 * Buying roles.
 */
buying_roles: number, 
/**
 * Needs.
 */
needs: number, 
/**
 * Products.
 */
products: number, 
/**
 * Competitors.
 */
competitors: number, 
/**
 * Personas.
 */
personas: number, 
/**
 * Relationships between personas.
 */
relationships: number, 
/**
 * Buying units.
 */
buying_units: number, 
/**
 * Journeys.
 */
journeys: number, };

export type ProductTie = { 
/**
 * The product's id.
 */
id: ProductId, 
/**
 * The product's name.
 */
name: string, 
/**
 * How the persona is tied to it.
 */
relation: ProductRelation, };

export type PersonaCard = { 
/**
 * Its id.
 */
id: PersonaId, 
/**
 * Its name.
 */
name: string, 
/**
 * Job title.
 */
title: string | null, 
/**
 * The buying role's name.
 */
role: string | null, 
/**
 * Whether the role makes the buying decision.
 */
decides: boolean, 
/**
 * The customer segment's name.
 */
customer_segment: string | null, 
/**
 * Proto, validated or detailed.
 */
status: Status | null, 
/**
 * Priority, 1-5.
 */
priority: number | null, 
/**
 * The products it is tied to, in the order given.
 */
products: Array<ProductTie>, 
/**
 * How far it rests on evidence, 0..1, on the day the overview was made.
 */
confidence: number, 
/**
 * Whether that is below [`crate::analysis::health::LOW_CONFIDENCE`]:
 * too little to act on.
 */
low_confidence: boolean, };

export type SegmentSummary = { 
/**
 * Its id.
 */
id: MarketSegmentId, 
/**
 * Its name.
 */
name: string, 
/**
 * Its description.
 */
description: string | null, 
/**
 * Its priority, 1-5.
 */
priority: number | null, };

export type SegmentGroup = { 
/**
 * The segment; `None` for personas that have none.
 */
segment: SegmentSummary | null, 
/**
 * Its personas, by name.
 */
personas: Array<PersonaCard>, };

export type ViewFilter = { 
/**
 * Only the personas of this market segment.
 */
market_segment?: MarketSegmentId, 
/**
 * Only the personas in this buying role.
 */
buying_role?: BuyingRoleId, 
/**
 * Only the personas tied to this product.
 */
product?: ProductId, 
/**
 * Only the personas of this status.
 */
status?: Status, 
/**
 * Only the personas whose confidence is low.
 */
low_confidence?: boolean, };

export type ViewLayers = { 
/**
 * The products.
 */
products?: boolean, 
/**
 * The needs.
 */
needs?: boolean, };

export type Camera = { 
/**
 * 1 = one map unit per pixel; within [`ZOOM_RANGE`].
 */
zoom: number, 
/**
 * The map point at the centre, left to right.
 */
x: number, 
/**
 * The map point at the centre, top to bottom.
 */
y: number, };

export type SavedView = { 
/**
 * What the view is called; unique in the project.
 */
name: string, 
/**
 * What to say about it when it is presented.
 */
note?: string, 
/**
 * What the map is narrowed to.
 */
filter?: ViewFilter, 
/**
 * Which layers are drawn.
 */
layers?: ViewLayers, 
/**
 * Where the camera stands; `None` fits the whole (filtered) map.
 */
camera?: Camera, };

export type Overview = { 
/**
 * The project file's path.
 */
file: string, 
/**
 * The project's name.
 */
name: string, 
/**
 * The project's description.
 */
description: string | null, 
/**
 * How many entities of each kind it holds.
 */
counts: Counts, 
/**
 * One group per market segment, most important first, then the
 * personas without a segment (if any).
 */
groups: Array<SegmentGroup>, 
/**
 * The saved views of the map, in their order.
 */
views: Array<SavedView>, };

export type AppStatus = { 
/**
 * The open project at a glance; `None` when no project is open.
 */
project: Sent<Overview> | null, 
/**
 * The open session, which every later command names; `None` when no
 * project is open.
 */
session: SessionStatus | null, 
/**
 * Something the user must be told, e.g. why a file did not open.
 */
notice: string | null, };

export type IpcProblem = { 
/**
 * Where, e.g. `needs[1].need`.
 */
path: string, 
/**
 * What.
 */
message: string, };

export type IpcError = { 
/**
 * A stable name for errors the UI treats specially.
 */
code: string | null, 
/**
 * What went wrong, for the user.
 */
message: string, 
/**
 * Where and what, for invalid input.
 */
problems: Array<IpcProblem>, };

export type NeedId = string;

export type BuyingRoleId = string;

export type BuyingUnitId = string;

export type CompetitorId = string;

export type Unit = number;

export type Days = number;

export type Date = string;

export type Thresholds = { 
/**
 * A persona whose service level (the importance-weighted share of its
 * needs that our best products meet) is below this is underserved.
 * Default 0.6.
 */
underserved_below: Unit, 
/**
 * A need at least this important to a persona is an important need.
 * Default 0.7.
 */
important_need: Unit, 
/**
 * A product meets a need when it scores at least this. Default 0.5.
 */
met_at: Unit, 
/**
 * Two personas at least this similar are taken for one person written
 * twice. Default 0.7.
 */
overlap_at: Unit, 
/**
 * A persona not reviewed for longer than this many days is stale.
 * Default 365.
 */
stale_after_days: Days, };

export type NewThresholds = { 
/**
 * See [`Thresholds::underserved_below`].
 */
underserved_below: Unit, 
/**
 * See [`Thresholds::important_need`].
 */
important_need: Unit, 
/**
 * See [`Thresholds::met_at`].
 */
met_at: Unit, 
/**
 * See [`Thresholds::overlap_at`].
 */
overlap_at: Unit, 
/**
 * See [`Thresholds::stale_after_days`]; unchanged when absent.
 */
stale_after_days?: Days, };

export type MatchedPersona = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * Records its rule matched.
 */
records: number, 
/**
 * The share of the table, 0..1.
 */
share: number, 
/**
 * The figures in words.
 */
note?: string, };

export type Golden = { 
/**
 * The representative persona of the group.
 */
persona: PersonaId, 
/**
 * Products the group touches.
 */
products: Array<ProductId>, 
/**
 * The other personas of the group: the same person under other names.
 */
duplicates: Array<PersonaId>, 
/**
 * How much of the ecosystem the group touches, weighted by priority.
 */
score: number, 
/**
 * Why, for a marketer.
 */
why: string, };

export type Underserved = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * The importance-weighted share of its needs our best products meet.
 */
service_level: number, 
/**
 * Its important needs that no product meets, most important first.
 */
unmet_needs: Array<NeedId>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type Overlap = { 
/**
 * The pair, in id order.
 */
personas: [PersonaId, PersonaId], 
/**
 * From 0 to 1.
 */
similarity: number, 
/**
 * What they have in common, as short phrases.
 */
shared: Array<string>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type MultiProduct = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * The products, in the order the persona lists them.
 */
products: Array<ProductId>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type UnitFinding = { 
/**
 * The buying unit.
 */
unit: BuyingUnitId, 
/**
 * Every required role is played by a member.
 */
complete: boolean, 
/**
 * Required roles nobody in the unit plays.
 */
missing_roles: Array<BuyingRoleId>, 
/**
 * Every member of the unit, by id.
 */
members: Array<PersonaId>, 
/**
 * Members whose role decides.
 */
decision_makers: Array<PersonaId>, 
/**
 * Members with no relationship to any other member.
 */
unlinked_members: Array<PersonaId>, 
/**
 * For each member who does not decide, the shortest chain of
 * relationships that reaches a decision maker (member first).
 */
influence_paths: Array<Array<PersonaId>>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type Gaps = { 
/**
 * Needs no product meets, the most wanted first.
 */
needs_unaddressed: Array<NeedId>, 
/**
 * Market and customer segments nobody is designed for.
 */
segments_without_personas: Array<string>, 
/**
 * Products no persona is tied to.
 */
products_without_personas: Array<ProductId>, 
/**
 * Personas tied to no product.
 */
personas_without_products: Array<PersonaId>, };

export type ValueGap = { 
/**
 * The need.
 */
need: NeedId, 
/**
 * Our best product for it, if any addresses it.
 */
product: ProductId | null, 
/**
 * Our best score, 0 when nothing addresses it.
 */
ours: number, 
/**
 * The competitor that meets it best.
 */
competitor: CompetitorId, 
/**
 * Its score.
 */
theirs: number, 
/**
 * Why, for a marketer.
 */
why: string, };

export type HealthProblem = "no_evidence" | "assumptions_only" | "stale" | "no_rules" | "unsupported_by_data";

export type Health = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * How far it rests on evidence, 0..1 (see the module's formula).
 */
confidence: number, 
/**
 * What is wrong, in the order of [`HealthProblem`].
 */
problems: Array<HealthProblem>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type HealthSummary = { 
/**
 * Every persona.
 */
personas: number, 
/**
 * Personas whose status is validated or detailed.
 */
validated: number, 
/**
 * Personas not reviewed within `stale_after_days`, or never.
 */
stale: number, 
/**
 * Personas that rest on assumptions only.
 */
assumptions_only: number, 
/**
 * Personas with no evidence at all.
 */
no_evidence: number, 
/**
 * Personas without rules.
 */
no_rules: number, 
/**
 * The mean confidence of all personas, 0 when there are none.
 */
mean_confidence: number, 
/**
 * Important personas (priority 4 or 5, or deciding in a buying unit)
 * whose confidence is below one half, the least supported first, at
 * most five.
 */
weakest_important: Array<PersonaId>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type Analysis = { 
/**
 * Golden personas.
 */
golden: Array<Golden>, 
/**
 * Underserved personas.
 */
underserved: Array<Underserved>, 
/**
 * Near-duplicate pairs.
 */
overlaps: Array<Overlap>, 
/**
 * Personas drawn to several products.
 */
multi_product: Array<MultiProduct>, 
/**
 * Buying units, the ones that cannot close first.
 */
buying_units: Array<UnitFinding>, 
/**
 * Holes in the portfolio.
 */
gaps: Gaps, 
/**
 * Needs where a competitor beats our best product.
 */
value_gaps: Array<ValueGap>, 
/**
 * Personas that rest on guesses, the least supported first.
 */
health: Array<Health>, 
/**
 * The portfolio's health in numbers.
 */
health_summary: HealthSummary, 
/**
 * The day the findings were judged on (what is stale depends on it).
 */
today: Date, 
/**
 * The thresholds the findings were judged by.
 */
thresholds: Thresholds, };

export type MapNodeKind = "market_segment" | "product" | "need" | "persona";

export type Mark = "golden" | "duplicate" | "underserved" | "overlap" | "multi_product";

export type MapNode = { 
/**
 * The entity's id.
 */
id: string, 
/**
 * What it is.
 */
kind: MapNodeKind, 
/**
 * Its name.
 */
label: string, 
/**
 * The market segment box a persona sits in.
 */
parent: string | null, 
/**
 * A persona's customer segment, which colours it.
 */
customer_segment: string | null, 
/**
 * A persona's buying role, by name.
 */
role: string | null, 
/**
 * Whether a persona's role makes the buying decision.
 */
decides: boolean, 
/**
 * A persona's status.
 */
status: Status | null, 
/**
 * What the findings say about it.
 */
marks: Array<Mark>, 
/**
 * How far a persona rests on evidence, 0..1, on the analysis' day.
 */
confidence: number | null, 
/**
 * Whether a persona's confidence is too low to act on
 * ([`crate::analysis::health::is_low`]); the map draws it faint and
 * can show only these.
 */
low_confidence: boolean, };

export type MapEdgeKind = "needs" | "meets" | "tied_to" | "relates" | "overlap";

export type MapEdge = { 
/**
 * The node it leaves.
 */
source: string, 
/**
 * The node it reaches.
 */
target: string, 
/**
 * What it stands for.
 */
kind: MapEdgeKind, 
/**
 * Importance, score, weight or similarity, 0 to 1.
 */
weight: number, };

export type MapView = { 
/**
 * Segments, products, needs and personas, in that order, each by id.
 */
nodes: Array<MapNode>, 
/**
 * Every link, in a stable order.
 */
edges: Array<MapEdge>, 
/**
 * Customer segments by id, with their names, for the legend.
 */
customer_segments: Array<[string, string]>, 
/**
 * The names of entities that are not drawn as nodes (buying units,
 * roles, competitors), by id, so that findings can name them.
 */
names: Array<[string, string]>, };

export type NodePosition = { 
/**
 * The id of the entity the node draws.
 */
id: string, 
/**
 * Left to right.
 */
x: number, 
/**
 * Top to bottom.
 */
y: number, };

export type Insights = { 
/**
 * The findings.
 */
analysis: Analysis, 
/**
 * The map, with the findings marked on it.
 */
map: MapView, 
/**
 * Where the user placed nodes; nodes not listed are laid out by the app.
 */
positions: Array<NodePosition>, };

export type Op = { "op": "splice", 
/**
 * Field names, and list indices as decimal text, from the root.
 */
path: Array<string>, 
/**
 * The first item replaced.
 */
start: number, 
/**
 * How many items go.
 */
delete: number, 
/**
 * What comes in their place.
 */
insert: unknown[], } | { "op": "set", 
/**
 * Field names, and list indices as decimal text, from the root.
 */
path: Array<string>, 
/**
 * The new value.
 */
value: unknown, };

export type Sent<T> = { "kind": "whole", 
/**
 * This send's number.
 */
seq: number, 
/**
 * The view.
 */
value: T, } | { "kind": "change", 
/**
 * The send whose view these changes apply to.
 */
base: number, 
/**
 * This send's number.
 */
seq: number, 
/**
 * The changes, in order.
 */
ops: Array<Op>, };

export type EntityKind = "market_segment" | "customer_segment" | "buying_role" | "need" | "product" | "competitor" | "persona" | "buying_unit" | "journey";

export type Edit = { "op": "create", 
/**
 * What kind of entity.
 */
kind: EntityKind, 
/**
 * The entity.
 */
value: unknown, } | { "op": "update", 
/**
 * What kind of entity.
 */
kind: EntityKind, 
/**
 * The entity, whole.
 */
value: unknown, } | { "op": "put", 
/**
 * What kind of entity.
 */
kind: EntityKind, 
/**
 * The entity.
 */
value: unknown, } | { "op": "patch", 
/**
 * What kind of entity.
 */
kind: EntityKind, 
/**
 * Its id, which a patch cannot change.
 */
id: string, 
/**
 * The fields to replace, by name.
 */
fields: Record<string, unknown>, } | { "op": "delete", 
/**
 * What kind of entity.
 */
kind: EntityKind, 
/**
 * Its id.
 */
id: string, } | { "op": "merge_personas", 
/**
 * The persona that stays.
 */
keep: PersonaId, 
/**
 * The persona folded into it.
 */
remove: PersonaId, } | { "op": "link_product", 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * The product.
 */
product: ProductId, 
/**
 * How the persona relates to it, each at most once.
 */
relations: Array<ProductRelation>, } | { "op": "link_need", 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * The need.
 */
need: NeedId, 
/**
 * 0-1, how important the need is to the persona.
 */
importance: number | null, } | { "op": "score", 
/**
 * The id of a product or of a competitor.
 */
offering: string, 
/**
 * The need.
 */
need: NeedId, 
/**
 * 0-1, 1 = fully.
 */
score: number | null, } | { "op": "relate", 
/**
 * Who acts.
 */
from: PersonaId, 
/**
 * On whom.
 */
to: PersonaId, 
/**
 * How.
 */
kind: RelationshipKind, 
/**
 * 0-1, how strongly; `None` removes the relationship.
 */
weight: number | null, } | { "op": "set_thresholds", 
/**
 * The new thresholds: the four from 0 to 1, and `stale_after_days`,
 * which keeps its value when left out (scripts written before it
 * existed send four).
 */
thresholds: NewThresholds, } | { "op": "set_positions", 
/**
 * Where each node goes.
 */
positions: Array<NodePosition>, 
/**
 * Whether this is a whole new layout.
 */
replace_all: boolean, } | { "op": "set_project", 
/**
 * The name; must not be empty.
 */
name: string, 
/**
 * The description; `None` removes it.
 */
description: string | null, } | { "op": "record_match", 
/**
 * `crm` or `analytics`.
 */
kind: EvidenceKind, 
/**
 * The table's name.
 */
source: string, 
/**
 * When the match was run.
 */
date: Date, 
/**
 * What each persona's rule matched.
 */
personas: Array<MatchedPersona>, } | { "op": "set_views", 
/**
 * The views, whole.
 */
views: unknown[], } | { "op": "batch", 
/**
 * The edits, in order; a batch holds no batch.
 */
edits: Array<Edit>, };

export type Choice = { 
/**
 * The id.
 */
id: string, 
/**
 * The name.
 */
name: string, };

export type RelationshipChoice = { 
/**
 * The id of the persona who acts.
 */
from: string, 
/**
 * The id of the persona acted on.
 */
to: string, 
/**
 * How; with the two personas it names the relationship.
 */
kind: RelationshipKind, 
/**
 * How strongly, 0-1.
 */
weight: number, };

export type Catalog = { 
/**
 * Market segments.
 */
market_segments: Array<Choice>, 
/**
 * Customer segments.
 */
customer_segments: Array<Choice>, 
/**
 * Buying roles.
 */
buying_roles: Array<Choice>, 
/**
 * Needs.
 */
needs: Array<Choice>, 
/**
 * Products.
 */
products: Array<Choice>, 
/**
 * Competitors.
 */
competitors: Array<Choice>, 
/**
 * Personas.
 */
personas: Array<Choice>, 
/**
 * The relationships between personas, sorted by the name of who acts,
 * then of whom they act on, then by kind.
 */
relationships: Array<RelationshipChoice>, };

export type SessionStatus = { 
/**
 * Which open project this is: every command names it.
 */
id: number, 
/**
 * Counts the changes made in this session; a view whose data is of an
 * older revision reads it again.
 */
revision: number, 
/**
 * An edit can be undone.
 */
can_undo: boolean, 
/**
 * An undone edit can be redone.
 */
can_redo: boolean, };

export type Changed = { 
/**
 * The session after the change.
 */
status: SessionStatus, 
/**
 * False when there was nothing to do and nothing was written.
 */
changed: boolean, 
/**
 * The findings and the map after the change, as what changed since
 * the window's copy (after a move, only the stored positions); absent
 * when the change cannot have changed them.
 */
insights: Sent<Insights> | null, 
/**
 * The project at a glance after the change, as what changed since the
 * window's copy; absent when the change cannot have changed it (moves,
 * thresholds).
 */
overview: Sent<Overview> | null, };

export type StarterSet = { 
/**
 * What `add` takes: `buying-roles`, `company-size`...
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * What it is for.
 */
description: string, 
/**
 * What kind of entity it adds.
 */
kind: EntityKind, 
/**
 * The names of what it adds, in order.
 */
items: Array<string>, };

export type StarterAdded = { 
/**
 * The change, as after any edit.
 */
changed: Changed, 
/**
 * How many entities it added.
 */
added: number, };

export type RelationshipKind = "influences" | "approves" | "reports_to" | "recommends" | "blocks" | "collaborates";

export type ProductLinks = { 
/**
 * Index into [`Matrices::products`].
 */
product: number, 
/**
 * The relations, in the order the persona lists them.
 */
relations: Array<ProductRelation>, };

export type PersonaRow = { 
/**
 * The persona's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Its market segment's id, if it has one.
 */
market_segment: string | null, 
/**
 * Its links: the index of a product in [`Matrices::products`] and the
 * relations to it, only for products it is linked to.
 */
links: Array<ProductLinks>, };

export type NeedRow = { 
/**
 * The need's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * How many personas have the need.
 */
personas: number, 
/**
 * The highest importance any persona gives it (0 when nobody has it).
 */
importance: number, 
/**
 * One score per product (same order as [`Matrices::products`]); `None`
 * where the product does not address the need.
 */
products: Array<number | null>, 
/**
 * One score per competitor, as for products.
 */
competitors: Array<number | null>, 
/**
 * The best competitor's score minus our best product's (0 when none is
 * ahead): how far behind we are on this need.
 */
gap: number, };

export type Coverage = { 
/**
 * Personas of the segment linked to the product in any way.
 */
linked: number, 
/**
 * The importance-weighted share (0-1) of the segment's persona needs
 * that the product meets.
 */
needs_met: number, };

export type SegmentRow = { 
/**
 * The segment's id; `None` for the personas with no segment.
 */
id: string | null, 
/**
 * Its name.
 */
name: string, 
/**
 * How many personas the segment has.
 */
personas: number, 
/**
 * One cell per product (same order as [`Matrices::products`]).
 */
cells: Array<Coverage>, };

export type Matrices = { 
/**
 * The products, in the order of every row's product columns.
 */
products: Array<Choice>, 
/**
 * The competitors, in the order of a need row's competitor columns.
 */
competitors: Array<Choice>, 
/**
 * Persona × product: one row per persona, sorted by name.
 */
personas: Array<PersonaRow>, 
/**
 * Need × product and competitor: one row per need, the widest value gap first.
 */
needs: Array<NeedRow>, 
/**
 * Market segment × product: one row per segment, and a last one for
 * personas with no segment when there are any.
 */
segments: Array<SegmentRow>, 
/**
 * The score at which an offer meets a need (the project's threshold).
 */
met_at: number, };

export type ImageFormat = "png" | "svg";

export type MenuCommand = "export_png" | "export_svg" | "export_one_pager" | "export_report" | "show_map" | "show_personas" | "show_portfolio" | "show_matrices" | "show_journeys" | "show_data" | "import" | "export_xlsx" | "export_csv" | "export_graphml" | "export_gexf" | "export_kumu" | "merge" | "compare" | "fit_map" | "find" | "undo" | "redo" | "new_persona" | "new_product" | "new_need" | "draw_relationship" | "starter_sets" | "save_view" | "present" | "shortcuts" | "project_details";

export type Paper = "a4" | "letter";

export type AttributeValue = boolean | number | string;

export type EvidenceKind = "interview" | "survey" | "crm" | "analytics" | "workshop" | "assumption";

export type Evidence = { 
/**
 * Where it comes from.
 */
kind: EvidenceKind, 
/**
 * Which study, report or workshop.
 */
source?: string, 
/**
 * When it was gathered.
 */
date?: Date, 
/**
 * What was learned, or a quote.
 */
note?: string, 
/**
 * From a match of customer records: how many records the rule matched.
 */
records?: number, 
/**
 * From a match of customer records: the share of the table matched.
 */
share?: Unit, };

export type Scenario = { 
/**
 * What the story is called.
 */
title: string, 
/**
 * The story.
 */
text?: string, };

export type ProfileRole = { 
/**
 * The role's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Whether the role makes the buying decision.
 */
decides: boolean, };

export type ProfileNeed = { 
/**
 * The need's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * How much the persona cares, 0..1.
 */
importance: number, 
/**
 * Our product that meets it best, with its score 0..1.
 */
best: [Choice, number] | null, 
/**
 * Whether that score reaches the project's `met_at`.
 */
met: boolean, };

export type ProfileProduct = { 
/**
 * The product's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * How the persona relates to it, in the order written.
 */
relations: Array<ProductRelation>, };

export type ProfileUnit = { 
/**
 * The unit's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * The role the persona plays in it, by name, when the unit says.
 */
role: string | null, };

export type ProfileRelationship = { 
/**
 * The other persona.
 */
persona: Choice, 
/**
 * How.
 */
kind: RelationshipKind, 
/**
 * How strongly, 0..1.
 */
weight: number, 
/**
 * Whether this persona acts on the other (`true`) or is acted on.
 */
outgoing: boolean, };

export type ProfileFindingKind = "golden" | "duplicate" | "underserved" | "overlap" | "multi_product" | "health" | "buying_unit";

export type ProfileFinding = { 
/**
 * What it is.
 */
kind: ProfileFindingKind, 
/**
 * A headline for a marketer ("Overlaps with Priya").
 */
title: string, 
/**
 * Why, as the analysis says it.
 */
why: string, };

export type PersonaProfile = { 
/**
 * Its id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Job title.
 */
title: string | null, 
/**
 * Something they would say.
 */
quote: string | null, 
/**
 * Free text.
 */
description: string | null, 
/**
 * The portrait, a PNG or JPEG `data:` URI.
 */
portrait: string | null, 
/**
 * Proto, validated or detailed.
 */
status: Status | null, 
/**
 * How important it is to the business, 1-5.
 */
priority: number | null, 
/**
 * When it was last checked.
 */
last_reviewed: Date | null, 
/**
 * What they want to achieve.
 */
goals: Array<string>, 
/**
 * What gets in their way.
 */
pain_points: Array<string>, 
/**
 * Where to reach them.
 */
channels: Array<string>, 
/**
 * The teams that work with it.
 */
used_by: Array<string>, 
/**
 * Stories of the persona at work.
 */
scenarios: Array<Scenario>, 
/**
 * What it rests on, as written.
 */
evidence: Array<Evidence>, 
/**
 * The rules that pick its customers out of customer records.
 */
rules: string | null, 
/**
 * Free attributes.
 */
attributes: { [key in string]: AttributeValue }, 
/**
 * Its market segment.
 */
market_segment: Choice | null, 
/**
 * Its customer segment.
 */
customer_segment: Choice | null, 
/**
 * Its buying role.
 */
buying_role: ProfileRole | null, 
/**
 * Its needs, most important first.
 */
needs: Array<ProfileNeed>, 
/**
 * The products it is tied to, in the order first written.
 */
products: Array<ProfileProduct>, 
/**
 * The buying units it sits in, by name.
 */
buying_units: Array<ProfileUnit>, 
/**
 * Its relationships with other personas.
 */
relationships: Array<ProfileRelationship>, 
/**
 * The journeys it is on, in the project's order.
 */
journeys: Array<Choice>, 
/**
 * Up to two letters for a portrait with no picture.
 */
initials: string, 
/**
 * How far it rests on evidence, 0..1, on the analysis' day.
 */
confidence: number, 
/**
 * Whether the confidence is below [`analysis::health::LOW_CONFIDENCE`].
 */
low_confidence: boolean, 
/**
 * What the analyses found about it, health first.
 */
findings: Array<ProfileFinding>, };

export type StageNeed = { 
/**
 * The need's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Our product that meets it best, with its score 0..1.
 */
best: [Choice, number] | null, 
/**
 * Whether that score reaches the project's `met_at`.
 */
met: boolean, };

export type StageView = { 
/**
 * What the stage is called.
 */
name: string, 
/**
 * What the personas want here.
 */
goals: Array<string>, 
/**
 * What they ask.
 */
questions: Array<string>, 
/**
 * Where they meet us.
 */
touchpoints: Array<string>, 
/**
 * Through which channels.
 */
channels: Array<string>, 
/**
 * The needs that matter here, in the order written.
 */
needs: Array<StageNeed>, 
/**
 * What hurts.
 */
pains: Array<string>, 
/**
 * What we could do better.
 */
opportunities: Array<string>, 
/**
 * How they feel, -2 to 2.
 */
emotion: number | null, 
/**
 * How many of its needs no product of ours meets.
 */
unmet: number, };

export type JourneyView = { 
/**
 * Its id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Free text.
 */
description: string | null, 
/**
 * The personas compared on it, in the order written.
 */
personas: Array<Choice>, 
/**
 * The stages, in order.
 */
stages: Array<StageView>, };

export type CustomerSegmentId = string;

export type JourneyId = string;

export type Portrait = string;

export type Priority = number;

export type Emotion = number;

export type MarketSegment = { 
/**
 * Unique id.
 */
id: MarketSegmentId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes, e.g. industry, company size, region.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * Number of accounts or revenue.
 */
size?: number, 
/**
 * How much the business cares about it, 1-5.
 */
priority?: Priority, };

export type CustomerSegment = { 
/**
 * Unique id.
 */
id: CustomerSegmentId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * How much the business cares about it, 1-5.
 */
priority?: Priority, };

export type BuyingRole = { 
/**
 * Unique id.
 */
id: BuyingRoleId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * A buying unit without this role is incomplete.
 */
required?: boolean, 
/**
 * People in this role make the final buying decision.
 */
decides?: boolean, };

export type Need = { 
/**
 * Unique id.
 */
id: NeedId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, };

export type NeedScore = { 
/**
 * The need.
 */
need: NeedId, 
/**
 * 1 = fully met.
 */
score: Unit, };

export type Product = { 
/**
 * Unique id.
 */
id: ProductId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * The needs it meets, and how well.
 */
addresses?: Array<NeedScore>, };

export type Competitor = { 
/**
 * Unique id.
 */
id: CompetitorId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * The needs it meets, and how well.
 */
addresses?: Array<NeedScore>, };

export type PersonaNeed = { 
/**
 * The need.
 */
need: NeedId, 
/**
 * 1 = it matters most.
 */
importance: Unit, };

export type PersonaProduct = { 
/**
 * The product.
 */
product: ProductId, 
/**
 * What kind of tie.
 */
relation: ProductRelation, };

export type Persona = { 
/**
 * Unique id.
 */
id: PersonaId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * Job title.
 */
title?: string, 
/**
 * Something they would say.
 */
quote?: string, 
/**
 * The face on the one-pager.
 */
portrait?: Portrait, 
/**
 * What they want to achieve.
 */
goals?: Array<string>, 
/**
 * What gets in their way.
 */
pain_points?: Array<string>, 
/**
 * Where to reach them.
 */
channels?: Array<string>, 
/**
 * The teams or functions that work with this persona.
 */
used_by?: Array<string>, 
/**
 * Stories of the persona at work.
 */
scenarios?: Array<Scenario>, 
/**
 * Their market segment.
 */
market_segment?: MarketSegmentId, 
/**
 * Their customer segment.
 */
customer_segment?: CustomerSegmentId, 
/**
 * Their role in buying.
 */
buying_role?: BuyingRoleId, 
/**
 * How important the persona is to the business, 1-5.
 */
priority?: Priority, 
/**
 * Proto, validated or detailed.
 */
status?: Status, 
/**
 * When it was last checked.
 */
last_reviewed?: Date, 
/**
 * Their needs, with importance.
 */
needs?: Array<PersonaNeed>, 
/**
 * Their ties to products.
 */
products?: Array<PersonaProduct>, 
/**
 * What the persona rests on.
 */
evidence?: Array<Evidence>, 
/**
 * The data points that assign a real customer record to this persona.
 */
rules?: string, };

export type Relationship = { 
/**
 * Who acts.
 */
from: PersonaId, 
/**
 * On whom.
 */
to: PersonaId, 
/**
 * How.
 */
kind: RelationshipKind, 
/**
 * How strongly, 0-1 (1 when not given).
 */
weight: Unit, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, };

export type Member = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * The role they play in this unit, when it differs from their usual one.
 */
role?: BuyingRoleId, };

export type BuyingUnit = { 
/**
 * Unique id.
 */
id: BuyingUnitId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * The product they buy.
 */
product?: ProductId, 
/**
 * The market segment they buy in.
 */
market_segment?: MarketSegmentId, 
/**
 * Who is in it.
 */
members?: Array<Member>, };

export type Stage = { 
/**
 * What the stage is called ("Awareness", "Evaluation"...).
 */
name: string, 
/**
 * What the personas want here.
 */
goals?: Array<string>, 
/**
 * What they ask.
 */
questions?: Array<string>, 
/**
 * Where they meet us.
 */
touchpoints?: Array<string>, 
/**
 * Through which channels.
 */
channels?: Array<string>, 
/**
 * The project's needs that matter at this stage.
 */
needs?: Array<NeedId>, 
/**
 * What hurts.
 */
pains?: Array<string>, 
/**
 * What we could do better.
 */
opportunities?: Array<string>, 
/**
 * How they feel, -2 to 2.
 */
emotion?: Emotion, };

export type Journey = { 
/**
 * Unique id.
 */
id: JourneyId, 
/**
 * Display name.
 */
name: string, 
/**
 * Free text.
 */
description?: string, 
/**
 * Free attributes.
 */
attributes?: { [key in string]: AttributeValue }, 
/**
 * The personas compared on it.
 */
personas?: Array<PersonaId>, 
/**
 * The stages, in order.
 */
stages?: Array<Stage>, };

export type Source = { 
/**
 * The file's name, without its folder.
 */
name: string, 
/**
 * The header's columns, in order.
 */
columns: Array<string>, 
/**
 * The SHA-256 of the file's bytes, in hex.
 */
sha256: string, };

export type PersonaMatch = { 
/**
 * The persona.
 */
persona: PersonaId, 
/**
 * Records whose rule is true for this persona.
 */
matched: number, 
/**
 * `matched` / records.
 */
share: number, 
/**
 * Matched by this persona and no other.
 */
only: number, 
/**
 * The figures in a sentence.
 */
why: string, };

export type Pair = { 
/**
 * The two personas, by id.
 */
personas: [PersonaId, PersonaId], 
/**
 * How many records both match.
 */
shared: number, };

export type MissingColumn = { 
/**
 * The column, as the first rule naming it writes it.
 */
column: string, 
/**
 * The personas whose rules need it.
 */
personas: Array<PersonaId>, };

export type Unreadable = { 
/**
 * The column, as the header writes it.
 */
column: string, 
/**
 * How many cells.
 */
cells: number, };

export type MissingRole = { 
/**
 * The role.
 */
role: BuyingRoleId, 
/**
 * Accounts where no record stands for it.
 */
accounts: number, };

export type Accounts = { 
/**
 * The column records are grouped by.
 */
column: string, 
/**
 * Accounts (distinct values of the column).
 */
total: number, 
/**
 * Accounts where every required role is stood for.
 */
complete: number, 
/**
 * For each required role, the accounts that lack it.
 */
missing_roles: Array<MissingRole>, };

export type MatchReport = { 
/**
 * Records read.
 */
records: number, 
/**
 * The table.
 */
source: Source, 
/**
 * Every persona with a rule, largest `matched` first, then by id.
 */
personas: Array<PersonaMatch>, 
/**
 * Records no persona matches.
 */
unmatched: number, 
/**
 * Records two or more personas match.
 */
ambiguous: number, 
/**
 * Personas that share records, largest first.
 */
pairs: Array<Pair>, 
/**
 * Columns the rules need and the table lacks, by column.
 */
missing_columns: Array<MissingColumn>, 
/**
 * Columns with cells no test could read, by column.
 */
unreadable: Array<Unreadable>, 
/**
 * The account view, with `--account`.
 */
accounts?: Accounts, };

export type CommonValue = { 
/**
 * The value, as the first record holding it writes it.
 */
value: string, 
/**
 * Unmatched records holding it (at least this many, and at most
 * [`ColumnValues::error`] more).
 */
records: number, 
/**
 * `records` / unmatched records.
 */
share: number, 
/**
 * The share of all records holding it, to set `share` against: a
 * value far more common among the unmatched records than among all
 * describes who the personas miss.
 */
overall: number, };

export type ColumnValues = { 
/**
 * The column, as the header writes it.
 */
column: string, 
/**
 * Its most common values, most common first.
 */
values: Array<CommonValue>, 
/**
 * How many records each count may be short by: 0 when counted
 * exactly, which it is unless the column holds thousands of distinct
 * values.
 */
error: number, };

export type TableMatch = { 
/**
 * The report (`rules-v1.md`).
 */
report: MatchReport, 
/**
 * The file's size in bytes.
 */
bytes: number, 
/**
 * The sheets of a workbook, in order (empty for CSV or TSV).
 */
sheets: Array<string>, 
/**
 * The sheet read, for a workbook.
 */
sheet: string | null, 
/**
 * The values most common among the records no persona matches, when
 * asked for.
 */
unmatched_values: Array<ColumnValues>, };

export type RuleCount = { 
/**
 * Records read.
 */
records: number, 
/**
 * Records the rule is true for.
 */
matched: number, 
/**
 * `matched` / records.
 */
share: number, 
/**
 * Columns the rule names that the table lacks (then nothing matches).
 */
missing_columns: Array<string>, 
/**
 * Columns with cells the rule could not read as its tests' kind.
 */
unreadable: Array<Unreadable>, };

export type RuleError = { 
/**
 * The line, from 1.
 */
line: number, 
/**
 * The column, in characters, from 1.
 */
column: number, 
/**
 * What is wrong.
 */
message: string, };

export type RuleCheck = { 
/**
 * Where the rule is wrong and what was expected; `None` when it
 * parses (an empty rule does: the persona takes no part).
 */
error: RuleError | null, 
/**
 * The columns the rule names, each once, in the order written.
 */
columns: Array<string>, };

export type MatchProgress = { 
/**
 * Bytes read.
 */
read: number, 
/**
 * Bytes in the file.
 */
total: number, };

export type TableFile = { 
/**
 * The file's name, without its folder.
 */
name: string, 
/**
 * Its size in bytes.
 */
bytes: number, 
/**
 * The demo's own made-up contacts.
 */
demo: boolean, };

export type DataStatus = { 
/**
 * The table chosen, if any.
 */
table: TableFile | null, 
/**
 * The open project is the demo, whose made-up contacts can be tried.
 */
demo: boolean, };

export type ImportFormat = "auto" | "persona_atlas" | "xlsx" | "csv" | "kumu";

export type ExportFormat = "json" | "xlsx" | "csv" | "graphml" | "gexf" | "kumu";

export type Unmapped = { 
/**
 * The element type, as Kumu writes it ("" for elements without one).
 */
type: string, 
/**
 * Elements of that type.
 */
elements: number, };

export type ImportPreview = { 
/**
 * The format the file was read as.
 */
format: ImportFormat, 
/**
 * The project's name.
 */
name: string, 
/**
 * What it holds.
 */
counts: Counts, 
/**
 * Positions on the map that come with it.
 */
positions: number, 
/**
 * Kumu element types that map onto none of our kinds.
 */
unmapped_types: Array<Unmapped>, 
/**
 * Kumu connections left out.
 */
unmapped_connections: number, 
/**
 * What was assumed on the way in.
 */
notes: Array<string>, };

export type TypeChoice = { 
/**
 * The type as Kumu writes it.
 */
type: string, 
/**
 * Our kind: persona, market_segment, customer_segment, buying_role,
 * need, product or competitor.
 */
target: string, };

export type ImportChoice = { 
/**
 * The file's name.
 */
file: string, 
/**
 * What it brings in.
 */
preview: ImportPreview, };

export type Renamed = { 
/**
 * What it is ("persona", "need"...).
 */
kind: string, 
/**
 * Its id in the second project.
 */
from: string, 
/**
 * Its id in the merged project.
 */
to: string, 
/**
 * Its name.
 */
name: string, };

export type Listed = { 
/**
 * What kind of finding.
 */
kind: string, 
/**
 * The ids it is about, the subject first.
 */
about: Array<string>, 
/**
 * Why, for a marketer.
 */
why: string, };

export type MergeReport = { 
/**
 * Entities of the second project added, by kind.
 */
added: { [key in string]: bigint }, 
/**
 * Entities both projects hold unchanged, kept once.
 */
identical: number, 
/**
 * Ids of the second project that named something else in the first,
 * renamed with every reference to them.
 */
renamed: Array<Renamed>, 
/**
 * The golden and overlap findings about a persona of each project:
 * the same person written by both teams.
 */
golden_candidates: Array<Listed>, 
/**
 * The first project's thresholds are kept; said when the second's
 * differ.
 */
thresholds_differ: boolean, };

export type MergeChoice = { 
/**
 * The other project's file name.
 */
file: string, 
/**
 * What merging it would do.
 */
report: MergeReport, };

export type FieldChange = { 
/**
 * The field, as the interchange format names it.
 */
field: string, 
/**
 * Its value in the first project (null when absent).
 */
before: unknown, 
/**
 * Its value in the second.
 */
after: unknown, };

export type Named = { 
/**
 * What it is ("persona", "relationship"...).
 */
kind: string, 
/**
 * Its id (for a relationship, `from → to (kind)`).
 */
id: string, 
/**
 * Its name.
 */
name: string, };

export type ChangedEntity = { 
/**
 * Which.
 */
entity: Named, 
/**
 * What changed, field by field.
 */
fields: Array<FieldChange>, };

export type Diff = { 
/**
 * In the second and not the first.
 */
added: Array<Named>, 
/**
 * In the first and not the second.
 */
removed: Array<Named>, 
/**
 * In both, different.
 */
changed: Array<ChangedEntity>, 
/**
 * The project's own fields and thresholds that changed.
 */
project: Array<FieldChange>, 
/**
 * Findings of the second that the first did not have.
 */
findings_appeared: Array<Listed>, 
/**
 * Findings of the first that the second no longer has.
 */
findings_gone: Array<Listed>, };

export type Comparison = { 
/**
 * The other project's file name.
 */
file: string, 
/**
 * What changed from it to the open project.
 */
diff: Diff, };

/** The entity of each kind, as the interchange format writes it. */
export type EntityOf = { "market_segment": MarketSegment, "customer_segment": CustomerSegment, "buying_role": BuyingRole, "need": Need, "product": Product, "competitor": Competitor, "persona": Persona, "buying_unit": BuyingUnit, "journey": Journey };
