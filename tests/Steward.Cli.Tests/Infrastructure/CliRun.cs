using Steward.Cli.Infrastructure;

namespace Steward.Cli.Tests.Infrastructure;

/// <summary>Runs the tool in-process with a controlled environment and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>A real network handler, for runs against a live server.</summary>
    public static readonly HttpMessageHandler Network = new SocketsHttpHandler();

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<CliRun> RunAsync(
        string[] args, HttpMessageHandler? handler = null, IReadOnlyDictionary<string, string>? environment = null,
        string? stdin = null, Steward.Pii.AnalyzerEngine? piiAnalyzer = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Never read the developer's own config file.
            ["STEWARD_CONFIG"] = Path.Combine(Path.GetTempPath(), $"steward-no-config-{Guid.NewGuid():N}.json"),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error)
        {
            GetEnvironmentVariable = name => env.GetValueOrDefault(name),
            HttpHandler = handler ?? new StubHandler(),
            In = new StringReader(stdin ?? ""),
            PiiAnalyzer = piiAnalyzer,
        };
        var exitCode = await Program.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Asserts the run failed the way the tool promises: exit 1 and exactly one <c>error:</c> line.</summary>
    public CliRun AssertOneErrorLine(string contains)
    {
        Assert.Equal(1, ExitCode);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(contains, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        return this;
    }
}
