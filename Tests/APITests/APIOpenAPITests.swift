import Foundation
import GovFlowAPI
import Testing

/// docs/openapi.json documents exactly the routes the router has.
@Suite struct APIOpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func documented() throws -> Set<String> {
        let data = try Data(contentsOf: root.appendingPathComponent("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
    }

    @Test func everyRouteIsDocumented_AndEveryDocumentedRouteExists() throws {
        let routes = Set(APIRouter.routeSignatures.map { "\($0.method) \($0.path)" })
        let documented = try Self.documented()
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from docs/openapi.json")
        #expect(documented.subtracting(routes).sorted() == [], "documented routes the router does not have")
        #expect(routes.count == APIRouter.routeSignatures.count)
    }

    @Test func everySchemaReferenceResolves() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.json"), encoding: .utf8)
        let data = Data(text.utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(document["components"] as? [String: [String: Any]])
        let pattern = try NSRegularExpression(pattern: ##""\$ref": "#/components/(\w+)/(\w+)""##)
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
            guard let kind = Range(match.range(at: 1), in: text), let name = Range(match.range(at: 2), in: text)
            else { continue }
            let found = components[String(text[kind])]?[String(text[name])]
            #expect(found != nil, "unresolved \(text[kind])/\(text[name])")
        }
    }
}
