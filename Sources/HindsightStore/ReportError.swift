/// Why a report or budget could not be made from the knowledge base.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A service id that is not in the knowledge base.
    case unknownService(String)

    /// A message naming the problem and what to do.
    public var description: String {
        switch self {
        case .unknownService(let id): return "no service with id '\(id)'; 'hindsight services' lists them"
        }
    }
}
