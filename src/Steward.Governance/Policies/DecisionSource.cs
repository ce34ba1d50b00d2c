namespace Steward.Governance.Policies;

/// <summary>Where a decision-log event came from.</summary>
public static class DecisionSource
{
    /// <summary>Evaluated by this server (<c>/v1/data</c>).</summary>
    public const string Server = "server";

    /// <summary>Uploaded by an OPA agent (<c>POST /logs</c>).</summary>
    public const string OpaUpload = "opa-upload";

    /// <summary>Uploaded by a Steward sidecar (label <c>steward_source: sidecar</c>).</summary>
    public const string Sidecar = "sidecar";

    /// <summary>All sources.</summary>
    public static IReadOnlyList<string> All { get; } = [Server, OpaUpload, Sidecar];
}
