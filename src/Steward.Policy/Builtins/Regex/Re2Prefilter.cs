using System.Buffers;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// A literal prefilter for a translated pattern, as RE2 and Rust's regex use: a set of strings such that every
/// match contains at least one of them. A text that contains none cannot match, which one vectorised
/// multi-string search (<see cref="SearchValues{T}"/>) tells far faster than running the automaton over it.
/// Word lists (<c>(?i)\b(idiot|moron|...)\b</c>-like patterns) are the typical beneficiary.
/// </summary>
/// <remarks>
/// The analysis is conservative: any construct it does not know makes that part "no requirement", so the
/// prefilter can only say "cannot match" when that is certain. Case-insensitive literals are only searched as
/// such when they and the text are ASCII (Unicode case folding maps <c>k</c> to the Kelvin sign, for one);
/// otherwise the prefilter steps aside and the regex decides.
/// </remarks>
internal sealed partial class Re2Prefilter
{
    private const int MaxStrings = 64;
    private const int MaxLength = 64;

    private readonly SearchValues<string> _values;
    private readonly bool _ignoreCase;

    private Re2Prefilter(SearchValues<string> values, bool ignoreCase)
    {
        _values = values;
        _ignoreCase = ignoreCase;
    }

    /// <summary>The required literals of a match, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Literals { get; private init; } = [];

    /// <summary>Whether the search ignores (ASCII) case.</summary>
    public bool IgnoreCase => _ignoreCase;

    /// <summary>Builds the prefilter of a translated (.NET syntax) pattern; null when no useful literal set exists.</summary>
    public static Re2Prefilter? Create(string translated)
    {
        var parser = new Parser(translated);
        Info info;
        try
        {
            info = parser.Alternation();
            if (parser.Position != translated.Length)
            {
                return null;
            }
        }
        catch (NotSupportedException)
        {
            return null;
        }

        var required = info.Required;
        if (required is null || required.Count == 0 || required.Any(s => s.Length == 0))
        {
            return null;
        }

        var ignoreCase = parser.SawIgnoreCase;
        if (ignoreCase && required.Any(s => !Ascii.IsValid(s)))
        {
            return null;
        }

        var literals = required.Order(StringComparer.Ordinal).ToArray();
        var values = SearchValues.Create(literals, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return new Re2Prefilter(values, ignoreCase) { Literals = literals };
    }

    /// <summary>False when the text certainly has no match; true when it may have one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="knownAscii">True when the caller already knows the text is ASCII (then it is not checked again).</param>
    public bool MayMatch(ReadOnlySpan<char> text, bool knownAscii = false)
    {
        if (_ignoreCase && !knownAscii && !Ascii.IsValid(text))
        {
            return true;
        }

        return text.IndexOfAny(_values) >= 0;
    }

    /// <summary>
    /// What is known of the strings a sub-pattern matches: <see cref="Exact"/>, all of them (a small finite
    /// set), or null; <see cref="Required"/>, strings of which every match contains one, or null.
    /// </summary>
    private sealed record Info(HashSet<string>? Exact, HashSet<string>? Required)
    {
        public static readonly Info Unknown = new(null, null);

        public static Info ZeroWidth => new([string.Empty], null);

        public static Info Literal(string s) => new([s], [s]);
    }

    private static int Score(HashSet<string>? set) => set is null || set.Count == 0 ? -1 : set.Min(s => s.Length) * 1000 - set.Count;

    private static HashSet<string>? Better(HashSet<string>? a, HashSet<string>? b) => Score(b) > Score(a) ? b : a;

    private static HashSet<string>? Useful(HashSet<string>? set) => set is null || set.Count == 0 || set.Contains(string.Empty) ? null : set;
}
