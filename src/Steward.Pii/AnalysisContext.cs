using Steward.Pii.Recognizers.Patterns;
using Steward.Pii.Text;

namespace Steward.Pii;

/// <summary>
/// The text under analysis and what recognizers share about it: the word tokens are computed once, on first
/// use, by whichever recognizer asks first.
/// </summary>
public sealed class AnalysisContext
{
    private Token[]? _tokens;

    /// <summary>Token arrays by size, reused from text to text (engine-owned contexts only; see <see cref="Reuse"/>).</summary>
    private Token[]?[]? _tokenArrays;

    /// <summary>Creates a context for one text.</summary>
    public AnalysisContext(string text, string language = "en")
    {
        Text = text;
        Language = language;
    }

    /// <summary>The text.</summary>
    public string Text { get; private set; }

    /// <summary>The language code of the request.</summary>
    public string Language { get; private set; }

    /// <summary>The digit-run index of <see cref="Text"/>, once a recognizer has asked for it.</summary>
    internal NumberIndex? Digits { get; set; }

    /// <summary>A previous text's index whose arrays the next one is built into (engine-owned contexts only).</summary>
    internal NumberIndex? SpareDigits { get; set; }

    /// <summary>
    /// Points this context at another text (the engine reuses one context per thread): everything computed for
    /// the previous text is dropped, the digit-run index's arrays are kept for the next one.
    /// </summary>
    internal void Reuse(string text, string language)
    {
        Text = text;
        Language = language;
        _tokens = null;
        _tokenArrays ??= new Token[]?[MaxReusedTokens + 1];
        _shared?.Clear();
        if (Digits is { Keepable: true } used) SpareDigits = used;
        Digits = null;
    }

    /// <summary>The text's word tokens in order (letters, digits, inner apostrophes and hyphens).</summary>
    public ReadOnlySpan<Token> Tokens => TokenArray;

    /// <summary>Texts with up to this many tokens get a reused token array (most dataset cells; a chat message's dozens).</summary>
    private const int MaxReusedTokens = 64;

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

    /// <summary>
    /// The tokens as an array (shared; do not modify). In the engine's own contexts the array is reused for the
    /// next text with as many tokens, so a recognizer must not keep it beyond its <c>Analyze</c> call.
    /// </summary>
    public Token[] TokenArray => _tokens ??= Tokenizer.Tokenize(Text, _tokenArrays);
}
