//! The commands the web view may call. Each takes the state, calls the core
//! and returns; the capabilities in `capabilities/` list them.

pub mod data;
pub mod edit;
pub mod insights;
pub mod project;
pub mod transfer;
