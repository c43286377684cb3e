/// `?, ?, ?` for an `IN (…)` list of `count` bound values.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
