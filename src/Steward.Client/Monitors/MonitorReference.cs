namespace Steward.Client;

/// <summary>A monitor's reference profile, summarised.</summary>
/// <param name="Sha256">SHA-256 of the stored profile.</param>
/// <param name="Rows">Rows profiled.</param>
/// <param name="Columns">Column name to <c>num</c> or <c>cat</c>.</param>
/// <param name="SetAt">When it was set.</param>
/// <param name="SetBy">Who set it.</param>
public sealed record MonitorReference(string Sha256, long Rows, IReadOnlyDictionary<string, string> Columns, DateTimeOffset SetAt, string SetBy);
