import FlowCore

/// The stage kinds that ship with GovFlow.
public enum BuiltInStages {
    /// A registry holding every built-in kind; plugins add theirs with `StageRegistry.register(_:)`.
    public static func registry() -> StageRegistry {
        StageRegistry([
            HumanTaskStage(), AutomaticStage(), PreReviewStage(), JointDepartmentReviewStage(), ExpertReviewStage(),
            ProjectApprovalStage(), ProcurementStage(), TrialRunStage(), AcceptanceStage(), FilingStage(),
            NotificationStage(),
        ])
    }
}
