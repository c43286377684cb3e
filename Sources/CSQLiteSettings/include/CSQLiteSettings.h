#ifndef HINDSIGHT_CSQLITESETTINGS_H
#define HINDSIGHT_CSQLITESETTINGS_H

/// Turns off SQLite's memory statistics, which take a process-wide mutex at every allocation and
/// release. Takes effect only before SQLite is first initialised (before the first connection
/// opens); returns SQLite's result code (SQLITE_MISUSE when it is too late, which changes nothing).
int hindsight_sqlite_disable_memory_statistics(void);

#endif
