using System.Globalization;

namespace Steward.Pii.Scanning;

/// <summary>
/// What makes a scan fail. The default fails when any column holds a government identifier or a financial
/// account number scoring at least 0.5 (<see cref="DefaultFailOn"/>), or when any row could not be scanned, or
/// the scan stopped early. Names, e-mail addresses, phone numbers and the like are reported but do not fail it.
/// </summary>
public sealed record ScanRule
{
    /// <summary>The entity types the default rule fails on.</summary>
    public static readonly IReadOnlyList<string> DefaultFailOn =
    [
        PiiEntities.UsSsn, PiiEntities.UsItin, PiiEntities.UsPassport, PiiEntities.UsDriverLicense, PiiEntities.UkNhs,
        PiiEntities.UkNino, PiiEntities.CreditCard, PiiEntities.IbanCode, PiiEntities.UsBankNumber,
    ];

    /// <summary>The default rule.</summary>
    public static readonly ScanRule Default = new();

    /// <summary>Entity types that may not appear (beyond <see cref="MaxRowsPerColumn"/> rows in a column).</summary>
    public IReadOnlyList<string> FailOn { get; init; } = DefaultFailOn;

    /// <summary>Results scoring below this are not findings at all (the analysis threshold).</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>Rows per column that may hold a <see cref="FailOn"/> type before the scan fails (0: none may).</summary>
    public long MaxRowsPerColumn { get; init; }

    /// <summary>Checks the settings; throws <see cref="PiiRequestException"/> when they make no sense.</summary>
    public void Validate()
    {
        if (double.IsNaN(MinScore) || MinScore is < 0 or > 1) throw new PiiRequestException("the minimum score must be between 0 and 1");
        if (MaxRowsPerColumn < 0) throw new PiiRequestException("the maximum rows per column cannot be negative");
        if (FailOn.Any(string.IsNullOrWhiteSpace)) throw new PiiRequestException("an entity type to fail on is empty");
    }

    /// <summary>The rule in words.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"fail when a column has more than {MaxRowsPerColumn} row(s) with {(FailOn.Count == 0 ? "(no entity type)" : string.Join(", ", FailOn))} scoring at least {MinScore:0.##}, or rows could not be scanned");

    /// <summary>Decides the verdict from a report's counts (which is how a server re-checks a submitted report).</summary>
    public ScanVerdict Evaluate(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reasons = new List<string>();
        if (!report.Complete) reasons.Add("the scan stopped before the end of the file");
        if (report.RowsSkipped > 0) reasons.Add($"{report.RowsSkipped} row(s) could not be scanned");
        var failOn = FailOn.ToHashSet(StringComparer.Ordinal);
        foreach (var column in report.Columns)
        {
            foreach (var entity in column.Entities)
            {
                if (failOn.Contains(entity.EntityType) && entity.RowsAffected > MaxRowsPerColumn)
                    reasons.Add($"column '{column.Name}': {entity.RowsAffected} row(s) with {entity.EntityType} (at most {MaxRowsPerColumn} allowed)");
            }
        }
        return new ScanVerdict(reasons.Count == 0, Describe(), reasons);
    }
}
