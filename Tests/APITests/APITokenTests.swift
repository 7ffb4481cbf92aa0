import FlowCore
import Foundation
@testable import GovFlowAPI
import Testing

@Suite struct APITokenTests {
    @Test func sha256_MatchesTheStandardVectors() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([]))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(SHA256.hash(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func tokensFile_MapsTokensToCallers() throws {
        let table = try TokenTable.parse("""
            {"tokens": [{"token": "0123456789abcdef-li", "actor": "li", "department": "区数据局",
                         "roles": ["reviewing-office", "expert"]}]}
            """)
        let caller = try #require(table.caller(forToken: "0123456789abcdef-li"))
        #expect(caller.actor.id == "li")
        #expect(caller.actor.department == "区数据局")
        #expect(caller.roles == [.reviewingOffice, .expert])
        #expect(caller.actor.roles == ["reviewing-office", "expert"])
        #expect(table.caller(forToken: "0123456789abcdef-lj") == nil)
        #expect(table.caller(forToken: "") == nil)
    }

    @Test func taskRolesReachTheEngineButGrantNoPermission() throws {
        let table = try TokenTable.parse("""
            {"tokens": [{"token": "0123456789abcdef-wang", "actor": "wang", "roles": ["expert"],
                         "taskRoles": ["technical-expert"]}]}
            """)
        let caller = try #require(table.caller(forToken: "0123456789abcdef-wang"))
        #expect(caller.roles == [.expert])
        #expect(caller.actor.roles == ["expert", "technical-expert"])
        #expect(Assignee.role("technical-expert").includes(caller.actor))
    }

    @Test(arguments: [
        (#"{"tokens": [{"token": "0123456789abcdef", "actor": "li", "roles": ["boss"]}]}"#,
         #"invalid tokens file: tokens[0] (actor "li"): unknown role "boss"; known roles are "administrator", "#
            + #""project-unit", "reviewing-office", "expert", "auditor""#),
        (#"{"tokens": [{"token": "short", "actor": "li", "roles": ["expert"]}]}"#,
         #"invalid tokens file: tokens[0] (actor "li"): the token is shorter than 16 characters; "#
            + "use a long random one"),
        (#"{"tokens": [{"token": "0123456789abcdef", "actor": "a", "roles": ["expert"]},"#
            + #" {"token": "0123456789abcdef", "actor": "b", "roles": ["expert"]}]}"#,
         #"invalid tokens file: tokens[1] (actor "b"): the token is used twice"#),
        (#"{"users": []}"#, #"invalid tokens file: expected {"tokens": [ … ]} at the top"#),
    ])
    func badTokensFile_IsRefusedWithAMessage(text: String, message: String) {
        #expect(throws: TokenFileError.invalid(String(message.dropFirst("invalid tokens file: ".count)))) {
            try TokenTable.parse(text)
        }
        do {
            _ = try TokenTable.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
