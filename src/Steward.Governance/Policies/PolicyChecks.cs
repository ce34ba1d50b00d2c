using System.Security.Cryptography;
using System.Text;
using Steward.Governance.Errors;

namespace Steward.Governance.Policies;

/// <summary>Validation of module ids, data paths and texts.</summary>
public static class PolicyChecks
{
    /// <summary>Largest module text (characters).</summary>
    public const int MaxModuleLength = 1 << 20;

    /// <summary>Longest module id or data path.</summary>
    public const int MaxIdLength = 256;

    /// <summary>A module id: 1-256 characters of letters, digits and <c>._-/</c>, no empty segment, no <c>..</c>.</summary>
    public static string ModuleId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
            throw new ValidationFailedException("id", $"must be 1 to {MaxIdLength} characters");
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
            || id.Split('/').Any(s => s.Length == 0 || s == "." || s == ".."))
            throw new ValidationFailedException("id", "may hold only letters, digits and . _ - / (no empty, '.' or '..' segment)");
        return id;
    }

    /// <summary>Splits a data path (<c>a/b/c</c>, the empty string for the root) into its segments.</summary>
    public static IReadOnlyList<string> DataPath(string? path)
    {
        path = (path ?? "").Trim('/');
        if (path.Length == 0) return [];
        if (path.Length > MaxIdLength) throw new ValidationFailedException("path", $"must be at most {MaxIdLength} characters");
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0)) throw new ValidationFailedException("path", "must not hold an empty segment");
        if (path.Any(char.IsControl)) throw new ValidationFailedException("path", "must not contain control characters");
        return segments;
    }

    /// <summary>A module's text: not empty, at most <see cref="MaxModuleLength"/> characters.</summary>
    public static string ModuleText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailedException("body", "is required (the Rego module text)");
        if (text.Length > MaxModuleLength) throw new ValidationFailedException("body", $"must be at most {MaxModuleLength} characters");
        return text;
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
