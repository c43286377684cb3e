import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight services`: the services, their SLAs and how often incidents hit them.
struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "List services with their SLAs and incident counts.",
        discussion: """
            Example:
              hindsight services --format markdown
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["id", "name", "team", "tier", "description", "incident_count", "slas"]

    /// An SLA as the interchange format writes it, but for a fixed allowance, which JSON output
    /// gives as a number of seconds like every duration: `allowed_downtime_seconds: 900` in place
    /// of `allowed_downtime: 900s`.
    static func slaRecord(_ sla: ServiceLevelAgreement) -> StructuredValue {
        guard case .mapping(let entries) = InterchangeEncoder.encode(sla), case .fixed(let span) = sla.allowance else {
            return InterchangeEncoder.encode(sla)
        }
        return .mapping(entries.map { entry in
            entry.key == "allowed_downtime" ? .init("allowed_downtime_seconds", .integer(span.seconds)) : entry
        })
    }

    func run() throws {
        let overviews = try database.open(.readOnly).serviceOverviews()
        let listing = Listing(
            columns: [.init("SERVICE"), .init("NAME", maxWidth: 30), .init("TEAM"), .init("TIER", alignRight: true),
                      .init("INCIDENTS", alignRight: true), .init("SLA")],
            rows: overviews.map { overview in
                [overview.service.id, overview.service.name, overview.service.team ?? "", overview.service.tier.map(String.init) ?? "",
                 String(overview.incidentCount), overview.slas.map(SLAText.describe).joined(separator: "; ")]
            })
        let json = StructuredValue.sequence(overviews.map { overview in
            var builder = MappingBuilder()
            builder.add("id", text: overview.service.id)
            builder.add("name", text: overview.service.name)
            builder.add("team", overview.service.team.map(StructuredValue.text) ?? .null)
            builder.add("tier", overview.service.tier.map { .integer(Int64($0)) } ?? .null)
            builder.add("description", overview.service.description.map(StructuredValue.text) ?? .null)
            builder.add("incident_count", .integer(Int64(overview.incidentCount)))
            builder.add("slas", .sequence(overview.slas.map(Self.slaRecord)))
            return builder.value
        })
        if overviews.isEmpty && output.format == .table {
            Output.writeError("No services yet; 'hindsight import' adds them with their incidents.\n")
            return
        }
        try ListingPrinter.print(listing, json: json, csvFields: Self.csvFields, format: output.format)
    }
}
