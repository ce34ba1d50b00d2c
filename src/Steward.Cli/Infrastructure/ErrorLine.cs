using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>Turns any failure into the one line the tool prints on standard error.</summary>
internal static partial class ErrorLine
{
    public static string For(Exception exception) => "error: " + OneLine(Describe(exception));

    public static string ForUsage(string message) => "error: " + OneLine(message) + " (see --help)";

    public static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Describe(Exception exception) => exception switch
    {
        CliException e => e.Message,
        StewardApiException e when e.Message.StartsWith(((int)e.StatusCode).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) =>
            $"the server answered {e.Message}",
        HttpRequestException e => $"cannot reach the server: {Innermost(e)}",
        TaskCanceledException e when e.InnerException is TimeoutException => "the server did not answer in time",
        OperationCanceledException => "cancelled",
        JsonException e => $"invalid JSON: {e.Message}",
        CryptographicException e => $"cryptography: {e.Message}",
        IOException or UnauthorizedAccessException => exception.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static string Innermost(Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message = $"{message} {inner.Message}";
            }
        }

        return message;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
