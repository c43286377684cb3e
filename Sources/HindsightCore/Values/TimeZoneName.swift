import Foundation

/// IANA time zone names, checked against the zones this machine knows.
public enum TimeZoneName {
    /// Throws a message with examples when `name` is not an IANA zone name of a place, or UTC:
    /// abbreviations and legacy names (`PST`, `CET`, `EST5EDT`) are refused, since readers take
    /// them for fixed offsets or for rules of their own, and so are offsets such as `+01:00` and
    /// the database's own offset names (`Etc/GMT+5`, which is five hours behind UTC).
    ///
    /// A name is accepted when the time zone database knows it and it is either one of the
    /// canonical names Foundation lists or an `Area/Location` name. The list alone is not enough:
    /// it holds one name per zone, and for some zones an older one (`Asia/Calcutta`, not
    /// `Asia/Kolkata`), so current names and the database's links (`Etc/UTC`, `US/Pacific`) would
    /// be refused although every calculation accepts them.
    public static func validate(_ name: String) throws {
        if let offset = fixedOffsetName(name) {
            throw ValueParseError("\(QuotedValue.quote(name)) is a fixed offset, not a place: the database writes it with the sign "
                + "turned round, so it means UTC\(offset), and no daylight saving; expected an Area/Location name such as "
                + "Europe/Prague or America/Los_Angeles, or UTC")
        }
        try validateStored(name)
    }

    /// Throws as ``validate(_:)`` does, except for the database's offset names (`Etc/GMT+5`):
    /// for a name a knowledge base already holds, which a version that took them may have
    /// stored, so that its reports still work.
    public static func validateStored(_ name: String) throws {
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

    /// For `Etc/GMT+5` and its kin, the offset they stand for as it is usually written (`-5`):
    /// the database's POSIX-style names count hours west of Greenwich as positive, so a reader
    /// takes `Etc/GMT+5` for UTC+5 and every window lands ten hours from where it is. A zero
    /// offset (`Etc/GMT+0`) is UTC by another name and is not one of them.
    private static func fixedOffsetName(_ name: String) -> String? {
        guard name.hasPrefix("Etc/GMT"), let sign = name.dropFirst("Etc/GMT".count).first, sign == "+" || sign == "-" else {
            return nil
        }
        let hours = name.dropFirst("Etc/GMT+".count)
        guard !hours.isEmpty, hours.allSatisfy(\.isASCII), let number = Int(hours), number != 0 else { return nil }
        return (sign == "+" ? "-" : "+") + String(number)
    }
}
