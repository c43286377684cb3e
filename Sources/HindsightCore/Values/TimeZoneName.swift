import Foundation

/// IANA time zone names, checked against the zones this machine knows.
public enum TimeZoneName {
    /// Throws a message with examples when `name` is not an IANA zone name (abbreviations such as
    /// `PST`, and offsets such as `+01:00`, are refused: they do not follow daylight saving time).
    public static func validate(_ name: String) throws {
        if name == "UTC" { return }
        guard TimeZone.knownTimeZoneIdentifiers.contains(name), TimeZone(identifier: name) != nil else {
            throw ValueParseError("'\(name)' is not an IANA time zone name; expected a name such as UTC, Europe/Prague or America/Los_Angeles")
        }
    }
}
