/// The stage kinds a runner knows, by identifier. Built once at start-up, then read-only.
///
/// Registering two kinds under one identifier is a programming error and traps with the identifier, so a plugin
/// that clashes with a built-in kind is found the first time the runner starts.
public struct StageRegistry: Sendable {
    private var kinds: [String: any StageKind] = [:]

    /// An empty registry.
    public init() {}

    /// A registry holding `kinds`.
    public init(_ kinds: [any StageKind]) {
        for kind in kinds { register(kind) }
    }

    /// Adds a kind; traps if its identifier is taken.
    public mutating func register(_ kind: any StageKind) {
        precondition(kinds[kind.identifier] == nil, "stage kind \"\(kind.identifier)\" is registered twice")
        kinds[kind.identifier] = kind
    }

    /// The kind with this identifier, if registered.
    public func kind(_ identifier: String) -> (any StageKind)? { kinds[identifier] }

    /// Every registered identifier, sorted.
    public var identifiers: [String] { kinds.keys.sorted() }

    /// A registry with this one's kinds and `other`'s; traps on a clash.
    public func merging(_ other: StageRegistry) -> StageRegistry {
        var merged = self
        for identifier in other.identifiers {
            if let kind = other.kind(identifier) { merged.register(kind) }
        }
        return merged
    }
}
