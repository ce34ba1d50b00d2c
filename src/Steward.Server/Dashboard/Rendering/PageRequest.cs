using System.Globalization;

namespace Steward.Server.Dashboard.Rendering;

/// <summary>Cursor and page size from a dashboard query string, checked here so a bad value becomes a message, not a 400 document.</summary>
internal sealed record PageRequest(string? Cursor, int Limit, IReadOnlyList<string> Errors)
{
    public static PageRequest From(HttpRequest request, int defaultLimit)
    {
        var errors = new List<string>();
        var limit = defaultLimit;
        var text = request.Query["limit"].ToString();
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > Governance.Paging.Cursor.MaxLimit))
        {
            errors.Add($"Page size must be a number from 1 to {Governance.Paging.Cursor.MaxLimit}; showing {defaultLimit} per page.");
            limit = defaultLimit;
        }
        var cursor = request.Query["cursor"].ToString();
        return new PageRequest(cursor.Length == 0 ? null : cursor, limit, errors);
    }

    /// <summary>The page size to carry in links (only when it is not the default).</summary>
    public string? LimitParameter(int defaultLimit) => Limit == defaultLimit ? null : Limit.ToString(CultureInfo.InvariantCulture);
}
