using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Decisions;

/// <summary>Parses the decision options that have a structure of their own.</summary>
internal static partial class DecisionArguments
{
    public static readonly string[] SubjectKinds = ["system", "model", "dataset"];

    /// <summary>Parses <c>kind:ID</c>; reports a usage error otherwise.</summary>
    public static SubjectRef? Subject(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon] : string.Empty;
        var id = colon > 0 ? text[(colon + 1)..] : string.Empty;
        if (!SubjectKinds.Contains(kind, StringComparer.Ordinal) || string.IsNullOrWhiteSpace(id))
        {
            result.AddError($"--subject must be KIND:ID with KIND one of system, model, dataset (got '{text}')");
            return null;
        }

        return new SubjectRef(kind, id);
    }

    public static void ValidateType(OptionResult result)
    {
        if (result.Tokens.Count > 0 && !TypePattern().IsMatch(result.Tokens[0].Value))
        {
            result.AddError($"--type must match ^[a-z][a-z0-9_]{{1,63}}$ (got '{result.Tokens[0].Value}')");
        }
    }

    public static void ValidateRefs(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.IndexOf('=', StringComparison.Ordinal) < 1)
            {
                result.AddError($"--ref must be KEY=VALUE (got '{token.Value}')");
            }
        }
    }

    public static Dictionary<string, string>? Refs(string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (!refs.TryAdd(value[..equals], value[(equals + 1)..]))
            {
                throw new CliException($"--ref {value[..equals]} is given twice");
            }
        }

        return refs;
    }

    /// <summary><c>true</c>/<c>false</c> become a boolean; any other text stays text.</summary>
    public static RiskAcknowledgement? RiskAcknowledged(string? text) => text switch
    {
        null => null,
        _ when bool.TryParse(text, out var flag) => RiskAcknowledgement.FromBoolean(flag),
        _ => RiskAcknowledgement.FromString(text),
    };

    /// <summary>
    /// Each value is a local file (only its SHA-256 is recorded: a local path means nothing to others and
    /// may reveal private directory names), or
    /// <c>URI</c> or <c>URI@SHA256</c> with an absolute URI.
    /// </summary>
    public static async Task<List<Evidence>?> EvidenceAsync(string[]? values, CancellationToken cancellationToken)
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var evidence = new List<Evidence>();
        foreach (var value in values)
        {
            if (File.Exists(value))
            {
                evidence.Add(new Evidence(null, await FileHashes.Sha256HexAsync(Path.GetFullPath(value), cancellationToken)));
                continue;
            }

            var at = value.LastIndexOf('@');
            var (uri, sha256) = at > 0 && Sha256Hex.IsValid(value[(at + 1)..])
                ? (value[..at], value[(at + 1)..].ToLowerInvariant())
                : (value, null);
            if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                throw new CliException($"--evidence '{value}' is neither an existing file nor an absolute URI[@SHA256]");
            }

            evidence.Add(new Evidence(uri, sha256));
        }

        return evidence;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex TypePattern();
}
