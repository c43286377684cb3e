/// What an import did, per kind of record.
public struct ImportSummary: Equatable, Sendable {
    /// Counts for one kind of record.
    public struct Counts: Equatable, Sendable {
        /// Records that were not stored before.
        public var added = 0
        /// Stored records overwritten under `--replace`.
        public var replaced = 0
        /// Records identical to the stored ones, left as they were.
        public var unchanged = 0

        /// Zero counts.
        public init() {}

        /// How many records of this kind the input held.
        public var total: Int { added + replaced + unchanged }
    }

    /// Services.
    public var services = Counts()
    /// SLAs.
    public var slas = Counts()
    /// Maintenance windows.
    public var maintenance = Counts()
    /// Incidents.
    public var incidents = Counts()

    /// Zero counts.
    public init() {}

    /// Whether the import changed nothing.
    public var changedNothing: Bool {
        [services, slas, maintenance, incidents].allSatisfy { $0.added == 0 && $0.replaced == 0 }
    }
}
