//! Integration tests of the core and the command-line tool.

mod analysis;
mod api;
mod cli;
mod compare;
mod fuzz;
mod hostile;
mod interchange;
mod kumu;
mod network;
mod print;
mod roundtrip;
mod rules;
mod session;
mod sheets;
mod store;
mod support;
mod views;
