import GRDB

/// The path-prefix rule of causes in SQL: a cause matches a path when it is the path or lies
/// under it segment by segment (`cache` matches `cache` and `cache/key`, not `cachet`). The
/// listings of incidents, actions and gaps share it so that `--cause` means the same in all three.
enum CausePathSQL {
    /// A condition true when `column` holds `path` or a cause under it, with its arguments.
    static func atOrUnder(_ column: String, _ path: String) -> (sql: String, arguments: StatementArguments) {
        // The path itself, or anything that starts with "path/": '/' sorts just before '0', so the
        // second test is a range the cause index answers.
        ("(\(column) = ? OR (\(column) > ? AND \(column) < ?))", [path, path + "/", path + "0"])
    }

    /// A condition true when `column` holds one of `paths` or a cause under one of them, with its
    /// arguments: repeated `--cause` options match any of their paths. `paths` is not empty.
    static func atOrUnderAny(_ column: String, _ paths: [String]) -> (sql: String, arguments: StatementArguments) {
        let tests = paths.map { atOrUnder(column, $0) }
        var arguments: StatementArguments = []
        for test in tests { _ = arguments.append(contentsOf: test.arguments) }
        return ("(" + tests.map(\.sql).joined(separator: " OR ") + ")", arguments)
    }
}
