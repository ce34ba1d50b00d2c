using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Server;

namespace Steward.Cli.Commands.Serve;

/// <summary><c>steward serve</c>: runs the platform (API, dashboard, ledger) until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string?>("--urls") { Description = "Listen URLs separated by ';' (default http://localhost:5080)", HelpName = "URLS" };
        var data = new Option<string?>("--data") { Description = "Data directory (default ./steward-data)", HelpName = "DIR" };
        var store = new Option<string?>("--store") { Description = "Storage provider (default sqlite)" };
        store.AcceptOnlyFromAmong("sqlite", "postgres");
        var connectionString = new Option<string?>("--connection") { Description = "PostgreSQL connection string", HelpName = "CS" };
        var origin = new Option<string?>("--origin") { Description = "Checkpoint origin name (default: host name + /steward)", HelpName = "NAME" };
        var config = new Option<string?>("--config") { Description = "JSON configuration file", HelpName = "FILE" };

        var command = new Command("serve", "Run the Steward server")
        {
            urls, data, store, connectionString, origin, config,
        };

        // Unrecognised tokens (e.g. --Logging:LogLevel:Default=Debug) go to ASP.NET Core configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if (result.GetValue(store) == "postgres" && string.IsNullOrWhiteSpace(result.GetValue(connectionString)))
            {
                result.AddError("--store postgres needs --connection");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Pass-through is for configuration paths only (--Section:Key=Value); a mistyped flag must not vanish.
            var unknown = parseResult.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-') && !t.Contains(':', StringComparison.Ordinal));
            if (unknown is not null)
            {
                throw new CliException($"unknown option '{unknown}' for 'steward serve' (configuration settings are passed as --Section:Key=Value)");
            }

            var options = new StewardServerOptions
            {
                Urls = parseResult.GetValue(urls),
                DataDirectory = parseResult.GetValue(data),
                Store = parseResult.GetValue(store),
                ConnectionString = parseResult.GetValue(connectionString),
                Origin = parseResult.GetValue(origin),
                ConfigFile = parseResult.GetValue(config),
                Console = context.Out,
            };
            var app = StewardServer.Build(options, [.. parseResult.UnmatchedTokens]);
            await using (app)
            {
                await app.RunAsync();
            }

            return 0;
        });
        return command;
    }
}
