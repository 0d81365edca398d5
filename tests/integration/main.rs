//! Integration tests of the core and the command-line tool.

mod cli;
mod interchange;
mod roundtrip;
mod store;
mod support;
