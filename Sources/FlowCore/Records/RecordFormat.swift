/// The format versions of the records this build writes and reads (docs/formats.md, "Versioning").
///
/// A change to a record's bytes (a field renamed, removed or changed in meaning) needs a new version, a store
/// migration that rewrites the stored records, and updated golden files. Adding an event type does not change the
/// version of the others: an older build refuses the new type by name.
public enum RecordFormat {
    /// The version of the state snapshot, written as its `"v"` member.
    public static let stateVersion = 1
    /// The version of a history row's actor and event records, stored in the row's `format` column.
    public static let historyVersion = 1
}
