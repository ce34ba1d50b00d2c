using System.Text.Json;

namespace Steward.Cli.Infrastructure;

/// <summary>The config file: <c>$STEWARD_CONFIG</c> or <c>~/.config/steward/config.json</c>, holding <c>{"url","api_key"}</c>.</summary>
internal sealed record CliConfig(string Path, string? Url, string? ApiKey)
{
    public static string DefaultPath(CliContext context)
    {
        var explicitPath = context.GetEnvironmentVariable("STEWARD_CONFIG");
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        var home = context.GetEnvironmentVariable("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return System.IO.Path.Combine(home, ".config", "steward", "config.json");
    }

    /// <summary>Reads the config file; a missing file is an empty config, a malformed one an error.</summary>
    public static CliConfig Load(CliContext context)
    {
        var path = DefaultPath(context);
        if (!File.Exists(path))
        {
            return new CliConfig(path, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"config file {path} must hold a JSON object like {{\"url\": ..., \"api_key\": ...}}");
            }

            return new CliConfig(path, ReadString(root, "url", path), ReadString(root, "api_key", path));
        }
        catch (JsonException ex)
        {
            throw new CliException($"config file {path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? ReadString(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new CliException($"config file {path}: \"{name}\" must be a string");
    }
}
