using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>Tables of this area; part of <see cref="Schema"/>.</summary>
internal static class TicketSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) => [];
}
