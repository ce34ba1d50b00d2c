using System.Text.RegularExpressions;

namespace Steward.Governance.Errors;

/// <summary>Collects field errors of one request and throws them together.</summary>
public sealed partial class Check
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Records an error for a field.</summary>
    public Check Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Required single-line text of at most <paramref name="max"/> characters; returns it trimmed.</summary>
    public string Required(string field, string? value, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Fail(field, "is required"); return ""; }
        return Text(field, value, max) ?? "";
    }

    /// <summary>Optional text of at most <paramref name="max"/> characters (multi-line when max &gt; 200); returns it trimmed.</summary>
    public string? Text(string field, string? value, int max = 200)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) Fail(field, $"must be at most {max} characters");
        if (trimmed.Any(c => char.IsControl(c) && !(max > 200 && c is '\n' or '\r' or '\t')))
            Fail(field, "must not contain control characters");
        return trimmed;
    }

    /// <summary>Value must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required) Fail(field, $"is required (one of {string.Join(", ", allowed)})");
            return null;
        }
        if (!allowed.Contains(value)) Fail(field, $"must be one of {string.Join(", ", allowed)}");
        return value;
    }

    /// <summary>Lowercase hex SHA-256 digest.</summary>
    public string? Sha256(string field, string? value)
    {
        if (value is null) return null;
        if (!Sha256Pattern().IsMatch(value)) Fail(field, "must be a SHA-256 digest: 64 hexadecimal characters");
        return value.ToLowerInvariant();
    }

    /// <summary>Absolute URI.</summary>
    public string? Uri(string field, string? value)
    {
        if (value is null) return null;
        if (value.Length > 2048 || !System.Uri.TryCreate(value, UriKind.Absolute, out _)) Fail(field, "must be an absolute URI");
        return value;
    }

    /// <summary>Throws when any error was recorded.</summary>
    public void ThrowIfFailed()
    {
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
