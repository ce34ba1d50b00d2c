namespace Steward.Policy.Decisions;

/// <summary>
/// A document path under <c>data</c>, such as <c>data.ai_policy</c>. Accepts <c>data.a.b</c>, <c>a.b</c> and
/// <c>a/b</c>; every segment is a Rego identifier.
/// </summary>
public sealed class PolicyPath : IEquatable<PolicyPath>
{
    private PolicyPath(string[] segments)
    {
        Segments = segments;
        Dotted = "data." + string.Join('.', segments);
        Slashed = string.Join('/', segments);
    }

    /// <summary>The segments below <c>data</c>.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The path as a Rego reference, e.g. <c>data.ai_policy</c>.</summary>
    public string Dotted { get; }

    /// <summary>The path as OPA's REST API and decision logs write it, e.g. <c>ai_policy</c>.</summary>
    public string Slashed { get; }

    /// <summary>Parses a path.</summary>
    /// <param name="text">The path.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FormatException">The text is not a path below <c>data</c>.</exception>
    public static PolicyPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <summary>Parses a path.</summary>
    /// <param name="text">The path.</param>
    /// <param name="path">The path, when valid.</param>
    /// <param name="error">Why it is not valid.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool TryParse(string? text, out PolicyPath path, out string error)
    {
        path = null!;
        error = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith("data.", StringComparison.Ordinal)) trimmed = trimmed[5..];
        else if (trimmed.StartsWith("data/", StringComparison.Ordinal)) trimmed = trimmed[5..];
        if (trimmed.Length == 0 || trimmed == "data")
        {
            error = $"policy path '{text}' must name a package below data, e.g. data.ai_policy";
            return false;
        }

        var segments = trimmed.Split(trimmed.Contains('/', StringComparison.Ordinal) ? '/' : '.');
        foreach (var segment in segments)
        {
            if (!IsIdentifier(segment))
            {
                error = $"policy path '{text}' has a segment '{segment}' that is not a Rego identifier";
                return false;
            }
        }

        path = new PolicyPath(segments);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(PolicyPath? other) => other is not null && Dotted == other.Dotted;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyPath);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Dotted);

    /// <inheritdoc/>
    public override string ToString() => Dotted;

    private static bool IsIdentifier(string segment) =>
        segment.Length > 0 && (char.IsAsciiLetter(segment[0]) || segment[0] == '_')
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
