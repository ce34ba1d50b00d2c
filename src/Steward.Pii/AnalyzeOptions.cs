namespace Steward.Pii;

/// <summary>What one analysis request asks for, as Presidio's <c>/analyze</c> request fields.</summary>
public sealed class AnalyzeOptions
{
    /// <summary>The language code (<c>en</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Entity types to report; null or empty reports all supported types.</summary>
    public IReadOnlyCollection<string>? Entities { get; init; }

    /// <summary>Results scoring below this are dropped (Presidio's default is 0).</summary>
    public double ScoreThreshold { get; init; }

    /// <summary>Recognizers for this request only (Presidio's <c>ad_hoc_recognizers</c>).</summary>
    public IReadOnlyList<Recognizer> AdHocRecognizers { get; init; } = [];

    /// <summary>Extra context words that count as if they stood before every result (read once per options object).</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    private RequestContext? _normalizedContext;

    /// <summary><see cref="Context"/> normalized for the enhancer, computed on first use (a dataset scan analyses every cell of a column with one options object).</summary>
    internal RequestContext NormalizedContext => _normalizedContext ??= new RequestContext(ContextEnhancer.NormalizeRequest(Context));

    /// <summary>Texts never reported (Presidio's <c>allow_list</c>).</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>How allow-list entries are compared.</summary>
    public AllowListMatch AllowListMatch { get; init; } = AllowListMatch.Exact;

    /// <summary>Python <c>re</c> flags for allow-list regexes (IGNORECASE 2, MULTILINE 8, DOTALL 16); Presidio's default is 26.</summary>
    public int RegexFlags { get; init; } = PythonRegex.DefaultFlags;
}
