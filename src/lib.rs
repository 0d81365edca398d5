//! Persona Atlas maps a company's B2B persona ecosystem as a graph: market
//! segments, buying roles, customer segments and the product personas tied to
//! them, with the products that meet their needs.
//!
//! This crate is the core: the domain [`model`], the project file
//! ([`store`]), the [`interchange`] format, and the use cases in [`api`] that
//! the desktop app and the command-line tool both call.

pub mod analysis;
pub mod api;
mod atomic;
pub mod change;
pub mod checksum;
pub mod compare;
pub mod delta;
pub mod demo;
pub mod edit;
mod error;
pub mod generate;
pub mod graph;
pub mod image;
mod input;
pub mod interchange;
pub mod journey_view;
pub mod kumu;
pub mod map_view;
pub mod matrix;
pub mod model;
pub mod network;
pub mod overview;
pub mod print;
pub mod profile;
pub mod recent;
pub mod rules;
pub mod session;
pub mod sheets;
pub mod starter;
pub mod store;

pub use error::{Error, Problem, Problems, Result};
