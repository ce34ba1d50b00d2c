namespace Steward.Server.Dashboard.Layout;

/// <summary>The top-level areas of the dashboard, one per navigation link.</summary>
internal enum DashboardArea
{
    /// <summary>No area is current (sign-in, errors).</summary>
    None,

    /// <summary>Systems, models and datasets.</summary>
    Inventory,

    /// <summary>Ledger entries with their proofs.</summary>
    Audit,

    /// <summary>Rego modules, their tests and the decision log.</summary>
    Policies,

    /// <summary>Tickets and the delivery backlog of their mirrors.</summary>
    Tickets,
    /// <summary>Red-team exercises and findings.</summary>
    RedTeam,
    /// <summary>Risk assessments: list, form, score and approval.</summary>
    Assessments,

    /// <summary>PII scans of datasets and their verdicts.</summary>
    PiiScans,

    /// <summary>Drift monitors: trends and reports.</summary>
    Monitors,
}
