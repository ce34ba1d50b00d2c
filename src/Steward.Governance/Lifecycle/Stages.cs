namespace Steward.Governance.Lifecycle;

/// <summary>The lifecycle stages of an AI system, in order.</summary>
public static class Stages
{
    /// <summary>Where every system starts.</summary>
    public const string Intake = "intake";

    /// <summary>All stages in lifecycle order.</summary>
    public static readonly string[] All = [Intake, "risk_assessment", "development", "validation", "deployment", "monitoring", "retired"];

    /// <summary>The position of a stage in <see cref="All"/>, or -1.</summary>
    public static int Order(string stage) => Array.IndexOf(All, stage);
}
