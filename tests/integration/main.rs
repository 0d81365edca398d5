//! Integration tests of the core and the command-line tool.
