/// The values a shell may offer for an option or argument, read from a knowledge base: the ids
/// of its services, incidents, actions and factors, its teams, cause paths, tags and owners.
///
/// Completion runs at every press of Tab, so reading promises more than a command's reading does:
/// the file is never created, migrated, locked or written, and no side file is made or left
/// (see ``ImmutableFileReader``). A file that is missing, unreadable, damaged, not a knowledge
/// base, from a newer hindsight, or open in another process (a -wal or -journal beside it) gives
/// no candidates rather than an error: a suggestion that cannot be made is simply not made.
public enum CompletionCandidates {
    /// What to list.
    public enum Kind: Sendable, Equatable {
        /// Service ids.
        case services
        /// Incident ids.
        case incidents
        /// Actions, as `INCIDENT-ID/ACTION-ID`, the way the `action` commands take them.
        case actions
        /// The teams services have.
        case teams
        /// The cause paths of factors, and every path above them (`cache` for `cache/key`).
        case causes
        /// The tags of incidents.
        case tags
        /// The owners of actions; an owner an older version stored as empty text is none.
        case owners
        /// The factor ids of the incident with id `incident`, or of every incident when nil.
        case factors(incident: String?)
    }

    /// The `kind` of values in the knowledge base at `path`, sorted, without repeats; empty when
    /// the file cannot be read as said above.
    public static func read(_ kind: Kind, from path: String) -> [String] {
        guard ImmutableFileReader.isAlone(path), let reader = ImmutableFileReader(path: path) else { return [] }
        guard let tables = reader.strings("SELECT name FROM sqlite_master WHERE type = 'table'") else { return [] }
        let applied = tables.contains("grdb_migrations") ? reader.strings("SELECT identifier FROM grdb_migrations") ?? [] : []
        switch SchemaInspector.classify(tables: tables, applied: applied) {
        case .current, .older: break
        case .empty, .foreign, .newer: return []
        }
        guard let values = reader.strings(sql(kind), arguments(kind)) else { return [] }
        return kind == .causes ? withParents(values) : values
    }

    private static func sql(_ kind: Kind) -> String {
        switch kind {
        case .services: return "SELECT id FROM service ORDER BY id"
        case .incidents: return "SELECT id FROM incident ORDER BY id"
        case .actions:
            return "SELECT incident.id || '/' || action.id FROM action JOIN incident ON incident.pk = action.incident_pk ORDER BY 1"
        case .teams: return "SELECT DISTINCT team FROM service WHERE team <> '' ORDER BY team"
        case .causes: return "SELECT DISTINCT cause FROM factor ORDER BY cause"
        case .tags: return "SELECT DISTINCT tag FROM incident_tag ORDER BY tag"
        case .owners: return "SELECT DISTINCT owner FROM action WHERE owner IS NOT NULL AND owner <> '' ORDER BY owner"
        case .factors(incident: nil): return "SELECT DISTINCT id FROM factor ORDER BY id"
        case .factors:
            return "SELECT factor.id FROM factor JOIN incident ON incident.pk = factor.incident_pk WHERE incident.id = ? ORDER BY 1"
        }
    }

    /// The values bound to the `?` of ``sql(_:)``: the incident's id is a value, never SQL text.
    private static func arguments(_ kind: Kind) -> [String] {
        if case .factors(incident: let incident?) = kind { return [incident] }
        return []
    }

    /// `causes` with every path above each of them, since `--cause` takes any of them.
    private static func withParents(_ causes: [String]) -> [String] {
        var paths = Set<String>()
        for cause in causes {
            var path = Substring(cause)
            while true {
                paths.insert(String(path))
                guard let slash = path.lastIndex(of: "/") else { break }
                path = path[..<slash]
            }
        }
        return paths.sorted()
    }
}
