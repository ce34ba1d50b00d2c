using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>Tables of this area; part of <see cref="Schema"/>.</summary>
internal static class RedTeamSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) => [];
}
