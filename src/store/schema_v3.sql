-- Schema version 3: where the user placed each node on the map. A row names
-- a node by id but does not reference `node`: the map keeps its layout while
-- an edit rewrites the entities, and rows of ids that are gone are pruned in
-- the same transaction.
CREATE TABLE position (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    x  REAL NOT NULL CHECK (abs(x) <= 1e7),
    y  REAL NOT NULL CHECK (abs(y) <= 1e7)
) STRICT, WITHOUT ROWID;
