-- English word forms in search: the full-text index is made again with FTS5's porter tokenizer
-- around the one it had, so that a word and the query are both reduced to their Porter stem
-- (`checks`, `checked`, `checking` and `check` are all `check`) after case and diacritics are
-- folded as before. A tokenizer cannot be changed on an existing FTS5 table, so the table is
-- dropped and filled again from the rows it indexes.
--
-- The insert, update and delete triggers of 0001_initial.sql name `search_index` in their
-- bodies and are not tied to it: they stay, and write to the new table from here on.

DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, incident_pk UNINDEXED, kind UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The same rows the triggers write: rowid = pk * 4 + kind (0 incident, 1 factor, 2 action,
-- 3 timeline event). One statement per kind, in pk order, so that FTS5 sees rising rowids and
-- keeps each kind's terms in memory rather than writing a segment per record.
INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    SELECT pk * 4, title, summary, pk, 'incident' FROM incident ORDER BY pk;
INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    SELECT pk * 4 + 1, title, description, incident_pk, 'factor' FROM factor ORDER BY pk;
INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    SELECT pk * 4 + 2, title, NULL, incident_pk, 'action' FROM action ORDER BY pk;
INSERT INTO search_index(rowid, title, body, incident_pk, kind)
    SELECT pk * 4 + 3, NULL, text, incident_pk, 'timeline' FROM timeline_event ORDER BY pk;
