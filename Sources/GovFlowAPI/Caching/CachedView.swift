/// A rendered project view and the position in the project's history it shows.
struct CachedView: Sendable {
    /// The project's last sequence when rendered; the view is stale once the project moves on.
    let sequence: Int
    /// The view's JSON text.
    let view: [UInt8]
}
