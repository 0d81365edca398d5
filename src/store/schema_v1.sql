-- Persona Atlas project file, schema version 1.
-- Every entity's id is registered in `node`, which keeps ids unique across
-- the whole project as the interchange format requires; deleting a node
-- deletes the entity and, through the foreign keys, every link to it.

CREATE TABLE project (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT
) STRICT;

CREATE TABLE node (
    id   TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('market_segment', 'customer_segment', 'buying_role',
                                       'need', 'product', 'competitor', 'persona', 'buying_unit'))
) STRICT, WITHOUT ROWID;

CREATE TABLE market_segment (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    size        REAL CHECK (size >= 0),
    priority    INTEGER CHECK (priority BETWEEN 1 AND 5)
) STRICT;

CREATE TABLE customer_segment (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    priority    INTEGER CHECK (priority BETWEEN 1 AND 5)
) STRICT;

CREATE TABLE buying_role (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    decides     INTEGER NOT NULL DEFAULT 0 CHECK (decides IN (0, 1))
) STRICT;

CREATE TABLE need (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
) STRICT;

CREATE TABLE product (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
) STRICT;

CREATE TABLE product_need (
    product  TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    need     TEXT NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    score    REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    position INTEGER NOT NULL,
    PRIMARY KEY (product, need)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_need_by_need ON product_need (need);

CREATE TABLE competitor (
    id          TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    description TEXT,
    attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
) STRICT;

CREATE TABLE competitor_need (
    competitor TEXT NOT NULL REFERENCES competitor (id) ON DELETE CASCADE,
    need       TEXT NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    score      REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    position   INTEGER NOT NULL,
    PRIMARY KEY (competitor, need)
) STRICT, WITHOUT ROWID;
CREATE INDEX competitor_need_by_need ON competitor_need (need);

CREATE TABLE persona (
    id               TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name             TEXT NOT NULL CHECK (trim(name) <> ''),
    description      TEXT,
    attributes       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    title            TEXT,
    quote            TEXT,
    goals            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals)),
    pain_points      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pain_points)),
    channels         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channels)),
    market_segment   TEXT REFERENCES market_segment (id) ON DELETE SET NULL,
    customer_segment TEXT REFERENCES customer_segment (id) ON DELETE SET NULL,
    buying_role      TEXT REFERENCES buying_role (id) ON DELETE SET NULL,
    priority         INTEGER CHECK (priority BETWEEN 1 AND 5),
    status           TEXT CHECK (status IN ('proto', 'validated', 'detailed')),
    last_reviewed    TEXT CHECK (last_reviewed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    rules            TEXT
) STRICT;
CREATE INDEX persona_by_market_segment ON persona (market_segment);
CREATE INDEX persona_by_customer_segment ON persona (customer_segment);
CREATE INDEX persona_by_buying_role ON persona (buying_role);

CREATE TABLE persona_need (
    persona    TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    need       TEXT NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    importance REAL NOT NULL CHECK (importance BETWEEN 0 AND 1),
    position   INTEGER NOT NULL,
    PRIMARY KEY (persona, need)
) STRICT, WITHOUT ROWID;
CREATE INDEX persona_need_by_need ON persona_need (need);

CREATE TABLE persona_product (
    persona  TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    product  TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('owned_by', 'targets', 'uses', 'evaluates')),
    position INTEGER NOT NULL,
    PRIMARY KEY (persona, product, relation)
) STRICT, WITHOUT ROWID;
CREATE INDEX persona_product_by_product ON persona_product (product);

CREATE TABLE evidence (
    persona  TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('interview', 'survey', 'crm', 'analytics',
                                           'workshop', 'assumption')),
    source   TEXT,
    date     TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (persona, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE relationship (
    from_persona TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    to_persona   TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('influences', 'approves', 'reports_to',
                                               'recommends', 'blocks', 'collaborates')),
    weight       REAL NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1),
    description  TEXT,
    attributes   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    PRIMARY KEY (from_persona, to_persona, kind),
    CHECK (from_persona <> to_persona)
) STRICT, WITHOUT ROWID;
CREATE INDEX relationship_by_to ON relationship (to_persona);

CREATE TABLE buying_unit (
    id             TEXT PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (trim(name) <> ''),
    description    TEXT,
    attributes     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    product        TEXT REFERENCES product (id) ON DELETE SET NULL,
    market_segment TEXT REFERENCES market_segment (id) ON DELETE SET NULL
) STRICT;

CREATE TABLE buying_unit_member (
    unit     TEXT NOT NULL REFERENCES buying_unit (id) ON DELETE CASCADE,
    persona  TEXT NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    role     TEXT REFERENCES buying_role (id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (unit, persona)
) STRICT, WITHOUT ROWID;
CREATE INDEX buying_unit_member_by_persona ON buying_unit_member (persona);
