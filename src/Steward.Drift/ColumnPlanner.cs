using Steward.Drift.StatTests;

namespace Steward.Drift;

/// <summary>
/// Plans a report: which columns, their types (numbers numerical, labels categorical, <see cref="DriftOptions.ColumnTypes"/>
/// overriding), tests and thresholds; checks the request; notes columns missing in the current data and type changes.
/// </summary>
internal static class ColumnPlanner
{
    public const string MissingInCurrent = "missing in the current data";

    public static List<ColumnPlan> Plan(IReadOnlyList<ColumnSource> reference, IReadOnlyList<ColumnSource> current, DriftOptions options)
    {
        var referenceByName = ByName(reference);
        var currentByName = ByName(current);
        var names = options.Columns ?? reference.Select(c => c.Name).ToArray();
        foreach (var name in options.PerColumn.Keys.Concat(options.ColumnTypes.Keys))
            if (!referenceByName.ContainsKey(name)) throw new DriftException($"column '{name}' is not in the reference data");
        if (options.StatTest is not null) StatTestRegistry.Get(options.StatTest);
        CheckThreshold(options.Threshold, "the threshold");
        var plans = new List<ColumnPlan>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var r = referenceByName.GetValueOrDefault(name) ?? throw new DriftException($"column '{name}' is not in the reference data");
            var c = currentByName.GetValueOrDefault(name);
            var numeric = r.IsNumbers && (c is null || c.IsNumbers);
            var type = options.ColumnTypes.TryGetValue(name, out var forced) ? forced : numeric ? ColumnType.Numerical : ColumnType.Categorical;
            if (type == ColumnType.Numerical && !r.IsNumbers)
                throw new DriftException($"column '{name}' holds values that are not numbers and cannot be numerical");
            var overrides = options.PerColumn.GetValueOrDefault(name);
            var testName = overrides?.StatTest ?? options.StatTest;
            var test = testName is null ? null : StatTestRegistry.Get(testName);
            if (test is not null && (type == ColumnType.Numerical ? !test.AllowsNumerical : !test.AllowsCategorical))
                throw new DriftException($"stattest {test.Name} does not apply to {(type == ColumnType.Numerical ? "numerical" : "categorical")} column '{name}'");
            var threshold = overrides?.Threshold ?? options.Threshold;
            CheckThreshold(threshold, $"the threshold of column '{name}'");
            var plan = new ColumnPlan(name, type, r, c, test, threshold, options.PermutationSeed + i) { MinimumSize = options.MinimumSampleSize };
            if (c is null) plan = plan with { Compared = false, Note = MissingInCurrent };
            else if (r.IsNumbers != c.IsNumbers)
            {
                var change = $"type changed: {Kind(r)} in the reference, {Kind(c)} in the current data";
                plan = type == ColumnType.Numerical ? plan with { Compared = false, Note = change + "; not compared" } : plan with { Note = change + "; compared as categories" };
            }
            plans.Add(plan);
        }
        return plans;
    }

    private static string Kind(ColumnSource column) => column.IsNumbers ? "numbers" : "labels";

    private static Dictionary<string, ColumnSource> ByName(IReadOnlyList<ColumnSource> columns)
    {
        var byName = new Dictionary<string, ColumnSource>(StringComparer.Ordinal);
        foreach (var column in columns) byName.TryAdd(column.Name, column);
        return byName;
    }

    private static void CheckThreshold(double? threshold, string what)
    {
        if (threshold is { } t && !double.IsFinite(t)) throw new DriftException($"{what} must be a finite number");
    }
}
