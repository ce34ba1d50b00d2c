using System.Globalization;
using Steward.Probes;
using Steward.Probes.Classifier;
using Steward.Probes.Llm;

namespace Steward.Cli.Commands.RedTeam;

/// <summary>The text summary of a probe run.</summary>
internal static class ProbeOutput
{
    public static void Classifier(TextWriter output, ClassifierReport report)
    {
        Summary(output, report.Summary);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeds: {report.SeedsProbed} of {report.Seeds} probed; perturbations answered: {report.Tried}; flipped: {report.Flips.Count} ({report.FlipRate:P1})"));
        foreach (var flip in report.Flips.Take(20))
            output.WriteLine($"  flip: seed {flip.Seed} {flip.Field} {flip.Kind}: {flip.LabelBefore} -> {flip.LabelAfter}");
        if (report.Flips.Count > 20) output.WriteLine($"  ... and {report.Flips.Count - 20} more");
    }

    public static void Llm(TextWriter output, LlmReport report)
    {
        Summary(output, report.Summary);
        foreach (var (category, run) in report.ProbesRun)
            output.WriteLine($"{category}: {report.Hits.Count(h => h.Category == category)} of {run} probes got through");
        foreach (var hit in report.Hits)
            output.WriteLine($"  through: {hit.ProbeId} ({hit.Detector})");
    }

    private static void Summary(TextWriter output, ProbeSummary summary)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"probe {summary.Kind} {summary.Endpoint}: {summary.Requests} requests, {summary.Errors} errors, {summary.Elapsed.TotalSeconds:0.0}s (rate {summary.RatePerSecond}/s, budget {summary.Budget.TotalSeconds:0.#}s)"));
        if (summary.StoppedEarly) output.WriteLine("stopped early: the time budget ran out before every probe ran");
        foreach (var error in summary.ErrorSamples.Distinct().Take(3)) output.WriteLine($"  error: {error}");
    }
}
