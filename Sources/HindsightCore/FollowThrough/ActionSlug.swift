/// Action ids made from titles, for actions added without an explicit id.
public enum ActionSlug {
    /// The title in lower case with every run of other characters than `a-z` and `0-9` made one
    /// `-`, trimmed of `-` and cut to 60 characters at a `-` where possible; `action` when nothing
    /// is left. "Alert on pool wait > 100 ms" gives `alert-on-pool-wait-100-ms`.
    public static func from(title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            if let cut = slug.lastIndex(of: "-") { slug = String(slug[..<cut]) }
        }
        return slug.isEmpty ? "action" : slug
    }

    /// `base`, or `base-2`, `base-3`, … : the first that is not in `taken`.
    public static func unique(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}
