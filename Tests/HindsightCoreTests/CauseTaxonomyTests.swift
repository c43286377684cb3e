import Testing
@testable import HindsightCore

/// The cause tree, its segment-wise prefix rule and its figures, against hand-worked examples.
struct CauseTaxonomyTests {
    static func facts(_ id: String, _ start: String, _ factors: [(String, String?)]) throws -> IncidentFacts {
        IncidentFacts(id: id, title: id, startedAt: try Instant(parsing: start),
                      factors: try factors.enumerated().map { index, factor in
                          Factor(id: "f\(index)", title: "factor", cause: factor.0, introducedAt: try factor.1.map(FuzzyDate.init(parsing:)))
                      })
    }

    @Test func treeFiguresWorkedByHand() throws {
        let incidents = [
            try Self.facts("a", "2024-06-15T00:00:00Z", [("config/dns", "2023-01"), ("configuration/flags", nil)]),
            try Self.facts("b", "2024-03-01T00:00:00Z", [("config", nil), ("config/dns/ttl", "2024-01-01")]),
            try Self.facts("c", "2024-04-01T00:00:00Z", []),
            // Introduced (2025) after it started (2024): never latent, so left out of latent ages.
            try Self.facts("d", "2024-07-01T00:00:00Z", [("config/dns", "2025")]),
        ]
        let roots = CauseTaxonomy.build(downtimeByIncident: ["a": 600, "b": 300, "c": 100], incidents: incidents)
        // a's 600 s split over its 2 paths: config/dns 300, configuration/flags 300.
        // b's 300 s split over its 2 paths: config 150, config/dns/ttl 150. c: 100 unrecorded. d: 0.
        // configuration is not below config: the prefix rule goes by whole segments.
        #expect(roots.map(\.path) == ["config", "configuration", CauseShare.unrecorded])
        let config = roots[0]
        #expect(config.downtimeSeconds == 600)  // 300 + 150 + 150
        #expect(config.incidentCount == 3)  // a, b and d, each once, though b has two factors here
        #expect(config.children.map(\.path) == ["config/dns"])
        let dns = config.children[0]
        #expect(dns.downtimeSeconds == 450)  // 300 + 150
        #expect(dns.incidentCount == 3)
        #expect(dns.children.map(\.path) == ["config/dns/ttl"])
        #expect(dns.children[0].downtimeSeconds == 150)
        #expect(dns.children[0].incidentCount == 1)
        #expect(roots[1].downtimeSeconds == 300)
        #expect(roots[1].incidentCount == 1)
        #expect(roots[1].children.map(\.segment) == ["flags"])
        #expect(roots[2].downtimeSeconds == 100)
        #expect(roots[2].incidentCount == 1)

        // Latent ages: a's config/dns from 2023-01 to 2024-06 is (2024·12+6) − (2023·12+1) = 17
        // months = 17 × 365.2425 / 12 = 517.426875 days; b's config/dns/ttl from 2024-01-01 to
        // 2024-03-01 is 31 + 29 = 60 days. Median of the two: (60 + 517.426875) / 2 = 288.7134375.
        #expect(config.latentDays.count == 2)
        #expect(abs((config.latentDays.median ?? 0) - 288.7134375) < 1e-9)
        #expect(abs((config.latentDays.maximum ?? 0) - 517.426875) < 1e-9)
        #expect(dns.latentDays.count == 2)
        #expect(dns.children[0].latentDays.median == 60)
        #expect(roots[1].latentDays.count == 0)
        #expect(roots[1].latentDays.median == nil)
    }

    @Test func nodeLookupIsSegmentWise() throws {
        let roots = CauseTaxonomy.build(downtimeByIncident: [:], incidents: [
            try Self.facts("a", "2024-01-01T00:00:00Z", [("config/dns", nil), ("configuration/flags", nil)]),
        ])
        #expect(CauseTaxonomy.nodes(at: ["config"], in: roots).first?.incidentCount == 1)
        #expect(CauseTaxonomy.nodes(at: ["config/dns"], in: roots).first?.path == "config/dns")
        #expect(CauseTaxonomy.nodes(at: ["configuration/flags"], in: roots).first?.path == "configuration/flags")
        #expect(CauseTaxonomy.nodes(at: ["config/flags"], in: roots).first == nil)
        #expect(CauseTaxonomy.nodes(at: ["conf"], in: roots).first == nil)
    }

    @Test func severalNodesComeInTheTreesOrderEachOnce() throws {
        let roots = CauseTaxonomy.build(downtimeByIncident: [:], incidents: [
            try Self.facts("a", "2024-01-01T00:00:00Z", [("config/dns", nil), ("configuration/flags", nil)]),
        ])
        func paths(_ asked: [String]) -> [String] { CauseTaxonomy.nodes(at: asked, in: roots).map(\.path) }
        // Equal figures: config sorts before configuration, whatever order they were asked in.
        #expect(paths(["configuration/flags", "config/dns", "config/dns"]) == ["config/dns", "configuration/flags"])
        // config/dns is inside config's subtree: not shown a second time.
        #expect(paths(["config/dns", "config"]) == ["config"])
        #expect(paths(["conf", "config/flags"]) == [])
        #expect(paths(["conf", "configuration"]) == ["configuration"])
    }

    @Test func latentAgesInWords() {
        #expect(LatentAge.approximateText(days: 1) == "1 day")
        #expect(LatentAge.approximateText(days: 12) == "12 days")
        // 60 days / (365.2425 / 12) = 1.97 months, rounded to 2.
        #expect(LatentAge.approximateText(days: 60) == "2 months")
        // 425 days / 30.436875 = 13.96 months: 14.
        #expect(LatentAge.approximateText(days: 425) == "14 months")
        // 3 × 365.2425 = 1095.7275 days: 3.0 years; 1278.35 days / 365.2425 = 3.5.
        #expect(LatentAge.approximateText(days: 1095.7275) == "3.0 years")
        #expect(LatentAge.approximateText(days: 1278.35) == "3.5 years")
    }
}
