namespace Steward.Drift.Profiles;

/// <summary>How a profile keeps a numeric column's values.</summary>
public enum ProfileMode
{
    /// <summary>Exact sorted values up to <see cref="ProfileOptions.ExactLimit"/> values per column, then a quantile sketch.</summary>
    Auto,

    /// <summary>Every value, sorted: reports from the profile equal reports from the raw data; memory grows with the data.</summary>
    Exact,

    /// <summary>A KLL quantile sketch from the first value: constant memory per column, bounded rank error.</summary>
    Sketch,
}
