/// One kind of record that the full-text index holds, and how its index row is made from it.
///
/// The migrations' insert triggers (`0001_initial.sql`) write the same rows one at a time, and
/// `0004_search_stemming.sql`, which made the index again, filled it with them in bulk; the
/// importer (``SearchIndexDeferral``) and `doctor` (``SearchIndexConsistency``) write and compare
/// them in bulk from these definitions.
struct SearchIndexSource {
    /// The table the record is stored in.
    let table: String
    /// The index row's columns (rowid, title, body, incident_pk, kind) as expressions over `table`.
    let columns: String
    /// The column of `table` that holds the record's incident.
    let incidentColumn: String

    /// Every kind, in the order of its rowid offset: the rowid is the record's pk times 4 plus
    /// the kind (0 incident, 1 factor, 2 action, 3 timeline event).
    static let all = [
        SearchIndexSource(table: "incident", columns: "pk * 4, title, summary, pk, 'incident'", incidentColumn: "pk"),
        SearchIndexSource(table: "factor", columns: "pk * 4 + 1, title, description, incident_pk, 'factor'",
                          incidentColumn: "incident_pk"),
        SearchIndexSource(table: "action", columns: "pk * 4 + 2, title, NULL, incident_pk, 'action'",
                          incidentColumn: "incident_pk"),
        SearchIndexSource(table: "timeline_event", columns: "pk * 4 + 3, NULL, text, incident_pk, 'timeline'",
                          incidentColumn: "incident_pk"),
    ]

    /// The index's column list, in the order of ``columns``.
    static let indexColumns = "rowid, title, body, incident_pk, kind"

    /// The index rows of the records of this kind that satisfy `condition`, in rowid order.
    func rows(where condition: String) -> String {
        "SELECT \(columns) FROM \(table) WHERE \(condition) ORDER BY pk"
    }
}
