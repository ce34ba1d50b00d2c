using Steward.Governance.Storage;

namespace Steward.Governance.Assessments;

/// <summary>Tables of this area; part of <see cref="Schema"/>.</summary>
internal static class AssessmentSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) => [];
}
