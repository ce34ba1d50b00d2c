using System.Globalization;
using Steward.Probes;

namespace Steward.Cli.Commands.RedTeam;

/// <summary>
/// A progress line on standard error (<c>probing: 12 of 42 requests</c>), rewritten in place, shown only when
/// standard error is a terminal; <see cref="Clear"/> removes it before the summary.
/// </summary>
internal sealed class ProbeProgressLine(TextWriter error) : IProgress<ProbeProgress>
{
    private int _width;

    /// <summary>A progress line for the real console, or null when stderr is redirected or replaced (tests, pipes).</summary>
    public static ProbeProgressLine? ForConsole(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProbeProgressLine(error) : null;

    public void Report(ProbeProgress value)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"probing: {value.Done} of {value.Planned} requests");
        _width = Math.Max(_width, text.Length);
        error.Write("\r" + text.PadRight(_width));
        error.Flush();
    }

    public void Clear()
    {
        if (_width == 0) return;
        error.Write("\r" + new string(' ', _width) + "\r");
        error.Flush();
    }
}
