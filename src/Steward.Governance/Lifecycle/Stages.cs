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

    /// <summary>The stage after <paramref name="stage"/>, short of retirement (retiring is always possible), or null.</summary>
    public static string? Next(string stage)
    {
        var i = Order(stage);
        return i >= 0 && i < All.Length - 2 ? All[i + 1] : null;
    }

    /// <summary>The gates worth showing for a system in <paramref name="stage"/>: the next stage, and deployment while it is ahead.</summary>
    public static IEnumerable<string> GatesAhead(string stage)
    {
        if (Next(stage) is { } next) yield return next;
        if (Order(stage) < Order("deployment") && Next(stage) != "deployment") yield return "deployment";
    }
}
