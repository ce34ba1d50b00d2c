using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Assess;

/// <summary>Turns <c>--value</c> text into the answer its question's type takes.</summary>
internal static class AnswerValueParser
{
    /// <summary>
    /// yes_no: yes, no, true, false; number: a number; choice and text: the text; evidence: an existing file (its
    /// SHA-256 is sent, never the path), an https link, or <c>LINK@SHA256</c>; <c>null</c> removes the answer.
    /// </summary>
    public static async Task<JsonNode?> ParseAsync(Question question, string value, CancellationToken cancellationToken)
    {
        if (value == "null") return null;
        switch (question.Type)
        {
            case "yes_no":
                return value.ToLowerInvariant() switch
                {
                    "yes" or "true" or "y" => JsonValue.Create(true),
                    "no" or "false" or "n" => JsonValue.Create(false),
                    _ => throw new CliException($"--value for {question.Id} must be yes or no (got '{value}')"),
                };
            case "number":
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : throw new CliException($"--value for {question.Id} must be a number (got '{value}')");
            case "evidence":
                if (File.Exists(value))
                    return new JsonObject { ["sha256"] = await FileHashes.Sha256HexAsync(Path.GetFullPath(value), cancellationToken) };
                var at = value.LastIndexOf('@');
                var (uri, sha) = at > 0 && Sha256Hex.IsValid(value[(at + 1)..]) ? (value[..at], value[(at + 1)..].ToLowerInvariant()) : (value, null);
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
                    throw new CliException($"--value for {question.Id} must be an existing file, an https link, or LINK@SHA256 (got '{value}')");
                var evidence = new JsonObject { ["uri"] = uri };
                if (sha is not null) evidence["sha256"] = sha;
                return evidence;
            default:
                return JsonValue.Create(value);
        }
    }

    /// <summary>Reads <c>--file</c>: a JSON object of question id to answer, sent as it is.</summary>
    public static async Task<Dictionary<string, JsonNode?>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new CliException($"--file {path} does not exist");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException ex)
        {
            throw new CliException($"--file {path} is not valid JSON: {ex.Message}");
        }
        if (node is not JsonObject answers || answers.Count == 0)
            throw new CliException($"--file {path} must hold a JSON object of question id to answer, e.g. {{\"uses_personal_data\": true}}");
        return answers.ToDictionary(a => a.Key, a => a.Value?.DeepClone(), StringComparer.Ordinal);
    }
}
