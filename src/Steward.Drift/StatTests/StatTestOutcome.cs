namespace Steward.Drift.StatTests;

/// <summary>What a test computed: the score compared with the threshold (a p-value or a distance) and the test statistic, if it has one apart from the score.</summary>
internal readonly record struct StatTestOutcome(double Score, double? Statistic = null);
