using System.Text.RegularExpressions;

namespace Steward.Pii;

/// <summary>
/// Runs the recognizers over a text and returns what they found, as Presidio's <c>AnalyzerEngine</c>: each
/// recognizer whose entity types were asked for scans the text; allow-listed texts are dropped; context words
/// raise scores; a result contained in a better one of the same type is dropped; results below the score
/// threshold are dropped. Results of different types may overlap (the anonymizer resolves that). Thread-safe.
/// </summary>
public sealed class AnalyzerEngine
{
    private readonly ContextEnhancer _enhancer;

    /// <summary>Creates an engine over <paramref name="registry"/>.</summary>
    public AnalyzerEngine(RecognizerRegistry registry, PiiEngineOptions? options = null)
    {
        Registry = registry;
        _enhancer = new ContextEnhancer((options ?? new PiiEngineOptions()).Context);
    }

    /// <summary>An engine with the default recognizers.</summary>
    public static AnalyzerEngine CreateDefault(PiiEngineOptions? options = null) => new(RecognizerRegistry.CreateDefault(options), options);

    /// <summary>The recognizers.</summary>
    public RecognizerRegistry Registry { get; }

    /// <summary>Analyzes one text; throws <see cref="PiiRequestException"/> for an unknown language or entity.</summary>
    public List<RecognizerResult> Analyze(string text, AnalyzeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new AnalyzeOptions();
        var recognizers = Prepare(options, out var wanted);
        return Run(text, options, recognizers, wanted, AllowListRegex(options));
    }

    /// <summary>
    /// The dataset scanner's struct path: as <see cref="Analyze"/>, with the results appended to <paramref name="into"/>
    /// as <see cref="Finding"/>s (same results, same order) instead of result and explanation objects.
    /// </summary>
    internal void AnalyzeCellInto(string text, AnalyzeOptions options, List<Finding> into) => AnalyzeCellInto(text, PrepareCells(options), into);

    /// <summary>
    /// Compiles <paramref name="options"/> once for many texts (a dataset column's cells): the recognizers to run,
    /// the entity filter and the allow-list pattern, which <see cref="Analyze"/> works out per call. Throws
    /// <see cref="PiiRequestException"/> for an unknown language or entity.
    /// </summary>
    internal CellAnalysis PrepareCells(AnalyzeOptions options)
    {
        var recognizers = Prepare(options, out var wanted);
        return new CellAnalysis(options, recognizers, wanted, AllowListRegex(options));
    }

    /// <summary>As <see cref="AnalyzeCellInto(string, AnalyzeOptions, List{Finding})"/>, with the options compiled by <see cref="PrepareCells"/>.</summary>
    internal void AnalyzeCellInto(string text, CellAnalysis prepared, List<Finding> into)
    {
        var sink = RentSink(prepared.Wanted);
        sink.Explains = false; // findings carry entity, span and score only
        var context = RentContext(text, prepared.Options.Language);
        try
        {
            RunRecognizers(prepared.Recognizers, context, sink);
            if (sink.Count == 0) return;
            if (!ObjectPath)
            {
                PendingFinish.Run(_enhancer, text, prepared.Options, sink, prepared.Allow, into);
                return;
            }
            foreach (var r in Finish(text, prepared.Options, sink, prepared.Allow)) into.Add(Finding.Of(r));
        }
        finally
        {
            ReturnContext(context);
            ReturnSink(sink);
        }
    }

    /// <summary>Analyzes several texts with the same options (compiled once), in order.</summary>
    public List<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, AnalyzeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new AnalyzeOptions();
        var recognizers = Prepare(options, out var wanted);
        var allow = AllowListRegex(options);
        var all = new List<List<RecognizerResult>>(texts.Count);
        foreach (var text in texts) all.Add(Run(text ?? throw new PiiRequestException("a text in the batch is null"), options, recognizers, wanted, allow));
        return all;
    }

    private Recognizer[] Prepare(AnalyzeOptions options, out HashSet<string>? wanted)
    {
        var registered = Registry.For(options.Language);
        if (registered.Count == 0)
            throw new PiiRequestException($"language '{options.Language}' is not supported; supported: {string.Join(", ", Registry.Languages)}");
        wanted = null;
        // The common case, nothing to add or filter, runs per cell in a scan: it must not allocate (the lambdas of the
        // other case live in a method of their own, or their closure would be allocated on every call).
        if (options.AdHocRecognizers.Count == 0 && options.Entities is not { Count: > 0 }) return (Recognizer[])registered;
        return Filtered((Recognizer[])registered, options, out wanted);
    }

    private static Recognizer[] Filtered(Recognizer[] registered, AnalyzeOptions options, out HashSet<string>? wanted)
    {
        wanted = null;
        var recognizers = options.AdHocRecognizers.Count == 0 ? registered
            : [.. registered, .. options.AdHocRecognizers.Where(r => r.SupportedLanguage == options.Language)];
        if (options.Entities is { Count: > 0 } entities)
        {
            var supported = recognizers.SelectMany(r => r.SupportedEntities).ToHashSet(StringComparer.Ordinal);
            var unknown = entities.Where(e => !supported.Contains(e)).ToArray();
            if (unknown.Length > 0)
                throw new PiiRequestException($"unknown entit{(unknown.Length == 1 ? "y" : "ies")} {string.Join(", ", unknown)}; supported: {string.Join(", ", supported.Order(StringComparer.Ordinal))}");
            wanted = entities.ToHashSet(StringComparer.Ordinal);
        }
        var w = wanted;
        return w is null ? recognizers : [.. recognizers.Where(r => r.SupportedEntities.Any(w.Contains))];
    }

    private static Regex? AllowListRegex(AnalyzeOptions options)
    {
        if (options.AllowListMatch != AllowListMatch.Regex || options.AllowList.Count == 0) return null;
        return PythonRegex.Compile($"\\A(?:{string.Join('|', options.AllowList.Select(a => $"(?:{a})"))})\\Z", options.RegexFlags);
    }

    private List<RecognizerResult> Run(string text, AnalyzeOptions options, Recognizer[] recognizers, HashSet<string>? wanted, Regex? allowRegex)
    {
        var sink = RentSink(wanted);
        var context = RentContext(text, options.Language);
        try
        {
            RunRecognizers(recognizers, context, sink);
            if (sink.Count == 0) return []; // many texts hold nothing: skip the per-result stages
            return ObjectPath ? Finish(text, options, sink, allowRegex) : PendingFinish.Run(_enhancer, text, options, sink, allowRegex);
        }
        finally
        {
            ReturnContext(context);
            ReturnSink(sink);
        }
    }

    /// <summary>Runs each recognizer whose <see cref="Recognizer.Needs"/> the text meets.</summary>
    private static void RunRecognizers(Recognizer[] recognizers, AnalysisContext context, ResultSink sink)
    {
        var met = TextTraits.Of(context.Text);
        foreach (var recognizer in recognizers)
        {
            if ((recognizer.Needs & ~met) == 0) recognizer.Analyze(context, sink);
        }
    }

    [ThreadStatic]
    private static AnalysisContext? t_context;

    /// <summary>The calling thread's context (taken, so a nested analysis gets its own), pointed at <paramref name="text"/>.</summary>
    private static AnalysisContext RentContext(string text, string language)
    {
        var context = t_context;
        if (context is null) return new AnalysisContext(text, language);
        t_context = null;
        context.Reuse(text, language);
        return context;
    }

    private static void ReturnContext(AnalysisContext context)
    {
        context.Reuse("", "");
        t_context = context;
    }

    /// <summary>
    /// Tests only: finish every analysis on result objects (the original path, which the struct path falls back to
    /// when results of one type overlap), to compare the two.
    /// </summary>
    internal bool ObjectPath { get; init; }

    [ThreadStatic]
    private static ResultSink? t_sink;

    /// <summary>The calling thread's sink (taken, so a nested analysis gets its own), emptied for this request.</summary>
    private static ResultSink RentSink(HashSet<string>? wanted)
    {
        var sink = t_sink ?? ResultSink.Sharing(wanted);
        t_sink = null;
        sink.Reset(wanted);
        return sink;
    }

    private static void ReturnSink(ResultSink sink)
    {
        sink.Reset(null);
        t_sink = sink;
    }

    /// <summary>The original path: every result as an object, then context, duplicate removal, threshold, order.</summary>
    internal List<RecognizerResult> Finish(string text, AnalyzeOptions options, ResultSink sink, Regex? allowRegex)
    {
        var all = sink.Results;
        var kept = new List<RecognizerResult>(all.Count);
        var sources = new List<Recognizer>(all.Count);
        var allowExact = AllowExact(options);
        for (var i = 0; i < all.Count; i++)
        {
            var r = all[i];
            if (IsDropped(text, r.Start, r.End, allowExact, allowRegex)) continue;
            kept.Add(r);
            sources.Add(sink.SourceOf(i));
        }

        _enhancer.Enhance(text, kept, i => sources[i], options.Context);
        var results = RemoveDuplicates(kept);
        results.RemoveAll(r => r.Score < options.ScoreThreshold);
        results.Sort(ResultOrder.Compare);
        return results;
    }

    /// <summary>The request's exact allow list as a set, or null.</summary>
    internal static HashSet<string>? AllowExact(AnalyzeOptions options) =>
        options.AllowListMatch == AllowListMatch.Exact && options.AllowList.Count > 0 ? options.AllowList.ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>True when a reported span is out of range or allow-listed.</summary>
    internal static bool IsDropped(string text, int start, int end, HashSet<string>? allowExact, Regex? allowRegex)
    {
        if (end > text.Length) return true;
        if (allowExact is not null && allowExact.Contains(text[start..end])) return true;
        return allowRegex is not null && IsAllowed(allowRegex, text[start..end]);
    }

    private static bool IsAllowed(Regex allow, string value)
    {
        try
        {
            return allow.IsMatch(value);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw PythonRegex.TimedOut("allow_list", e);
        }
    }

    /// <summary>
    /// Presidio's duplicate removal: best score first (then earlier, then longer); a result is dropped when its
    /// score is 0, or when it lies within a better-ranked result of the same entity type (containment is
    /// transitive, so "within a kept result" and "within any better-ranked result" drop the same results).
    /// O(n log n): per type, a Fenwick tree over start positions answers "the furthest end among better-ranked
    /// results starting at or before here".
    /// </summary>
    internal static List<RecognizerResult> RemoveDuplicates(List<RecognizerResult> results)
    {
        var ranked = results.Where(r => r.Score > 0).ToArray();
        Array.Sort(ranked, static (a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            if (c != 0) return c;
            c = a.Start.CompareTo(b.Start);
            return c != 0 ? c : b.Length.CompareTo(a.Length);
        });
        var kept = new List<RecognizerResult>(ranked.Length);
        foreach (var group in ranked.GroupBy(r => r.EntityType, StringComparer.Ordinal))
        {
            var members = group.ToArray(); // still in rank order
            if (members.Length == 1)
            {
                kept.Add(members[0]);
                continue;
            }
            var starts = members.Select(m => m.Start).Distinct().Order().ToArray();
            var furthest = new int[starts.Length + 1];
            Array.Fill(furthest, int.MinValue);
            foreach (var r in members)
            {
                var position = Array.BinarySearch(starts, r.Start) + 1; // 1-based
                var maxEnd = int.MinValue;
                for (var i = position; i > 0; i -= i & -i) maxEnd = Math.Max(maxEnd, furthest[i]);
                if (maxEnd >= r.End) continue; // a better-ranked result of this type starts at or before and ends at or after
                kept.Add(r);
                for (var i = position; i < furthest.Length; i += i & -i) furthest[i] = Math.Max(furthest[i], r.End);
            }
        }
        return kept;
    }
}
