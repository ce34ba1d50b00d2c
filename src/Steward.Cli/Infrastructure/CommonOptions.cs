using System.CommandLine;

namespace Steward.Cli.Infrastructure;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text" };

    public static Option<string?> Cursor() => new("--cursor")
    {
        Description = "Start at this cursor (printed after a page that has more)",
        HelpName = "CURSOR",
    };

    public static Option<int?> Limit() => new("--limit")
    {
        Description = "Page size, 1-500 (the server's default is 50)",
        HelpName = "N",
        Validators = { result => Validate.Range(result, 1, 500) },
    };

    public static Option<bool> All() => new("--all") { Description = "Follow cursors and list everything" };
}
