namespace Steward.Governance.Identity;

/// <summary>The roles of Steward and what each may do.</summary>
public static class Roles
{
    /// <summary>Everything.</summary>
    public const string Admin = "admin";
    /// <summary>Records decisions; registers inventory.</summary>
    public const string Approver = "approver";
    /// <summary>Registers and updates inventory.</summary>
    public const string Contributor = "contributor";
    /// <summary>Reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";
    /// <summary>Machine ingest: registers models and datasets.</summary>
    public const string Service = "service";

    /// <summary>All roles.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Approver, Contributor, Auditor, Service];
}
