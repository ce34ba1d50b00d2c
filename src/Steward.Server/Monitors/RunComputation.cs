using System.Text;
using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Drift.Profiles;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Compares a window's profile with the reference profile under the monitor's definition. A window with fewer rows
/// than the monitor's <c>min_rows</c> (or none) reports "insufficient data", never drift; a column with fewer
/// values than that is noted likewise by the engine. A report the engine cannot compute (a test that needs raw
/// values on a sketched column) is a <c>failed</c> run carrying the error.
/// </summary>
internal static class RunComputation
{
    private const int TopColumns = 5;

    public static RunOutcome Compute(WindowSnapshot snapshot)
    {
        var monitor = snapshot.Monitor;
        var rows = snapshot.Window.Rows;
        if (snapshot.WindowProfile is null || rows < monitor.MinRows)
        {
            var note = new JsonObject
            {
                ["status"] = "insufficient_data", ["note"] = "insufficient data", ["rows"] = rows, ["min_rows"] = monitor.MinRows, ["dataset_drift"] = false,
            };
            return new RunOutcome("insufficient_data", Encoding.UTF8.GetBytes(note.ToJsonString()), null, null, null, [], false, []);
        }
        try
        {
            var reference = Read(snapshot.ReferenceProfile);
            var current = Read(snapshot.WindowProfile);
            var report = WithQuality(DriftEngine.Run(reference, current, Options(monitor, reference)), monitor, snapshot.WindowQuality);
            var drifted = report.Columns.Where(c => c.DriftDetected).ToList();
            var top = drifted.OrderByDescending(Severity).ThenBy(c => c.Column, StringComparer.Ordinal).Take(TopColumns).Select(c => c.Column).ToList();
            var critical = drifted.Where(c => monitor.Columns.TryGetValue(c.Column, out var rule) && rule.Critical).Select(c => c.Column).ToList();
            var breaches = Breaches(report, monitor);
            var status = report.DatasetDrift || critical.Count > 0 || breaches.Count > 0 ? "drift" : "no_drift";
            return new RunOutcome(status, Encoding.UTF8.GetBytes(DriftReportJson.Serialize(report, includeHistograms: true)), report.ShareOfDriftedColumns,
                report.NumberOfDriftedColumns, report.NumberOfColumns, top, report.DatasetDrift, critical, breaches);
        }
        catch (DriftException e)
        {
            var error = new JsonObject { ["status"] = "failed", ["error"] = e.Message, ["dataset_drift"] = false };
            return new RunOutcome("failed", Encoding.UTF8.GetBytes(error.ToJsonString()), null, null, null, [], false, []);
        }
    }

    /// <summary>The engine's options: the monitor's columns (features, or every reference column but the role columns; plus the prediction), rules, share and minimum size.</summary>
    public static DriftOptions Options(DriftMonitor monitor, DriftProfile reference)
    {
        var roles = new HashSet<string>(new[] { monitor.Label, monitor.IdColumn }.OfType<string>().Concat(monitor.Sensitive), StringComparer.Ordinal);
        var features = monitor.Features.Count > 0
            ? monitor.Features
            : reference.Columns.Select(c => c.Name).Where(n => !roles.Contains(n) && n != monitor.Prediction).ToList();
        var columns = monitor.Prediction is { } p ? features.Append(p).ToList() : features.ToList();
        return new DriftOptions
        {
            Columns = columns,
            DriftShare = monitor.DriftShare,
            PerColumn = monitor.Columns.Where(kv => kv.Value.Stattest is not null || kv.Value.Threshold is not null)
                .ToDictionary(kv => kv.Key, kv => new ColumnDriftOptions(kv.Value.Stattest, kv.Value.Threshold), StringComparer.Ordinal),
            MinimumSampleSize = (int)Math.Min(monitor.MinRows, int.MaxValue),
            MaxDegreeOfParallelism = 1,
        };
    }

    /// <summary>
    /// Adds the window's performance and fairness (current side only: the reference is a profile, which keeps no
    /// label–prediction pairs, so the reference side is null and there is no change to report).
    /// </summary>
    public static DriftReport WithQuality(DriftReport report, DriftMonitor monitor, string? state)
    {
        if (state is null || monitor.Label is not { } label || monitor.Prediction is not { } prediction) return report;
        var quality = WindowQuality.FromJson(state);
        if (quality.Performance.Count == 0) return report;
        var performance = new Drift.Performance.PerformanceSection
        {
            Task = quality.Performance.Task, Target = label, Prediction = prediction, PredictionScore = monitor.PredictionScore,
            Current = quality.Performance.Result(), Reference = null,
        };
        var fairness = quality.Fairness.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            var privileged = monitor.Privileged?.GetValueOrDefault(f.Key);
            Drift.Fairness.FairnessReport result;
            try { result = f.Value.Result(privileged); }
            catch (DriftException) { (result, privileged) = (f.Value.Result(), null); } // the privileged group sent no labelled row this window
            return new Drift.Fairness.FairnessSection { Attribute = f.Key, Privileged = privileged, Current = result, Reference = null };
        }).ToList();
        return report with { Performance = performance, Fairness = fairness.Count > 0 ? fairness : null };
    }

    /// <summary>The performance thresholds the window's metrics crossed (a metric that could not be computed crosses none).</summary>
    public static List<string> Breaches(DriftReport report, DriftMonitor monitor)
    {
        if (monitor.PerformanceThresholds is not { } thresholds || report.Performance is not { } performance) return [];
        var breaches = new List<string>();
        foreach (var (metric, value) in performance.Current.Headline())
        {
            if (!thresholds.TryGetValue(metric, out var bound) || !double.IsFinite(value)) continue;
            var maximum = MonitorSpec.MaximumMetrics.Contains(metric, StringComparer.Ordinal);
            if (maximum ? value > bound : value < bound)
                breaches.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{metric} {value:G6} {(maximum ? ">" : "<")} {bound:G6}"));
        }
        return breaches;
    }

    // How far past its threshold a drifted column is: the ratio of score and threshold, in the direction of drift.
    private static double Severity(ColumnDriftResult c)
    {
        if (!double.IsFinite(c.DriftScore) || c.StatTestThreshold <= 0) return double.MaxValue;
        var ratio = c.DriftScore / c.StatTestThreshold;
        return ratio <= 0 ? double.MaxValue : Math.Abs(Math.Log(ratio));
    }

    private static DriftProfile Read(byte[] json)
    {
        using var stream = new MemoryStream(json, writable: false);
        return DriftProfile.ReadFrom(stream);
    }
}
