#include <sqlite3.h>
#include "CSQLiteSettings.h"

// In C because sqlite3_config is variadic, which Swift cannot call.
int hindsight_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
