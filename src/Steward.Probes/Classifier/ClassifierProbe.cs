using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Probes.Http;
using Steward.Probes.Llm;

namespace Steward.Probes.Classifier;

/// <summary>
/// Robustness probe for classifier endpoints: gets the prediction for each seed input, then for each small
/// perturbation of it, and reports the perturbations that changed the predicted label. One finding (MITRE ATLAS
/// AML.T0043 Craft Adversarial Data) when any flipped, its severity set by the flip rate: at least 20% high, at least
/// 5% medium, below that low.
/// </summary>
public sealed class ClassifierProbe(HttpClient http, TimeProvider time)
{
    /// <summary>The default output path: the <c>prediction</c> member of the answer.</summary>
    public const string DefaultOutputPath = "$.prediction";

    private const int MaxListed = 50;

    /// <summary>Runs the probe over the seeds (each a request body, or the value put into the request template).</summary>
    /// <param name="options">Endpoint, rate, budget, template and output path.</param>
    /// <param name="seeds">The seed inputs.</param>
    /// <param name="randomSeed">Seed of the perturbations' random choices.</param>
    /// <param name="progress">Told after each request.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<ClassifierReport> RunAsync(ProbeOptions options, IReadOnlyList<JsonNode> seeds, int randomSeed = 1,
        IProgress<ProbeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeds);
        var template = options.RequestTemplate is null ? null : RequestTemplate.Parse(options.RequestTemplate);
        var output = JsonPath.Parse(options.OutputPath ?? DefaultOutputPath);
        var perturber = new Perturber(randomSeed);
        var plan = seeds.Select(s => perturber.Perturb(s).ToList()).ToList();
        using var session = new ProbeSession(options, http, time, template, output) { Progress = progress, Planned = seeds.Count + plan.Sum(p => p.Count) };
        var flips = new List<Flip>();
        int probed = 0, tried = 0;
        for (var s = 0; s < seeds.Count && !session.StoppedEarly; s++)
        {
            var baseline = await session.AskAsync(seeds[s], cancellationToken).ConfigureAwait(false);
            if (baseline is null) continue;
            probed++;
            var before = Label(baseline);
            foreach (var p in plan[s])
            {
                var answer = await session.AskAsync(p.Input, cancellationToken).ConfigureAwait(false);
                if (session.StoppedEarly) break;
                if (answer is null) continue;
                tried++;
                var after = Label(answer);
                if (after != before) flips.Add(new Flip(s, p.Field, p.Kind, Excerpt(p.Original), Excerpt(p.Perturbed), before, after));
            }
        }

        var summary = new ProbeSummary("classifier", options.Endpoint.ToString(), session.Requests, session.Errors, session.ErrorSamples.ToList(),
            session.StoppedEarly, session.Elapsed, options.Budget, options.RatePerSecond);
        var report = new ClassifierReport(summary, seeds.Count, probed, tried, flips, null);
        return flips.Count == 0 ? report : report with { Finding = Propose(report) };
    }

    /// <summary>The label as text: a string as is, anything else as its JSON.</summary>
    private static string Label(JsonNode answer) =>
        answer.GetValueKind() == JsonValueKind.String ? answer.GetValue<string>() : answer.ToJsonString();

    private static string Excerpt(string text)
    {
        var redacted = Pii.Redact(text);
        return redacted.Length > 80 ? redacted[..80] + "…" : redacted;
    }

    private static ProposedFinding Propose(ClassifierReport report)
    {
        var rate = report.FlipRate;
        var severity = rate >= 0.20 ? "high" : rate >= 0.05 ? "medium" : "low";
        var percent = (rate * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            Small input perturbations changed the predicted label of {report.Summary.Endpoint}: {report.Flips.Count} of {report.Tried} perturbed inputs flipped ({percent}%), over {report.SeedsProbed} seed inputs.
            Perturbations that flipped the label:

            """);
        foreach (var f in report.Flips.Take(MaxListed))
            text.AppendLine(CultureInfo.InvariantCulture, $"- seed {f.Seed}, {f.Field}, {f.Kind}: \"{f.Original}\" -> \"{f.Perturbed}\": {f.LabelBefore} -> {f.LabelAfter}");
        if (report.Flips.Count > MaxListed) text.AppendLine(CultureInfo.InvariantCulture, $"- ... and {report.Flips.Count - MaxListed} more");
        if (report.Summary.StoppedEarly) text.AppendLine("The run stopped early (time budget spent): not every perturbation was tried.");
        return new ProposedFinding($"Predictions flip under small input perturbations ({percent}% of {report.Tried})", text.ToString().TrimEnd(),
            severity, ["AML.T0043"], [], "probe:classifier");
    }
}
