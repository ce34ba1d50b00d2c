using System.Text.RegularExpressions;

namespace Steward.Pii.Recognizers;

/// <summary>
/// A recognizer made of regular expressions and an optional deny list, as Presidio's <c>PatternRecognizer</c>:
/// used for ad-hoc recognizers in requests and for user-defined ones. Each match gets its pattern's score;
/// a subclass may validate (a pass sets the score to 1, a failure drops the match) or invalidate matches.
/// Built-in recognizers use hand-written scanners instead, for speed.
/// </summary>
public class RegexRecognizer : Recognizer
{
    private readonly (PatternDefinition Definition, Regex Regex)[] _patterns;

    /// <summary>Creates the recognizer; throws <see cref="PiiRequestException"/> when a pattern is invalid or there is nothing to match.</summary>
    public RegexRecognizer(string name, string entity, IReadOnlyList<PatternDefinition> patterns, IReadOnlyList<string>? denyList = null,
        IReadOnlyList<string>? context = null, int regexFlags = PythonRegex.DefaultFlags, double denyListScore = 1.0, string language = "en")
        : base(name, [entity], context, language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        var all = new List<(PatternDefinition, Regex)>();
        foreach (var p in patterns)
        {
            if (string.IsNullOrEmpty(p.Regex)) throw new PiiRequestException($"recognizer '{name}': pattern '{p.Name}' has an empty regex");
            if (p.Score is < 0 or > 1 || double.IsNaN(p.Score)) throw new PiiRequestException($"recognizer '{name}': pattern '{p.Name}' score must be between 0 and 1");
            all.Add((p, PythonRegex.Compile(p.Regex, regexFlags)));
        }
        if (denyList is { Count: > 0 })
        {
            var words = denyList.Where(w => !string.IsNullOrEmpty(w)).Select(Regex.Escape).ToArray();
            if (words.Length > 0)
            {
                // Presidio's deny-list pattern: whole words, case-insensitive by the default flags.
                var regex = $@"(?:^|(?<=\W))({string.Join('|', words)})(?:(?=\W)|$)";
                all.Add((new PatternDefinition("deny_list", regex, denyListScore), PythonRegex.Compile(regex, regexFlags)));
            }
        }
        if (all.Count == 0) throw new PiiRequestException($"recognizer '{name}' needs at least one pattern or a deny list");
        _patterns = [.. all];
        Entity = entity;
    }

    /// <summary>The entity type it reports.</summary>
    public string Entity { get; }

    /// <summary>The patterns, deny list included.</summary>
    public IEnumerable<PatternDefinition> Patterns => _patterns.Select(p => p.Definition);

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(Entity)) return;
        var text = context.Text;
        foreach (var (definition, regex) in _patterns)
        {
            try
            {
                for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                {
                    if (m.Length == 0) continue;
                    var value = m.ValueSpan;
                    var score = definition.Score;
                    var valid = Validate(value);
                    if (valid == false) continue;
                    if (valid == true) score = 1.0;
                    if (Invalidate(value)) continue;
                    sink.Add(this, Entity, m.Index, m.Index + m.Length, score, definition.Name, definition.Regex, valid);
                }
            }
            catch (RegexMatchTimeoutException e)
            {
                throw PythonRegex.TimedOut(definition.Name, e);
            }
        }
    }

    /// <summary>Checks a match: true raises the score to 1, false drops it, null leaves it (the default).</summary>
    protected virtual bool? Validate(ReadOnlySpan<char> match) => null;

    /// <summary>True drops the match (for example an SSN of all equal digits).</summary>
    protected virtual bool Invalidate(ReadOnlySpan<char> match) => false;
}
