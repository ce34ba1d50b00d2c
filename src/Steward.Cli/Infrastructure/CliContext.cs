namespace Steward.Cli.Infrastructure;

/// <summary>What a command reads from and writes to besides its arguments; tests replace the parts.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    /// <summary>Standard output: results.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error: the one line that explains a failure.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The HTTP handler the SDK uses; <see langword="null"/> for the default.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Standard input (<c>steward pii analyze -</c>).</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>The in-process PII analyzer for local runs; null builds the default one on first use.</summary>
    public Steward.Pii.AnalyzerEngine? PiiAnalyzer { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
