using Steward.Drift.Profiles;
using Steward.Drift.StatTests;

namespace Steward.Drift;

/// <summary>Compares a reference and a current dataset (raw tables or profiles) column by column with Evidently's tests and rules.</summary>
public static class DriftEngine
{
    /// <summary>The names of the available tests.</summary>
    public static IReadOnlyList<string> StatTestNames => StatTestRegistry.Names;

    /// <summary>
    /// Runs the report. A column missing in the current data or whose type changed is reported with a note; columns only in
    /// the current data are listed in <see cref="DriftReport.ExtraColumns"/>. Throws <see cref="DriftException"/> for requests
    /// it cannot run (a requested column not in the reference, unknown test, a test that does not apply).
    /// </summary>
    public static DriftReport Run(DriftTable reference, DriftTable current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return Run(
            reference.Columns.Select(c => (ColumnSource)new TableColumnSource(c)).ToArray(),
            current.Columns.Select(c => (ColumnSource)new TableColumnSource(c)).ToArray(),
            options ?? new DriftOptions());
    }

    /// <summary>
    /// Runs the report against a reference profile. The current table is profiled exactly, so with an exact-mode reference the
    /// report equals the report from the raw reference data; sketched columns follow docs/DRIFT.md ("Reference profiles").
    /// </summary>
    public static DriftReport Run(DriftProfile reference, DriftTable current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return Run(reference, DriftProfile.FromTable(current, new ProfileOptions { Mode = ProfileMode.Exact }), options);
    }

    /// <summary>Runs the report on two profiles (for example a stored reference and a monitor's window).</summary>
    public static DriftReport Run(DriftProfile reference, DriftProfile current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return Run(
            reference.Columns.Select(c => (ColumnSource)new ProfileColumnSource(c)).ToArray(),
            current.Columns.Select(c => (ColumnSource)new ProfileColumnSource(c)).ToArray(),
            options ?? new DriftOptions());
    }

    private static DriftReport Run(IReadOnlyList<ColumnSource> reference, IReadOnlyList<ColumnSource> current, DriftOptions options)
    {
        if (!(options.DriftShare is > 0 and <= 1)) throw new DriftException("the drift share must be greater than 0 and at most 1");
        if (options.MinimumSampleSize < 1) throw new DriftException("the minimum sample size must be at least 1");
        var plans = ColumnPlanner.Plan(reference, current, options);
        var results = new ColumnDriftResult[plans.Count];
        try
        {
            Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
                i => results[i] = plans[i].Run());
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<DriftException>().FirstOrDefault() is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        var drifted = results.Count(r => r.DriftDetected);
        var share = results.Length == 0 ? 0 : (double)drifted / results.Length;
        var referenceNames = reference.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new DriftReport
        {
            DatasetDrift = results.Length > 0 && share >= options.DriftShare,
            ShareOfDriftedColumns = share,
            NumberOfColumns = results.Length,
            NumberOfDriftedColumns = drifted,
            DriftShare = options.DriftShare,
            Columns = results,
            ExtraColumns = current.Select(c => c.Name).Where(n => !referenceNames.Contains(n)).ToArray(),
        };
    }
}
