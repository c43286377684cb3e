import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight causes`: the cause taxonomy with incident counts, downtime and latent ages.
struct CausesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "causes",
        abstract: "The cause taxonomy as a tree: incidents, downtime and how long defects lay latent under each cause.",
        discussion: """
            Each node counts everything filed at its path or below it: the incidents (each once), \
            the downtime attributed to those causes as the report attributes it (an incident's \
            downtime split equally among its cause paths), and the median and longest time its \
            defects lay unnoticed (introduced_at to the incident's start). --since and --until are \
            UTC days (--quarter, --month or --year name them at once); an incident belongs to the \
            period when it started in it or had an impact in it, and only downtime inside the \
            period counts, so the figures agree with 'hindsight report --from SINCE --to UNTIL'. \
            --cause shows that node's subtree; repeated, each node's, in the tree's order, a node \
            under another given one shown only inside that one's subtree.

            Examples:
              hindsight causes
              hindsight causes --since 2019-01-01 --until 2019-12-31 \\
                --service catalogue-api
              hindsight causes --cause cache --format json
              hindsight causes --cause cache --cause deploy
              hindsight causes --quarter 2019Q4
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: IncidentScopeOptions

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["cause", "incidents", "downtime_seconds", "latent_defects", "latent_median_days", "latent_max_days"]

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        try scope.checkServicesExist(in: knowledgeBase)
        var filter = IncidentFilter()
        try scope.apply(to: &filter)
        let roots = try knowledgeBase.causeTaxonomy(filter: filter, asOf: Clock.now)
        if roots.isEmpty && output.format == .table {
            Output.writeError("No incidents match.\n")
            return
        }
        let nodes = roots.flatMap { $0.flattened() }
        let listing = Listing(
            columns: [.init("CAUSE"), .init("INCIDENTS", alignRight: true),
                      .init("DOWNTIME", alignRight: true), .init("LATENT DEFECTS", alignRight: true),
                      .init("LATENT MEDIAN", alignRight: true), .init("LATENT MAX", alignRight: true)],
            rows: nodes.map { depth, node in
                // A node shown at the top is named by its whole path: `--cause cache/key` shows
                // `cache/key`, not a `key` that could lie under any cause.
                [output.format == .table && depth > 0 ? String(repeating: "  ", count: depth) + node.segment : node.path,
                 String(node.incidentCount), DurationText.short(seconds: node.downtimeSeconds),
                 String(node.latentDays.count),
                 node.latentDays.median.map(LatentAge.approximateText(days:)) ?? "–",
                 node.latentDays.maximum.map(LatentAge.approximateText(days:)) ?? "–"]
            })
        // CSV has one row per node, parents before their children, with the JSON's fields but `children`.
        try ListingPrinter.print(listing, json: .sequence(roots.map { json($0) }),
                                 csv: { .sequence(nodes.map { json($0.node, withChildren: false) }) }, csvFields: Self.csvFields, format: output.format)
    }

    /// A node with `cause`, `incidents`, `downtime_seconds`, `latent_defects`,
    /// `latent_median_days`, `latent_max_days` and (unless left out) `children`.
    private func json(_ node: CauseNode, withChildren: Bool = true) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("cause", text: node.path)
        builder.add("incidents", .integer(Int64(node.incidentCount)))
        builder.add("downtime_seconds", .number(node.downtimeSeconds))
        builder.add("latent_defects", .integer(Int64(node.latentDays.count)))
        builder.add("latent_median_days", node.latentDays.median.map(StructuredValue.number) ?? .null)
        builder.add("latent_max_days", node.latentDays.maximum.map(StructuredValue.number) ?? .null)
        if withChildren { builder.add("children", .sequence(node.children.map { json($0) })) }
        return builder.value
    }
}
