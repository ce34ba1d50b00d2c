using System.CommandLine.Parsing;
using System.Globalization;

namespace Steward.Cli.Infrastructure;

/// <summary>Parses times given on the command line; a time without offset is UTC.</summary>
internal static class TimeArgument
{
    public static DateTimeOffset? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        var option = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? "time";
        result.AddError($"{option} must be a time like 2027-01-01T00:00:00Z (got '{text}')");
        return null;
    }
}
