namespace Steward.Pii;

/// <summary>
/// Finds entities of one or more types in a text. Recognizers are immutable and thread-safe: one instance
/// serves every request. <see cref="Analyze"/> must scan cheaply (prefilter candidates with
/// <c>IndexOfAny</c>/<c>SearchValues</c>, validate only candidates) and never throw on odd input.
/// </summary>
public abstract class Recognizer
{
    /// <summary>Creates a recognizer.</summary>
    protected Recognizer(string name, IReadOnlyList<string> supportedEntities, IReadOnlyList<string>? context = null, string language = "en")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (supportedEntities.Count == 0) throw new ArgumentException("A recognizer supports at least one entity type.", nameof(supportedEntities));
        Name = name;
        SupportedEntities = supportedEntities;
        Context = context ?? [];
        SupportedLanguage = language;
    }

    /// <summary>The name reported by <c>GET /recognizers</c> and in explanations.</summary>
    public string Name { get; }

    /// <summary>The entity types it can report.</summary>
    public IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>Words that, found shortly before a result, raise its score (see <see cref="ContextEnhancer"/>).</summary>
    public IReadOnlyList<string> Context { get; }

    /// <summary>The context entries prepared for the enhancer (built on first use).</summary>
    internal ContextWords ContextEntries => _contextEntries ??= ContextWords.Create(Context);

    private ContextWords? _contextEntries;

    /// <summary>The language code it serves (<c>en</c>).</summary>
    public string SupportedLanguage { get; }

    /// <summary>
    /// What a text must contain for this recognizer to report anything in it; the engine skips it for other texts.
    /// Declare only what the code guarantees (a recognizer that reports only at digit runs needs a digit).
    /// </summary>
    private protected virtual TextNeeds Requires => TextNeeds.None;

    /// <summary><see cref="Requires"/>, read once (the engine asks for every recognizer and text).</summary>
    internal TextNeeds Needs => _needs ??= Requires;

    private TextNeeds? _needs;

    /// <summary>
    /// Reports every entity found in <paramref name="context"/>'s text to <paramref name="sink"/>. The sink only
    /// keeps entity types the request asked for; <see cref="ResultSink.Wants"/> lets a recognizer skip work.
    /// </summary>
    public abstract void Analyze(AnalysisContext context, ResultSink sink);
}
