using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Monitors;

/// <summary>The files monitors take: their format from <c>--format</c> or the file (a drift profile by its content, else the extension).</summary>
internal static class MonitorFiles
{
    public static Option<string?> FormatOption(bool profiles) => new("--format")
    {
        Description = profiles ? "profile, csv or jsonl (default: a drift profile by content, .jsonl/.ndjson as JSON Lines, else CSV)" : "csv or jsonl (default: .jsonl/.ndjson as JSON Lines, else CSV)",
        HelpName = "FORMAT",
    };

    /// <summary>Opens a file and names its format; errors are one line.</summary>
    public static (FileStream Stream, string Format) Open(string path, string? format, bool profiles)
    {
        if (!File.Exists(path)) throw new CliException($"{path} does not exist");
        var allowed = profiles ? new[] { "profile", "csv", "jsonl" } : ["csv", "jsonl"];
        if (format is not null && !allowed.Contains(format)) throw new CliException($"--format must be {string.Join(", ", allowed)}, not '{format}'");
        format ??= Detect(path, profiles);
        return (File.OpenRead(path), format);
    }

    private static string Detect(string path, bool profiles)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson") return "jsonl";
        if (profiles)
        {
            var head = new char[512];
            using var reader = new StreamReader(path);
            var read = reader.ReadBlock(head, 0, head.Length);
            if (new string(head, 0, read).Contains("steward.drift.profile/", StringComparison.Ordinal)) return "profile";
            if (extension == ".json") throw new CliException($"{path} is not a drift profile (steward drift profile writes one); data files are CSV or JSON Lines");
        }
        return "csv";
    }
}
