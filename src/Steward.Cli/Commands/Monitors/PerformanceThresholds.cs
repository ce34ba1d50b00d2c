using System.Globalization;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary>
/// <c>--performance-threshold METRIC=X</c>: the monitor's <c>performance_thresholds</c>. The metric decides the
/// direction, as the API does: scores are minimums, <c>mae</c> and <c>rmse</c> maximums. Which metrics suit the
/// monitor's task is the server's check.
/// </summary>
internal static class PerformanceThresholds
{
    /// <summary>Every metric a threshold may name.</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["accuracy", "precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1", "weighted_precision", "weighted_recall",
         "weighted_f1", "micro_precision", "micro_recall", "micro_f1", "roc_auc", "r2", "mae", "rmse"];

    /// <summary>The thresholds, or <see langword="null"/> when none was given.</summary>
    /// <exception cref="CliException">A pair is malformed, names an unknown metric, twice the same one, or a bound that is not a finite number.</exception>
    public static Dictionary<string, double>? Parse(IReadOnlyList<string> pairs)
    {
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1) throw new CliException($"--performance-threshold takes METRIC=X, not '{pair}'");
            var (metric, text) = (pair[..at].Trim(), pair[(at + 1)..].Trim());
            if (!Metrics.Contains(metric, StringComparer.Ordinal))
                throw new CliException($"--performance-threshold {pair}: unknown metric '{metric}' (one of {string.Join(", ", Metrics)})");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new CliException($"--performance-threshold {pair}: '{text}' is not a finite number");
            if (!thresholds.TryAdd(metric, value)) throw new CliException($"--performance-threshold: '{metric}' is given twice");
        }
        return thresholds.Count == 0 ? null : thresholds;
    }
}
