-- Schema version 2: the thresholds the analyses judge by. A row exists only
-- for a threshold the project changed from its default.
CREATE TABLE threshold (
    name  TEXT PRIMARY KEY CHECK (name IN ('underserved_below', 'important_need', 'met_at',
                                           'overlap_at')),
    value REAL NOT NULL CHECK (value BETWEEN 0 AND 1)
) STRICT, WITHOUT ROWID;
