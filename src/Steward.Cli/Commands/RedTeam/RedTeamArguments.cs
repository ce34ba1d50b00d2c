using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Cli.Commands.RedTeam;

/// <summary>Parses and checks red-team options, so bad input is a usage error before anything is sent.</summary>
internal static partial class RedTeamArguments
{
    public static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    public static readonly string[] Statuses = ["open", "mitigated", "risk_accepted"];

    public static void ValidateDate(OptionResult result)
    {
        foreach (var token in result.Tokens)
            if (!DateOnly.TryParseExact(token.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                result.AddError($"{result.IdentifierToken?.Value} must be a date YYYY-MM-DD (got '{token.Value}')");
    }

    public static void ValidateAtlas(OptionResult result)
    {
        foreach (var token in result.Tokens)
            if (!AtlasPattern().IsMatch(token.Value))
                result.AddError($"--atlas must be a MITRE ATLAS technique id like AML.T0043 or AML.T0024.001 (got '{token.Value}')");
    }

    public static void ValidateOwasp(OptionResult result)
    {
        foreach (var token in result.Tokens)
            if (!OwaspPattern().IsMatch(token.Value))
                result.AddError($"--owasp must be LLM01 to LLM10 (got '{token.Value}')");
    }

    /// <summary>A duration: <c>90</c> or <c>90s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>.</summary>
    public static TimeSpan? Duration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var m = DurationPattern().Match(text);
        if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            var duration = m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromSeconds(value),
            };
            if (duration <= TimeSpan.FromHours(24)) return duration;
        }
        var option = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? "duration";
        result.AddError($"{option} must be a duration above 0 and up to 24h like 60s, 500ms, 2m (got '{text}')");
        return null;
    }

    /// <summary>A rate in requests per second: a positive number up to 1000.</summary>
    public static double Rate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1000) return rate;
        result.AddError($"--rate must be a number of requests per second above 0 and up to 1000 (got '{text}')");
        return 0;
    }

    [GeneratedRegex(@"^AML\.T[0-9]{4}(\.[0-9]{3})?$")]
    private static partial Regex AtlasPattern();

    [GeneratedRegex("^LLM(0[1-9]|10)$")]
    private static partial Regex OwaspPattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)?$")]
    private static partial Regex DurationPattern();
}
