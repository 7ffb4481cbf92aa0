import FlowCore
import Foundation

/// How values become columns: states, actors and events as JSON text; instants as numbers.
///
/// Instants in `at`, `deployed_at` and `updated_at` are REAL seconds since 2001-01-01 00:00 UTC (Foundation's
/// reference date), which round-trips a `Date` exactly; timers' `fire_at` is INTEGER milliseconds since
/// 1970-01-01 UTC, so that it can be indexed and read by people (timers fire at whole seconds).
enum StoreCodec {
    /// A JSON encoder set up as the store writes: keys sorted (stable text for people reading the file).
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value, what: String, using encoder: JSONEncoder = makeEncoder())
        throws(StoreError) -> String
    {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .failure("cannot encode \(what) as JSON: \(error)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, what: String) throws(StoreError)
        -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .failure("cannot read \(what) stored in the database: \(error); the database was changed by hand "
                + "or by an incompatible version; restore a backup")
        }
    }

    static func instant(_ date: Date) -> SQLiteValue { .real(date.timeIntervalSinceReferenceDate) }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The `status` column: "running", "ended:<result>" or "withdrawn".
    static func status(_ status: InstanceState.Status) -> String {
        switch status {
        case .running: return "running"
        case .ended(let result): return "ended:\(result)"
        case .withdrawn: return "withdrawn"
        }
    }
}
