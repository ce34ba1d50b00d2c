using Steward.Pii.Text;

namespace Steward.Pii;

/// <summary>
/// The text under analysis and what recognizers share about it: the word tokens are computed once, on first
/// use, by whichever recognizer asks first.
/// </summary>
public sealed class AnalysisContext
{
    private Token[]? _tokens;

    /// <summary>Creates a context for one text.</summary>
    public AnalysisContext(string text, string language = "en")
    {
        Text = text;
        Language = language;
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The language code of the request.</summary>
    public string Language { get; }

    /// <summary>The text's word tokens in order (letters, digits, inner apostrophes and hyphens).</summary>
    public ReadOnlySpan<Token> Tokens => _tokens ??= Tokenizer.Tokenize(Text);

    /// <summary>Per-analysis data that recognizers share, one object per type (see <see cref="Shared{T}"/>).</summary>
    private List<object>? _shared;

    /// <summary>
    /// The one instance of <typeparamref name="T"/> for this text, created by <paramref name="factory"/> on first
    /// use (the pattern recognizers share their digit-run index this way). Not thread-safe: one analysis runs on
    /// one thread.
    /// </summary>
    internal T Shared<T>(Func<string, T> factory) where T : class
    {
        _shared ??= new List<object>(2);
        foreach (var item in _shared)
        {
            if (item is T existing) return existing;
        }
        var created = factory(Text);
        _shared.Add(created);
        return created;
    }

    /// <summary>The tokens as an array (shared; do not modify).</summary>
    public Token[] TokenArray => _tokens ??= Tokenizer.Tokenize(Text);
}
