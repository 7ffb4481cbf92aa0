import FlowCore
import Foundation
import Testing

/// docs/openapi.json describes each event record exactly: one schema per type, its fields all required, no other.
@Suite struct EventSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func schemas() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: root.appendingPathComponent("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        return try #require(components["schemas"] as? [String: [String: Any]])
    }

    /// The schema the `Event` discriminator maps `type` to.
    static func schema(of type: String, in schemas: [String: [String: Any]]) throws -> [String: Any] {
        let event = try #require(schemas["Event"])
        let discriminator = try #require(event["discriminator"] as? [String: Any])
        #expect(discriminator["propertyName"] as? String == "type")
        let mapping = try #require(discriminator["mapping"] as? [String: String])
        let reference = try #require(mapping[type], "no schema for event type \(type)")
        let name = String(reference.dropFirst("#/components/schemas/".count))
        return try #require(schemas[name], "\(reference) does not resolve")
    }

    @Test func eventIsAOneOfWithOneSchemaPerTypeDiscriminatedByType() throws {
        let schemas = try Self.schemas()
        let event = try #require(schemas["Event"])
        let mapping = try #require((event["discriminator"] as? [String: Any])?["mapping"] as? [String: String])
        #expect(Set(mapping.keys) == Set(Event.recordTypes))
        let oneOf = try #require(event["oneOf"] as? [[String: String]])
        #expect(Set(oneOf.compactMap { $0["$ref"] }) == Set(mapping.values))
        #expect(oneOf.count == Event.recordTypes.count)
    }

    @Test func everyEncodedEventHasASchemaWithExactlyItsFields() throws {
        let schemas = try Self.schemas()
        for (name, event) in RecordSamples.events {
            let members = try #require(try JSONParser.parse(event.recordText).value.objectMembers).map(\.key)
            let type = RecordSamples.typeName(of: event)
            let schema = try Self.schema(of: type, in: schemas)
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(members), "\(name): schema properties")
            #expect(Set(schema["required"] as? [String] ?? []) == Set(members), "\(name): required fields")
            #expect(schema["additionalProperties"] as? Bool == false, "\(name)")
            #expect((properties["type"] as? [String: Any])?["const"] as? String == type, "\(name)")
        }
    }

    @Test func projectHistoryEntriesReferToTheEventSchema() throws {
        let project = try #require(try Self.schemas()["Project"]?["properties"] as? [String: Any])
        let history = try #require(project["history"] as? [String: Any])
        let entry = try #require(history["items"] as? [String: Any])
        let event = try #require((entry["properties"] as? [String: Any])?["event"] as? [String: String])
        #expect(event["$ref"] == "#/components/schemas/Event")
    }
}
