import Foundation
import Runner
import Testing

@Suite struct GraphCommandTests {
    /// Every node kind: a stage with a non-interrupting and an interrupting deadline, a gateway with a labelled, an
    /// unlabelled and a default branch, a parallel block with a return (退回), a wait, and an end node named "end".
    static let allKinds = #"""
        {
          "id": "all-kinds", "version": 3, "title": "全部节点",
          "jurisdiction": {"name": "测试区", "code": "320902"},
          "regulation": {"title": "测试办法"},
          "calendar": "cn-mainland",
          "variables": {"amount": {"type": "decimal"}},
          "start": "pre-review",
          "nodes": [
            {"id": "pre-review", "name": "预审 \"初审\"", "type": "stage", "stage": "human-task",
             "parameters": {"title": "预审", "assignee": {"department": "区数据局"}, "outcomes": ["pass", "revise"]},
             "outcomes": {"pass": "amount-gate", "revise": "end"},
             "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": false},
                           {"id": "limit", "period": "20 workdays", "interrupting": true, "goto": "end"}]},
            {"id": "amount-gate", "name": "金额 & 类别", "type": "exclusive",
             "branches": [{"when": "project.amount >= 500", "to": "joint", "label": "≥500万元"},
                          {"when": "project.amount < 1", "to": "end"}],
             "default": "hold"},
            {"id": "joint", "name": "会审", "type": "parallel", "branches": ["finance", "tech"], "join": "joint-done"},
            {"id": "finance", "name": "财政局意见", "type": "stage", "stage": "human-task",
             "parameters": {"title": "意见", "assignee": {"department": "区财政局"}, "outcomes": ["agree"]},
             "outcomes": {"agree": "joint-done"}, "returnTo": ["pre-review"]},
            {"id": "tech", "type": "stage", "stage": "automatic", "outcomes": {"done": "joint-done"}},
            {"id": "joint-done", "name": "会审汇总", "type": "join", "next": "hold"},
            {"id": "hold", "name": "公示期", "type": "wait", "period": "7 days", "next": "end"},
            {"id": "end", "name": "办结", "type": "end", "result": "approved"}
          ]
        }
        """#

    func graph(_ format: String) throws -> (status: Int32, output: String, errors: String) {
        let folder = try SimulationFixture.folder()
        let path = try SimulationFixture.write(Self.allKinds, "all.json", in: folder)
        return SimulationFixture.run(["graph", path, "--format", format])
    }

    static let expectedMermaid = """
        flowchart TD
            %% workflow all-kinds version 3
            n_pre_review["预审 #quot;初审#quot;<br/>人工办理<br/>时限：5个工作日内"]
            n_amount_gate{"金额 #amp; 类别"}
            n_joint{{"会审<br/>并行办理"}}
            n_finance["财政局意见<br/>人工办理"]
            n_tech["tech<br/>自动办理"]
            n_joint_done{{"会审汇总<br/>汇合"}}
            n_hold(["公示期<br/>等待7日"])
            n_end((("办结<br/>结果：批准")))
            n_pre_review -->|"通过"| n_amount_gate
            n_pre_review -->|"退回修改"| n_end
            n_pre_review -.->|"超过20个工作日"| n_end
            n_amount_gate -->|"≥500万元"| n_joint
            n_amount_gate -->|"project.amount #lt; 1"| n_end
            n_amount_gate -->|"其他情况"| n_hold
            n_joint --> n_finance
            n_joint --> n_tech
            n_finance -->|"同意"| n_joint_done
            n_finance -.->|"退回"| n_pre_review
            n_tech -->|"已办理"| n_joint_done
            n_joint_done --> n_hold
            n_hold --> n_end

        """

    static let expectedDot = """
        digraph "all-kinds" {
            rankdir=TB;
            node [fontname="sans-serif"];
            edge [fontname="sans-serif"];
            "pre-review" [shape=box, label="预审 \\"初审\\"\\n人工办理\\n时限：5个工作日内"];
            "amount-gate" [shape=diamond, label="金额 & 类别"];
            "joint" [shape=hexagon, label="会审\\n并行办理"];
            "finance" [shape=box, label="财政局意见\\n人工办理"];
            "tech" [shape=box, label="tech\\n自动办理"];
            "joint-done" [shape=hexagon, label="会审汇总\\n汇合"];
            "hold" [shape=box, style=rounded, label="公示期\\n等待7日"];
            "end" [shape=doublecircle, label="办结\\n结果：批准"];
            "pre-review" -> "amount-gate" [label="通过"];
            "pre-review" -> "end" [label="退回修改"];
            "pre-review" -> "end" [label="超过20个工作日", style=dashed];
            "amount-gate" -> "joint" [label="≥500万元"];
            "amount-gate" -> "end" [label="project.amount < 1"];
            "amount-gate" -> "hold" [label="其他情况"];
            "joint" -> "finance";
            "joint" -> "tech";
            "finance" -> "joint-done" [label="同意"];
            "finance" -> "pre-review" [label="退回", style=dotted];
            "tech" -> "joint-done" [label="已办理"];
            "joint-done" -> "hold";
            "hold" -> "end";
        }

        """

    @Test func mermaidDiagramIsExactAndPassesTheGrammarCheck() throws {
        let run = try graph("mermaid")
        #expect(run.status == 0)
        #expect(run.output == Self.expectedMermaid)
        #expect(MermaidGrammarCheck.problems(in: run.output) == [])
    }

    @Test func dotDiagramIsExactAndPassesTheGrammarCheck() throws {
        let run = try graph("dot")
        #expect(run.status == 0)
        #expect(run.output == Self.expectedDot)
        #expect(DotGrammarCheck.problems(in: run.output) == [])
    }

    @Test func mermaidIsTheDefaultFormat() throws {
        let folder = try SimulationFixture.folder()
        let path = try SimulationFixture.write(Self.allKinds, "all.json", in: folder)
        #expect(SimulationFixture.run(["graph", path]).output == Self.expectedMermaid)
    }

    @Test func bundledStyleChainPassesBothGrammarChecks() throws {
        let folder = try SimulationFixture.folder()
        let path = try SimulationFixture.write(SimulationFixture.tinghu, "tinghu.json", in: folder)
        let mermaid = SimulationFixture.run(["graph", path, "--format", "mermaid"]).output
        let dot = SimulationFixture.run(["graph", path, "--format", "dot"]).output
        #expect(MermaidGrammarCheck.problems(in: mermaid) == [])
        #expect(DotGrammarCheck.problems(in: dot) == [])
        #expect(mermaid.contains(#"    n_revision -.->|"超过15个工作日"| n_returned"#))
        #expect(dot.contains(#"    "expert-review" -> "pre-review" [label="退回", style=dotted];"#))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try graph("svg")
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors == """
            error: --format needs "mermaid", "dot" or "bpmn", found "svg"
            usage: govflow graph WORKFLOW [--format mermaid|dot|bpmn]

            """)
    }

    @Test func missingWorkflowIsAUsageError() {
        let run = SimulationFixture.run(["graph", "--format", "dot"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: missing the workflow file\n"))
    }

    @Test func invalidDefinitionPrintsItsDiagnosticsAndExitsOne() throws {
        let folder = try SimulationFixture.folder()
        let path = try SimulationFixture.write(#"{"id": "x"}"#, "bad.json", in: folder)
        let run = SimulationFixture.run(["graph", path])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("\(path):1:1: error: "))
    }
}
