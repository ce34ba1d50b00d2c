using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Steward.Policy.Decisions;

namespace Steward.Cli.Commands.Sidecar;

/// <summary>The options of <c>steward sidecar</c>, each validated by the parser so a bad one is one usage line.</summary>
internal sealed class SidecarOptionSet
{
    public Option<string> Listen { get; } = Url("--listen", "Address to listen on, e.g. http://127.0.0.1:8080", required: true);

    public Option<string> Upstream { get; } = Url("--upstream", "The model endpoint to forward to, e.g. http://127.0.0.1:9000", required: true);

    public Option<string> Policy { get; } = new("--policy")
    {
        Description = "Policy package to decide (default data.ai_policy)",
        HelpName = "PATH",
        DefaultValueFactory = _ => "data.ai_policy",
    };

    public Option<string?> Bundle { get; } = new("--bundle") { Description = "Directory of .rego and data.json/data.yaml files (embedded engine)", HelpName = "DIR" };

    public Option<string?> OpaUrl { get; } = Url("--opa-url", "Decide with a remote OPA server instead of the embedded engine", required: false)!;

    public Option<string?> Server { get; } = Url("--server", "Steward server that receives decision logs (POST /logs)", required: false)!;

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key for --server [env STEWARD_API_KEY]", HelpName = "KEY" };

    public Option<bool> CheckRequest { get; } = new("--check-request") { Description = "Decide the request too, before forwarding it" };

    public Option<string?> SampleAllows { get; } = new("--sample-allows") { Description = "Share of allowed decisions to record, 0 to 1 (default 0; every denial is recorded)", HelpName = "F" };

    public Option<string?> TimeoutMs { get; } = new("--timeout-ms") { Description = "Decision time limit in ms (default 50 embedded, 250 remote OPA); past it the response is withheld", HelpName = "N" };

    public Option<string?> UpstreamTimeoutMs { get; } = new("--upstream-timeout-ms") { Description = "How long the upstream may stay silent, in ms (default 100000); then 504", HelpName = "N" };

    public Option<string?> MaxBodyBytes { get; } = new("--max-body-bytes") { Description = "Largest request or response body inspected (default 4194304); a larger response is withheld (502)", HelpName = "N" };

    public Option<bool> InlineIo { get; } = new("--inline-io") { Description = "Handle requests on the socket threads (default true: a fifth to a half less CPU per request; false when decisions regularly take milliseconds, since a slow one delays the other connections of its thread)", DefaultValueFactory = _ => true, HelpName = "true|false" };

    public Option<string?> MaxUpstreamConnections { get; } = new("--max-upstream-connections") { Description = "Most connections open to the upstream at once (default 256); more requests wait for one", HelpName = "N" };

    public Option<string?> Model { get; } = new("--model") { Description = "Model name in the policy input (default: the request body's \"model\")", HelpName = "NAME" };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "Endpoint name in the policy input and decision logs (default: the upstream host:port)", HelpName = "NAME" };

    public Option<string?> DecisionLog { get; } = new("--decision-log") { Description = "Also append recorded decisions to this file, one JSON line each", HelpName = "FILE" };

    public Option<string?> Monitor { get; } = new("--monitor") { Description = "Drift monitor on --server that receives sampled {request, prediction} rows as JSON Lines batches", HelpName = "ID" };

    public Option<string?> MonitorSample { get; } = new("--monitor-sample") { Description = "Share of responses sent to --monitor, 0 to 1 (default 1)", HelpName = "F" };

    public SidecarOptionSet()
    {
        MonitorSample.Validators.Add(r => Check(r, v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1
                ? null : $"--monitor-sample must be a number from 0 to 1 (got '{v}')"));
        Policy.Validators.Add(r => Check(r, v => PolicyPath.TryParse(v, out _, out var error) ? null : error));
        Bundle.Validators.Add(r => Check(r, v => Directory.Exists(v) ? null : $"--bundle {v} is not a directory"));
        SampleAllows.Validators.Add(r => Check(r, v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1
                ? null : $"--sample-allows must be a number from 0 to 1 (got '{v}')"));
        TimeoutMs.Validators.Add(r => Check(r, v => WholeNumber("--timeout-ms", v, 1, 60_000)));
        UpstreamTimeoutMs.Validators.Add(r => Check(r, v => WholeNumber("--upstream-timeout-ms", v, 1, 3_600_000)));
        MaxBodyBytes.Validators.Add(r => Check(r, v => WholeNumber("--max-body-bytes", v, 1, int.MaxValue)));
        MaxUpstreamConnections.Validators.Add(r => Check(r, v => WholeNumber("--max-upstream-connections", v, 1, 65_535)));
        Model.Validators.Add(r => Check(r, v => string.IsNullOrWhiteSpace(v) ? "--model must not be empty" : null));
        Endpoint.Validators.Add(r => Check(r, v => string.IsNullOrWhiteSpace(v) ? "--endpoint must not be empty" : null));
        DecisionLog.Validators.Add(r => Check(r, v =>
            Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(v)) ?? "") ? null : $"--decision-log {v}: its directory does not exist"));
    }

    public IEnumerable<Option> All =>
        [Listen, Upstream, Policy, Bundle, OpaUrl, Server, ApiKey, CheckRequest, SampleAllows, TimeoutMs, UpstreamTimeoutMs, MaxBodyBytes, MaxUpstreamConnections, InlineIo, Model, Endpoint, DecisionLog, Monitor, MonitorSample];

    public static double ParseFraction(string? text) => text is null ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long? ParseWhole(string? text) => text is null ? null : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Option<string> Url(string name, string description, bool required)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "URL", Required = required };
        option.Validators.Add(r => Check(r, v =>
            Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Query.Length == 0 && u.UserInfo.Length == 0
                ? null : $"{name} must be an absolute http:// or https:// URL without a query or user info (got '{Redacted(v)}')"));
        return option;
    }

    /// <summary>The text with any user info (<c>user:password@</c>) masked, so a credential typed into a URL is not echoed.</summary>
    private static string Redacted(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? text[..(scheme + 3)] + "***" + text[at..] : text;
    }

    private static string? WholeNumber(string name, string value, long min, long max) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null : $"{name} must be a whole number from {min} to {max} (got '{value}')";

    private static void Check(OptionResult result, Func<string, string?> validate)
    {
        if (result.Tokens.Count == 0) return;
        var error = validate(result.Tokens[^1].Value);
        if (error is not null) result.AddError(error);
    }
}
