-- Hindsight schema, version 1.
-- Instants are INTEGER milliseconds since 1970-01-01T00:00:00Z (UTC); dates are TEXT YYYY-MM-DD.
-- The CHECK constraints mirror the interchange format's rules, so that no writer, not even a
-- hand-written SQL statement, can store what an import would refuse.

CREATE TABLE service (
    id          TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 128 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9._-]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    team        TEXT,
    tier        INTEGER CHECK (tier >= 1),
    description TEXT
) STRICT;

CREATE TABLE sla (
    pk                       INTEGER PRIMARY KEY,
    service_id               TEXT NOT NULL REFERENCES service(id),
    objective_percent        REAL CHECK (objective_percent > 0 AND objective_percent < 100),
    allowed_downtime_seconds INTEGER CHECK (allowed_downtime_seconds > 0),
    window_kind              TEXT NOT NULL CHECK (window_kind IN ('year', 'quarter', 'month', 'week')),
    timezone                 TEXT NOT NULL CHECK (timezone <> ''),
    effective_from           TEXT CHECK (effective_from IS date(effective_from)),
    effective_until          TEXT CHECK (effective_until IS date(effective_until)),
    partial                  TEXT NOT NULL DEFAULT 'weighted' CHECK (partial IN ('weighted', 'full')),
    CHECK ((objective_percent IS NULL) <> (allowed_downtime_seconds IS NULL)),
    CHECK (effective_from IS NULL OR effective_until IS NULL OR effective_from <= effective_until)
) STRICT;
-- An SLA is identified by its service and the day it takes effect ('' for "always").
CREATE UNIQUE INDEX sla_by_service_and_start ON sla(service_id, coalesce(effective_from, ''));

CREATE TABLE sla_credit_tier (
    sla_pk         INTEGER NOT NULL REFERENCES sla(pk) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    below_percent  REAL NOT NULL CHECK (below_percent > 0 AND below_percent <= 100),
    credit_percent REAL NOT NULL CHECK (credit_percent > 0 AND credit_percent <= 100),
    PRIMARY KEY (sla_pk, position)
) STRICT;

CREATE TABLE maintenance (
    pk         INTEGER PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service(id),
    start_at   INTEGER NOT NULL,
    end_at     INTEGER NOT NULL,
    note       TEXT,
    CHECK (end_at > start_at),
    UNIQUE (service_id, start_at, end_at)
) STRICT;

CREATE TABLE incident (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE
                 CHECK (length(id) BETWEEN 1 AND 128 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9._-]*'),
    title        TEXT NOT NULL CHECK (title <> ''),
    severity     TEXT CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5')),
    near_miss    INTEGER NOT NULL DEFAULT 0 CHECK (near_miss IN (0, 1)),
    detection    TEXT CHECK (detection IN ('monitoring', 'customer', 'staff', 'third-party', 'unknown')),
    started_at   INTEGER NOT NULL,
    detected_at  INTEGER CHECK (detected_at >= started_at),
    mitigated_at INTEGER CHECK (mitigated_at >= started_at),
    resolved_at  INTEGER CHECK (resolved_at >= started_at AND (mitigated_at IS NULL OR resolved_at >= mitigated_at)),
    summary      TEXT,
    source       TEXT
) STRICT;
CREATE INDEX incident_by_start ON incident(started_at);

CREATE TABLE incident_tag (
    incident_pk INTEGER NOT NULL REFERENCES incident(pk) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    tag         TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (incident_pk, position),
    UNIQUE (incident_pk, tag)
) STRICT;
CREATE INDEX incident_tag_by_tag ON incident_tag(tag);

CREATE TABLE impact (
    pk          INTEGER PRIMARY KEY,
    incident_pk INTEGER NOT NULL REFERENCES incident(pk) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    service_id  TEXT NOT NULL REFERENCES service(id),
    start_at    INTEGER NOT NULL,
    end_at      INTEGER CHECK (end_at > start_at),  -- NULL while the impact is ongoing
    fraction    REAL NOT NULL DEFAULT 1 CHECK (fraction > 0 AND fraction <= 1),
    note        TEXT,
    UNIQUE (incident_pk, position)
) STRICT;
-- Time-range queries per service: impacts that start before a period ends ...
CREATE INDEX impact_by_service_start ON impact(service_id, start_at, end_at, fraction);
-- ... and that end after it starts.
CREATE INDEX impact_by_service_end ON impact(service_id, end_at);

CREATE TABLE factor (
    pk                   INTEGER PRIMARY KEY,
    incident_pk          INTEGER NOT NULL REFERENCES incident(pk) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    id                   TEXT NOT NULL
                         CHECK (length(id) BETWEEN 1 AND 128 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9._-]*'),
    title                TEXT NOT NULL CHECK (title <> ''),
    cause                TEXT NOT NULL CHECK (cause <> '' AND cause NOT GLOB '*[^a-z0-9._/-]*'
                                              AND cause NOT GLOB '/*' AND cause NOT GLOB '*/' AND cause NOT GLOB '*//*'),
    role                 TEXT NOT NULL DEFAULT 'contributing'
                         CHECK (role IN ('trigger', 'latent', 'amplifier', 'detection-gap', 'recovery-impediment', 'contributing')),
    introduced_at        TEXT,
    introduced_precision TEXT CHECK (introduced_precision IN ('year', 'month', 'day', 'instant')),
    description          TEXT,
    CHECK ((introduced_at IS NULL) = (introduced_precision IS NULL)),
    UNIQUE (incident_pk, id),
    UNIQUE (incident_pk, position)
) STRICT;
CREATE INDEX factor_by_cause ON factor(cause);

CREATE TABLE action (
    pk            INTEGER PRIMARY KEY,
    incident_pk   INTEGER NOT NULL REFERENCES incident(pk) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    id            TEXT NOT NULL
                  CHECK (length(id) BETWEEN 1 AND 128 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9._-]*'),
    title         TEXT NOT NULL CHECK (title <> ''),
    kind          TEXT NOT NULL CHECK (kind IN ('prevent', 'mitigate', 'detect', 'process', 'investigate')),
    owner         TEXT,
    priority      TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    due           TEXT CHECK (due IS date(due)),                     -- as written; NULL when derived
    effective_due TEXT CHECK (effective_due IS date(effective_due)), -- written or derived (see interchange.md)
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'wont-do')),
    completed_at  INTEGER,
    ticket        TEXT,
    CHECK (completed_at IS NULL OR status IN ('done', 'wont-do')),
    CHECK (due IS NULL OR effective_due = due),
    UNIQUE (incident_pk, id),
    UNIQUE (incident_pk, position)
) STRICT;
CREATE INDEX action_by_status_due ON action(status, effective_due);
CREATE INDEX action_by_owner ON action(owner);

CREATE TABLE action_factor (
    action_pk INTEGER NOT NULL REFERENCES action(pk) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    factor_pk INTEGER NOT NULL REFERENCES factor(pk) ON DELETE CASCADE,
    PRIMARY KEY (action_pk, position),
    UNIQUE (action_pk, factor_pk)
) STRICT;
CREATE INDEX action_factor_by_factor ON action_factor(factor_pk);

-- Every change of an action, kept by the action's global id so that it outlives a --replace
-- import that rewrites the action's row. Append-only: the triggers below refuse updates and deletes.
CREATE TABLE action_history (
    seq         INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    action_id   TEXT NOT NULL,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    note        TEXT
) STRICT;
CREATE INDEX action_history_by_action ON action_history(incident_id, action_id, seq);
CREATE TRIGGER action_history_no_update BEFORE UPDATE ON action_history
BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;
CREATE TRIGGER action_history_no_delete BEFORE DELETE ON action_history
BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;

CREATE TABLE timeline_event (
    pk          INTEGER PRIMARY KEY,
    incident_pk INTEGER NOT NULL REFERENCES incident(pk) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (text <> ''),
    UNIQUE (incident_pk, position)
) STRICT;

-- Full-text search over the prose. One row per source row; its rowid is the source's pk times 4
-- plus the kind (0 incident, 1 factor, 2 action, 3 timeline event), so that the triggers find it
-- by rowid. `title` holds titles (ranked higher), `body` summaries, descriptions and timeline text.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, incident_pk UNINDEXED, kind UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER incident_search_insert AFTER INSERT ON incident BEGIN
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4, new.title, new.summary, new.pk, 'incident');
END;
CREATE TRIGGER incident_search_delete AFTER DELETE ON incident BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4;
END;
CREATE TRIGGER incident_search_update AFTER UPDATE OF title, summary ON incident BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4;
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4, new.title, new.summary, new.pk, 'incident');
END;

CREATE TRIGGER factor_search_insert AFTER INSERT ON factor BEGIN
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 1, new.title, new.description, new.incident_pk, 'factor');
END;
CREATE TRIGGER factor_search_delete AFTER DELETE ON factor BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 1;
END;
CREATE TRIGGER factor_search_update AFTER UPDATE OF title, description ON factor BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 1;
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 1, new.title, new.description, new.incident_pk, 'factor');
END;

CREATE TRIGGER action_search_insert AFTER INSERT ON action BEGIN
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 2, new.title, NULL, new.incident_pk, 'action');
END;
CREATE TRIGGER action_search_delete AFTER DELETE ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 2;
END;
CREATE TRIGGER action_search_update AFTER UPDATE OF title ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 2;
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 2, new.title, NULL, new.incident_pk, 'action');
END;

CREATE TRIGGER timeline_search_insert AFTER INSERT ON timeline_event BEGIN
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 3, NULL, new.text, new.incident_pk, 'timeline');
END;
CREATE TRIGGER timeline_search_delete AFTER DELETE ON timeline_event BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 3;
END;
CREATE TRIGGER timeline_search_update AFTER UPDATE OF text ON timeline_event BEGIN
    DELETE FROM search_index WHERE rowid = old.pk * 4 + 3;
    INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    VALUES (new.pk * 4 + 3, NULL, new.text, new.incident_pk, 'timeline');
END;
