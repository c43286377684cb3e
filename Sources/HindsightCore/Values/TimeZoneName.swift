import Foundation

/// IANA time zone names, checked against the zones this machine knows.
public enum TimeZoneName {
    /// Throws a message with examples when `name` is not an IANA zone name of a place, or UTC:
    /// abbreviations and legacy names (`PST`, `CET`, `EST5EDT`) are refused, since readers take
    /// them for fixed offsets or for rules of their own, and so are offsets such as `+01:00`.
    ///
    /// A name is accepted when the time zone database knows it and it is either one of the
    /// canonical names Foundation lists or an `Area/Location` name. The list alone is not enough:
    /// it holds one name per zone, and for some zones an older one (`Asia/Calcutta`, not
    /// `Asia/Kolkata`), so current names and the database's links (`Etc/UTC`, `US/Pacific`) would
    /// be refused although every calculation accepts them.
    public static func validate(_ name: String) throws {
        if name == "UTC" { return }
        let listed = TimeZone.knownTimeZoneIdentifiers.contains(name)
        let known = TimeZone(identifier: name) != nil
        guard known, listed || name.contains("/") else {
            // `CET`, `EST5EDT`, `Zulu`, `GMT+5`: names the database or ICU knows, but which say no
            // place, so not whose daylight-saving rules the writer had in mind.
            throw ValueParseError(known
                ? "\(QuotedValue.quote(name)) names no place (it is an abbreviation, an offset or a legacy name), so it does not say "
                    + "whose daylight-saving rules apply; expected an Area/Location name such as Europe/Prague or "
                    + "America/Los_Angeles, or UTC"
                : "\(QuotedValue.quote(name)) is not an IANA time zone name; expected a name such as UTC, Europe/Prague or America/Los_Angeles")
        }
    }
}
