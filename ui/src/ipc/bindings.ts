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
buying_units: number, };

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
products: Array<ProductTie>, };

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
groups: Array<SegmentGroup>, };

export type AppStatus = { 
/**
 * The open project at a glance; `None` when no project is open.
 */
project: Overview | null, 
/**
 * Something the user must be told, e.g. why a file did not open.
 */
notice: string | null, };

export type IpcError = { 
/**
 * A stable name for errors the UI treats specially.
 */
code: string | null, 
/**
 * What went wrong, for the user.
 */
message: string, };
