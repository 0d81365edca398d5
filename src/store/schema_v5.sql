-- Schema version 5: the whole persona profile (the teams that use it, its
-- scenarios and portrait), what a piece of evidence says (a note, and the
-- counts of a match of customer records: never a record itself), customer
-- journeys, and the stale_after_days threshold.
ALTER TABLE persona ADD COLUMN used_by TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(used_by));
ALTER TABLE persona ADD COLUMN scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios));
ALTER TABLE persona ADD COLUMN portrait TEXT CHECK (length(portrait) <= 524288);

ALTER TABLE evidence ADD COLUMN note TEXT;
ALTER TABLE evidence ADD COLUMN records INTEGER CHECK (records >= 0);
ALTER TABLE evidence ADD COLUMN share REAL CHECK (share BETWEEN 0 AND 1);

-- A journey is not a node of the map, so it has no row in `node`; ids are
-- unique across a project all the same, which the two triggers keep.
CREATE TABLE journey (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    -- The stages in order, as the interchange format writes them; their
    -- needs are checked against the project when it is read.
    stages      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(stages))
) STRICT;

CREATE TABLE journey_persona (
    journey  TEXT NOT NULL REFERENCES journey (id) ON DELETE CASCADE,
    persona  TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (journey, persona)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_persona_by_persona ON journey_persona (persona);

CREATE TRIGGER journey_id_is_free BEFORE INSERT ON journey
WHEN EXISTS (SELECT 1 FROM node WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the id of a journey is already the id of another entity');
END;

CREATE TRIGGER node_id_is_not_a_journey BEFORE INSERT ON node
WHEN EXISTS (SELECT 1 FROM journey WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the id is already the id of a journey');
END;

-- The thresholds gain one that counts days, so the table's checks change.
CREATE TABLE threshold_v5 (
    name  TEXT PRIMARY KEY CHECK (name IN ('underserved_below', 'important_need', 'met_at',
                                           'overlap_at', 'stale_after_days')),
    value REAL NOT NULL CHECK (CASE name
        WHEN 'stale_after_days' THEN value BETWEEN 1 AND 36525 AND value = round(value)
        ELSE value BETWEEN 0 AND 1 END)
) STRICT, WITHOUT ROWID;
INSERT INTO threshold_v5 (name, value) SELECT name, value FROM threshold;
DROP TABLE threshold;
ALTER TABLE threshold_v5 RENAME TO threshold;
