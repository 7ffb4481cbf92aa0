import Runner
import Testing

@Suite struct GraphGrammarCheckTests {
    @Test func mermaidAcceptsEveryShapeAndArrowOfTheSubset() {
        let text = """
            flowchart TD
                %% a comment
                a["stage"]
                b{"gateway"}
                c{{"split"}}
                d(["wait"])
                e((("end")))
                a --> b
                b -->|"x #gt;= 1"| c
                c -.-> d
                d ==>|plain| e
            """
        #expect(MermaidGrammarCheck.problems(in: text) == [])
    }

    @Test func mermaidReportsEachProblemWithItsLine() {
        let text = """
            flowchart TD
                a["unbalanced"
                b{"quote}
                c["ok"]
                c --> z
                end["reserved"]
                c -->|"label| a
                c["twice"]
                c ->> a
            """
        #expect(MermaidGrammarCheck.problems(in: text) == [
            "line 2: unbalanced brackets: expected \"]\" to close \"[\", found \"\"",
            "line 3: unterminated quoted label",
            "line 6: \"end\" is a reserved word; it cannot be a node id",
            "line 7: unterminated quoted edge label",
            "line 8: node \"c\" is declared twice",
            "line 9: expected a node shape such as [\"label\"] or an edge such as -->, found \"->> a\"",
            "line 5: edge refers to undeclared node \"z\"",
        ])
    }

    @Test func mermaidNeedsTheFlowchartHeader() {
        #expect(MermaidGrammarCheck.problems(in: "graph TD\n  a[\"x\"]\n")
                    == ["line 1: expected the header \"flowchart TD\", found \"graph TD\""])
        #expect(MermaidGrammarCheck.problems(in: "") == ["line 1: the diagram is empty; expected \"flowchart TD\""])
    }

    @Test func mermaidRefusesDirectives() {
        #expect(MermaidGrammarCheck.problems(in: "flowchart TD\n%%{init: {}}%%\n")
                    == ["line 2: directives (%%{…}%%) are not allowed"])
    }

    @Test func dotAcceptsTheSubset() {
        let text = """
            digraph "g" {
                rankdir=TB;
                node [fontname="sans-serif"];
                "a" [shape=box, label="say \\"hi\\"\\nnext"];
                b [shape=diamond];
                "a" -> b [label="x", style=dashed];
            }
            """
        #expect(DotGrammarCheck.problems(in: text) == [])
    }

    @Test func dotReportsUnterminatedStringsMissingSemicolonsAndUndeclaredNodes() {
        #expect(DotGrammarCheck.problems(in: "digraph g {\n  \"a [shape=box];\n}\n")
                    == ["line 2: unterminated quoted string"])
        #expect(DotGrammarCheck.problems(in: "digraph g {\n  \"a\" [shape=box]\n  \"b\";\n}\n")
                    == ["line 3: expected \";\", found the string \"b\""])
        #expect(DotGrammarCheck.problems(in: "digraph g {\n  \"a\";\n  \"a\" -> \"c\";\n}\n")
                    == ["line 3: edge refers to undeclared node \"c\""])
        #expect(DotGrammarCheck.problems(in: "digraph g {\n  \"a\" [label=\"x\";\n}\n")
                    == ["line 2: expected \",\", found \";\""])
        #expect(DotGrammarCheck.problems(in: "digraph g {\n  node;\n") == ["line 2: expected \"[\", found \";\""])
        #expect(DotGrammarCheck.problems(in: "digraph g {\n}\n}")
                    == ["line 3: unexpected \"}\" after the closing brace"])
        #expect(DotGrammarCheck.problems(in: "graph g {}") == ["line 1: expected \"digraph\", found \"graph\""])
    }
}
