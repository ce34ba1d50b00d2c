using System.Globalization;
using Steward.Governance.Ledger;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The audit trail's filters and page, read from the query string; unusable values become messages.</summary>
internal sealed record AuditQuery(
    string? Type, string? SubjectKind, string? SubjectId, string? Actor,
    DateTimeOffset? Since, DateTimeOffset? Until, PageRequest Page, IReadOnlyList<string> Errors)
{
    public const int DefaultLimit = 25;
    public const string Path = "/ui/audit";

    /// <summary>The form of <c>input type="datetime-local"</c>, read and written as UTC.</summary>
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] LocalFormats = [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public static AuditQuery From(HttpRequest request)
    {
        var errors = new List<string>();
        var page = PageRequest.From(request, DefaultLimit);
        errors.AddRange(page.Errors);
        var since = Time(request, "since", "From", errors);
        var until = Time(request, "until", "Before", errors);
        if (since is { } s && until is { } u && u <= s)
            errors.Add("“Before” must be later than “From”; no entry can match.");
        return new AuditQuery(Text(request, "type"), Text(request, "subject_kind"), Text(request, "subject_id"), Text(request, "actor"),
            since, until, page, errors);
    }

    public LedgerEntryFilter Filter => new(Type, SubjectKind, SubjectId, Actor, Since, Until);

    public bool IsFiltered => Type is not null || SubjectKind is not null || SubjectId is not null || Actor is not null || Since is not null || Until is not null;

    /// <summary>This query's URL (all filters), at <paramref name="cursor"/>.</summary>
    public string Url(string? cursor = null) => UiUrl.With(Path,
        ("type", Type), ("subject_kind", SubjectKind), ("subject_id", SubjectId), ("actor", Actor),
        ("since", InputValue(Since)), ("until", InputValue(Until)), ("cursor", cursor), ("limit", Page.LimitParameter(DefaultLimit)));

    /// <summary>A time as the value of a <c>datetime-local</c> input (UTC).</summary>
    public static string? InputValue(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString(time.Value.Second == 0 ? LocalFormat : LocalFormat + ":ss", CultureInfo.InvariantCulture);

    private static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A <c>datetime-local</c> value taken as UTC, or any RFC 3339 time with an offset.</summary>
    private static DateTimeOffset? Time(HttpRequest request, string name, string label, List<string> errors)
    {
        var text = Text(request, name);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local))
            return new DateTimeOffset(local, TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
            return exact.ToUniversalTime();
        errors.Add($"“{label}” is not a date and time (expected e.g. 2025-06-30T14:00); it was ignored.");
        return null;
    }
}
