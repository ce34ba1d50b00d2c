using System.CommandLine;
using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>
/// The shared <c>--url</c> and <c>--api-key</c> options. Each falls back to its environment variable,
/// then to the config file; the URL finally to <see cref="DefaultUrl"/>.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string DefaultUrl = "http://localhost:5080";

    private readonly CliContext _context;

    private readonly Option<string?> _url = new("--url")
    {
        Description = $"Server address [env STEWARD_URL, config \"url\", default {DefaultUrl}]",
        HelpName = "URL",
    };

    private readonly Option<string?> _apiKey = new("--api-key")
    {
        Description = "API key [env STEWARD_API_KEY, config \"api_key\"]",
        HelpName = "KEY",
    };

    public ConnectionOptions(Command command, CliContext context)
    {
        _context = context;
        command.Options.Add(_url);
        command.Options.Add(_apiKey);
    }

    /// <summary>Creates the SDK client for the resolved URL and key; fails when no API key is configured.</summary>
    public StewardClient CreateClient(ParseResult parseResult)
    {
        CliConfig? config = null;
        CliConfig Config() => config ??= CliConfig.Load(_context);

        var url = First(parseResult.GetValue(_url), _context.GetEnvironmentVariable("STEWARD_URL"))
            ?? Config().Url ?? DefaultUrl;
        var apiKey = First(parseResult.GetValue(_apiKey), _context.GetEnvironmentVariable("STEWARD_API_KEY"))
            ?? Config().ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new CliException(
                $"no API key: pass --api-key, set STEWARD_API_KEY or put \"api_key\" in {CliConfig.DefaultPath(_context)}");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress)
            || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"the server URL '{url}' is not an absolute http:// or https:// URL");
        }

        var httpClient = _context.HttpHandler is null ? null : new HttpClient(_context.HttpHandler, disposeHandler: false);
        return new StewardClient(baseAddress, apiKey.Trim(), httpClient);
    }

    private static string? First(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a : !string.IsNullOrWhiteSpace(b) ? b : null;
}
