// The anchor of the HindsightMigrations module. The `.sql` files beside it are the schema
// migrations, applied in name order; the EmbedFilesPlugin compiles them into this module as
// `EmbeddedFiles.all`, so that a binary carries its schema wherever it is copied.
//
// A migration on main is never edited: a schema change is a new `NNNN_what.sql` file.
