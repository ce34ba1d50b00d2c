using System.Diagnostics;

namespace Steward.Pii.Evaluation;

/// <summary>
/// Scores the analyzer against labelled data: labels are renamed by the label map; only types both labelled and
/// reported are scored (or those asked for); predictions below the score threshold are ignored and overlapping
/// predictions of different types are reduced to the best one; adjacent spans of one type are merged on both
/// sides; a prediction is a hit when its type matches and its trimmed overlap (intersection over union) with a
/// gold span is at least 0.9, each span used once. Precision, recall and F2 are micro-averaged for the overall.
/// </summary>
public static class PiiEvaluator
{
    /// <summary>Runs the evaluation.</summary>
    public static EvaluationReport Evaluate(AnalyzerEngine engine, IReadOnlyList<LabeledSample> samples, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        var supported = engine.Registry.EntitiesFor("en").ToHashSet(StringComparer.Ordinal);
        var mapped = samples.Select(s => (Sample: s, Gold: s.Spans.Select(g => g with { EntityType = Map(options, g.EntityType) }).ToList())).ToList();
        var labelled = mapped.SelectMany(m => m.Gold).GroupBy(g => g.EntityType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        HashSet<string> scored;
        if (options.Entities is { Count: > 0 } asked)
        {
            var unknown = asked.Where(e => !supported.Contains(e)).ToArray();
            if (unknown.Length > 0)
                throw new PiiRequestException($"the analyzer does not report {string.Join(", ", unknown)}; it reports: {string.Join(", ", supported.Order(StringComparer.Ordinal))}");
            scored = asked.ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            scored = labelled.Keys.Where(supported.Contains).ToHashSet(StringComparer.Ordinal);
            if (scored.Count == 0)
                throw new PiiRequestException($"no label of the data is an entity type the analyzer reports (labels: {string.Join(", ", labelled.Keys.Order(StringComparer.Ordinal))})");
        }

        var perEntity = scored.ToDictionary(e => e, _ => new EntityScore(), StringComparer.Ordinal);
        var errors = new List<EvaluationError>();
        var errorCounts = new Dictionary<(string, string), int>();
        var analyzeOptions = new AnalyzeOptions { Entities = scored };
        long characters = 0;
        long ticks = 0;
        foreach (var (sample, goldAll) in mapped)
        {
            characters += sample.Text.Length;
            var started = Stopwatch.GetTimestamp();
            var results = engine.Analyze(sample.Text, analyzeOptions);
            ticks += Stopwatch.GetTimestamp() - started;

            var predicted = ResultOverlaps.KeepBest(results.Where(r => r.Score >= options.ScoreThreshold))
                .Select(r => new LabeledSpan(r.EntityType, r.Start, r.End));
            var gold = goldAll.Where(g => scored.Contains(g.EntityType));
            var goldList = options.MergeAdjacent ? SpanMatching.MergeAdjacent(sample.Text, gold) : gold.ToList();
            var predictedList = options.MergeAdjacent ? SpanMatching.MergeAdjacent(sample.Text, predicted) : predicted.ToList();

            var hits = SpanMatching.Match(sample.Text, goldList, predictedList, options.MinOverlap);
            var hitGold = hits.Select(h => h.Gold).ToHashSet();
            var hitPredicted = hits.Select(h => h.Predicted).ToHashSet();
            for (var g = 0; g < goldList.Count; g++)
            {
                var score = perEntity[goldList[g].EntityType];
                if (hitGold.Contains(g)) score.TruePositives++;
                else
                {
                    score.FalseNegatives++;
                    Keep(errors, errorCounts, options, sample, goldList[g], "missed");
                }
            }
            for (var p = 0; p < predictedList.Count; p++)
            {
                if (hitPredicted.Contains(p)) continue;
                perEntity[predictedList[p].EntityType].FalsePositives++;
                Keep(errors, errorCounts, options, sample, predictedList[p], "spurious");
            }
        }

        var overall = new EntityScore();
        foreach (var score in perEntity.Values) overall.Add(score);
        return new EvaluationReport
        {
            Samples = samples.Count,
            Characters = characters,
            AnalysisTime = Stopwatch.GetElapsedTime(0, ticks),
            Beta = options.Beta,
            PerEntity = new SortedDictionary<string, EntityScore>(perEntity, StringComparer.Ordinal),
            Overall = overall,
            NotScored = new SortedDictionary<string, int>(labelled.Where(l => !scored.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal),
            Errors = errors,
        };
    }

    private static string Map(EvaluationOptions options, string label) =>
        options.LabelMap.TryGetValue(label, out var mapped) ? mapped : label.ToUpperInvariant();

    private static void Keep(List<EvaluationError> errors, Dictionary<(string, string), int> counts, EvaluationOptions options, LabeledSample sample, LabeledSpan span, string kind)
    {
        if (options.ErrorExamples <= 0) return;
        var key = (span.EntityType, kind);
        counts.TryGetValue(key, out var n);
        if (n >= options.ErrorExamples) return;
        counts[key] = n + 1;
        var from = Math.Max(0, span.Start - 40);
        var to = Math.Min(sample.Text.Length, span.End + 40);
        var context = sample.Text[from..span.Start] + "[[" + sample.Text[span.Start..span.End] + "]]" + sample.Text[span.End..to];
        errors.Add(new EvaluationError(sample.Index, span.EntityType, kind, sample.Text[span.Start..span.End], context.ReplaceLineEndings(" ⏎ ")));
    }
}
