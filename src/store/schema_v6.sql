-- Schema version 6: saved views of the map (a named filter, the layers
-- shown and the camera), in the order they are presented. A view is kept as
-- the interchange format writes it; its references are checked against the
-- project when it is read, and an edit that deletes what a view names
-- rewrites the view in the same transaction.
CREATE TABLE saved_view (
    position INTEGER PRIMARY KEY CHECK (position >= 0),
    name     TEXT NOT NULL UNIQUE CHECK (trim(name) <> '' AND length(name) <= 120),
    body     TEXT NOT NULL CHECK (json_valid(body) AND length(body) <= 65536)
) STRICT;
