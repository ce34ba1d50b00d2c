using System.CommandLine.Parsing;

namespace Steward.Cli.Infrastructure;

/// <summary>Option validators that report through the parser, so bad input is a usage error.</summary>
internal static class Validate
{
    public static void Range(OptionResult result, long min, long max)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var text = result.Tokens[^1].Value;
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            result.AddError($"{result.IdentifierToken?.Value ?? "option"} must be a whole number from {min} to {max} (got '{text}')");
        }
    }
}
