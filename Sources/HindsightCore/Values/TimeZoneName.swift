import Foundation

/// IANA time zone names, checked against the zones this machine knows.
public enum TimeZoneName {
    /// Throws a message with examples when `name` is not an IANA zone name (abbreviations such as
    /// `PST`, and offsets such as `+01:00`, are refused: they do not follow daylight saving time).
    ///
    /// A name is accepted when the time zone database knows it and it is either one of the
    /// canonical names Foundation lists or an `Area/Location` name. The list alone is not enough:
    /// it holds one name per zone, and for some zones an older one (`Asia/Calcutta`, not
    /// `Asia/Kolkata`), so current names and the database's links (`Etc/UTC`, `US/Pacific`) would
    /// be refused although every calculation accepts them.
    public static func validate(_ name: String) throws {
        if name == "UTC" { return }
        let listed = TimeZone.knownTimeZoneIdentifiers.contains(name)
        guard TimeZone(identifier: name) != nil, listed || name.contains("/") else {
            throw ValueParseError("'\(name)' is not an IANA time zone name; expected a name such as UTC, Europe/Prague or America/Los_Angeles")
        }
    }
}
