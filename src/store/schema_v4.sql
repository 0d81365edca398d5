-- Schema version 4: the checksum of the project's content (src/checksum.rs),
-- kept up to date by every write in the same transaction, so that a byte
-- changed inside a text on disk or by another tool is found when the file is
-- opened. A file from before this version has no row until its first edit.
CREATE TABLE checksum (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    sum       INTEGER NOT NULL
) STRICT;
