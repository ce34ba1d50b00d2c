using Steward.Drift.StatTests;

namespace Steward.Drift;

/// <summary>Compares a reference and a current dataset column by column with Evidently's tests and rules.</summary>
public static class DriftEngine
{
    /// <summary>The names of the available tests.</summary>
    public static IReadOnlyList<string> StatTestNames => StatTestRegistry.Names;

    /// <summary>Runs the report. Throws <see cref="DriftException"/> for requests it cannot run (missing column, unknown test...).</summary>
    public static DriftReport Run(DriftTable reference, DriftTable current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new DriftOptions();
        if (!(options.DriftShare is > 0 and <= 1)) throw new DriftException("the drift share must be greater than 0 and at most 1");
        var plans = Plan(reference, current, options);
        var results = new ColumnDriftResult[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
            i => results[i] = plans[i].Run());
        var drifted = results.Count(r => r.DriftDetected);
        var share = results.Length == 0 ? 0 : (double)drifted / results.Length;
        return new DriftReport
        {
            DatasetDrift = results.Length > 0 && share >= options.DriftShare,
            ShareOfDriftedColumns = share,
            NumberOfColumns = results.Length,
            NumberOfDriftedColumns = drifted,
            DriftShare = options.DriftShare,
            Columns = results,
        };
    }

    private static List<ColumnPlan> Plan(DriftTable reference, DriftTable current, DriftOptions options)
    {
        var names = options.Columns ?? reference.Columns.Select(c => c.Name).ToArray();
        foreach (var name in options.PerColumn.Keys.Concat(options.ColumnTypes.Keys))
            if (reference.Find(name) is null) throw new DriftException($"column '{name}' is not in the reference data");
        if (options.StatTest is not null) StatTestRegistry.Get(options.StatTest);
        CheckThreshold(options.Threshold, "the threshold");
        var plans = new List<ColumnPlan>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var r = reference.Find(name) ?? throw new DriftException($"column '{name}' is not in the reference data");
            var c = current.Find(name) ?? throw new DriftException($"column '{name}' is not in the current data");
            var numeric = r.Numbers is not null && c.Numbers is not null;
            var type = options.ColumnTypes.TryGetValue(name, out var forced) ? forced : numeric ? ColumnType.Numerical : ColumnType.Categorical;
            if (type == ColumnType.Numerical && !numeric)
                throw new DriftException($"column '{name}' holds values that are not numbers and cannot be numerical");
            var overrides = options.PerColumn.GetValueOrDefault(name);
            var testName = overrides?.StatTest ?? options.StatTest;
            var test = testName is null ? null : StatTestRegistry.Get(testName);
            if (test is not null && (type == ColumnType.Numerical ? !test.AllowsNumerical : !test.AllowsCategorical))
                throw new DriftException($"stattest {test.Name} does not apply to {(type == ColumnType.Numerical ? "numerical" : "categorical")} column '{name}'");
            var threshold = overrides?.Threshold ?? options.Threshold;
            CheckThreshold(threshold, $"the threshold of column '{name}'");
            plans.Add(new ColumnPlan(name, type, r, c, numeric, test, threshold, options.PermutationSeed + i));
        }
        return plans;
    }

    private static void CheckThreshold(double? threshold, string what)
    {
        if (threshold is { } t && !double.IsFinite(t)) throw new DriftException($"{what} must be a finite number");
    }

    private sealed record ColumnPlan(string Name, ColumnType Type, DriftColumn Reference, DriftColumn Current, bool Numeric, StatTest? Test, double? Threshold, int Seed)
    {
        public ColumnDriftResult Run()
        {
            var samples = Numeric
                ? ColumnSamples.Numeric(Type, Reference.Numbers!, Current.Numbers!)
                : ColumnSamples.Labels(Labels(Reference), Labels(Current));
            samples.Seed = Seed;
            var insufficient = samples.ReferenceCount == 0 || samples.CurrentCount == 0;
            var test = Test ?? (insufficient ? StatTestRegistry.Get(Type == ColumnType.Numerical ? "ks" : "chisquare") : StatTestRegistry.Default(samples));
            var threshold = Threshold ?? test.DefaultThreshold;
            var outcome = insufficient ? new StatTestOutcome(double.NaN) : Compute(test, samples);
            return new ColumnDriftResult
            {
                Column = Name,
                ColumnType = Type,
                StatTestName = test.Name,
                StatTestThreshold = threshold,
                DriftScore = outcome.Score,
                Statistic = outcome.Statistic,
                DriftDetected = test.IsDrift(outcome.Score, threshold),
                ReferenceSize = samples.ReferenceCount,
                CurrentSize = samples.CurrentCount,
                Note = insufficient ? "insufficient data" : null,
                Histogram = Reports.ColumnHistograms.Of(samples),
            };
        }

        private StatTestOutcome Compute(StatTest test, ColumnSamples samples)
        {
            try
            {
                return test.Compute(samples);
            }
            catch (DriftException e)
            {
                throw new DriftException($"column '{Name}': {e.Message}", e);
            }
        }

        private static string?[] Labels(DriftColumn column) => column.Labels ?? column.Numbers!.Select(NumberLabel).ToArray();

        private static string? NumberLabel(double value) =>
            double.IsFinite(value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
