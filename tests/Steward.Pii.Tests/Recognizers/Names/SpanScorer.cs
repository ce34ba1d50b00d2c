using System.Text.Json;

namespace Steward.Pii.Tests.Recognizers.Names;

/// <summary>A labelled sample in presidio-research's JSON shape.</summary>
internal sealed record LabelledSample(string FullText, List<LabelledSpan> Spans);

/// <summary>A gold span.</summary>
internal sealed record LabelledSpan(string EntityType, int Start, int End);

/// <summary>
/// Scores the name recognizers the way the engine's evaluator does: ADDRESS counts as LOCATION, adjacent gold spans
/// of one type (only white space or punctuation between) are merged, and a prediction matches a gold span of its type
/// when their intersection over union, ignoring surrounding white space and punctuation, is at least 0.9.
/// </summary>
internal static class SpanScorer
{
    public static readonly string[] Types = ["PERSON", "LOCATION", "NRP", "ORGANIZATION"];

    public static List<LabelledSample> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var samples = new List<LabelledSample>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var spans = e.GetProperty("spans").EnumerateArray().Select(s => new LabelledSpan(
                s.GetProperty("entity_type").GetString()!, s.GetProperty("start_position").GetInt32(), s.GetProperty("end_position").GetInt32())).ToList();
            samples.Add(new LabelledSample(e.GetProperty("full_text").GetString()!, spans));
        }
        return samples;
    }

    public static List<LabelledSpan> Gold(LabelledSample sample)
    {
        var spans = sample.Spans.Select(s => s with { EntityType = s.EntityType == "ADDRESS" ? "LOCATION" : s.EntityType })
            .OrderBy(s => s.Start).ToList();
        var merged = new List<LabelledSpan>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && merged[^1].EntityType == s.EntityType && merged[^1].End <= s.Start
                && sample.FullText.AsSpan(merged[^1].End, s.Start - merged[^1].End).ToString().All(c => !char.IsLetterOrDigit(c)))
                merged[^1] = merged[^1] with { End = s.End };
            else merged.Add(s);
        }
        return merged;
    }

    public static bool Match(string text, (int Start, int End) a, (int Start, int End) b)
    {
        var (s1, e1) = Trim(text, a.Start, a.End);
        var (s2, e2) = Trim(text, b.Start, b.End);
        var inter = Math.Max(0, Math.Min(e1, e2) - Math.Max(s1, s2));
        var union = Math.Max(e1, e2) - Math.Min(s1, s2);
        return union > 0 && inter / (double)union >= 0.9;
    }

    private static (int, int) Trim(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        while (start < end && !char.IsLetterOrDigit(text[start])) start++;
        while (end > start && !char.IsLetterOrDigit(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>Per type (and "ALL" over the four): true positives, false positives, false negatives.</summary>
    public static Dictionary<string, (int Tp, int Fp, int Fn)> Score(IEnumerable<LabelledSample> samples, Func<string, List<RecognizerResult>> analyze, Action<string>? log = null)
    {
        var counts = Types.Append("ALL").ToDictionary(t => t, _ => (Tp: 0, Fp: 0, Fn: 0));
        foreach (var sample in samples)
        {
            var gold = Gold(sample).Where(g => Types.Contains(g.EntityType)).ToList();
            var predicted = analyze(sample.FullText).Where(p => Types.Contains(p.EntityType)).ToList();
            var used = new bool[gold.Count];
            foreach (var p in predicted)
            {
                var hit = gold.FindIndex(g => !used[gold.IndexOf(g)] && g.EntityType == p.EntityType && Match(sample.FullText, (g.Start, g.End), (p.Start, p.End)));
                if (hit >= 0) { used[hit] = true; Add(counts, p.EntityType, 1, 0, 0); }
                else
                {
                    Add(counts, p.EntityType, 0, 1, 0);
                    log?.Invoke($"FP {p.EntityType} '{sample.FullText[p.Start..p.End].Replace('\n', '⏎')}' ({p.Explanation.PatternName})  in: {Clip(sample.FullText)}");
                }
            }
            for (var k = 0; k < gold.Count; k++)
            {
                if (used[k]) continue;
                Add(counts, gold[k].EntityType, 0, 0, 1);
                log?.Invoke($"FN {gold[k].EntityType} '{sample.FullText[gold[k].Start..gold[k].End].Replace('\n', '⏎')}'  in: {Clip(sample.FullText)}");
            }
        }
        return counts;
    }

    public static double F2((int Tp, int Fp, int Fn) c)
    {
        var p = c.Tp + c.Fp == 0 ? 0 : c.Tp / (double)(c.Tp + c.Fp);
        var r = c.Tp + c.Fn == 0 ? 0 : c.Tp / (double)(c.Tp + c.Fn);
        return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
    }

    public static string Report(Dictionary<string, (int Tp, int Fp, int Fn)> counts) =>
        string.Join("\n", counts.Select(kv => $"{kv.Key,-13} tp={kv.Value.Tp,4} fp={kv.Value.Fp,4} fn={kv.Value.Fn,4} F2={F2(kv.Value):0.000}"));

    private static void Add(Dictionary<string, (int Tp, int Fp, int Fn)> counts, string type, int tp, int fp, int fn)
    {
        var c = counts[type];
        counts[type] = (c.Tp + tp, c.Fp + fp, c.Fn + fn);
        var all = counts["ALL"];
        counts["ALL"] = (all.Tp + tp, all.Fp + fp, all.Fn + fn);
    }

    private static string Clip(string text) => text.Length > 160 ? text[..160].Replace('\n', '⏎') + "…" : text.Replace('\n', '⏎');
}
