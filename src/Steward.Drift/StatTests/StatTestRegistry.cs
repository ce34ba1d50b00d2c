namespace Steward.Drift.StatTests;

/// <summary>The tests by Evidently's names, and Evidently's default choice of test per column.</summary>
internal static class StatTestRegistry
{
    private static readonly StatTest[] All =
    [
        new KsStatTest(), new ChiSquareStatTest(), new ZStatTest(), new WassersteinStatTest(), new JensenShannonStatTest(),
        new PsiStatTest(), new KlDivStatTest(), new HellingerStatTest(), new AndersonStatTest(), new CramerVonMisesStatTest(),
        new MannWhitneyStatTest(), new TTestStatTest(), new EnergyDistanceStatTest(), new EppsSingletonStatTest(),
        new FisherExactStatTest(), new GTestStatTest(), new TvdStatTest(), new MmdStatTest(),
    ];

    private static readonly Dictionary<string, StatTest> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every test name, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToArray();

    /// <summary>The test of that name, or a <see cref="DriftException"/> listing the names.</summary>
    public static StatTest Get(string name) =>
        ByName.TryGetValue(name, out var test) ? test
            : throw new DriftException($"unknown stattest '{name}'; use one of: {string.Join(", ", Names)}");

    /// <summary>
    /// Evidently's <c>_get_default_stattest</c>: with at most 1,000 cleaned reference rows, ks for numerical columns with more than
    /// 5 distinct values (reference and current together), else chisquare above 2 values, else z; with more rows, wasserstein for
    /// numerical columns with more than 5 values, else jensenshannon.
    /// </summary>
    public static StatTest Default(ColumnSamples samples)
    {
        var numericalWithMany = samples.Type == ColumnType.Numerical && samples.HasMoreDistinctThan(5);
        if (samples.ReferenceCount <= 1000)
        {
            if (numericalWithMany) return ByName["ks"];
            return samples.HasMoreDistinctThan(2) ? ByName["chisquare"] : ByName["z"];
        }
        return numericalWithMany ? ByName["wasserstein"] : ByName["jensenshannon"];
    }
}
