using System.Net;
using System.Text;

namespace Steward.Client;

/// <summary>The server answered a request with an error status.</summary>
public sealed class StewardApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="problem">The problem document of the answer, when it had one.</param>
    /// <param name="message">The message; built from the problem when omitted.</param>
    public StewardApiException(HttpStatusCode statusCode, StewardProblem? problem, string? message = null)
        : base(message ?? Describe(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The parsed RFC 7807 problem document, or <see langword="null"/> when the body was not one.</summary>
    public StewardProblem? Problem { get; }

    private static string Describe(HttpStatusCode statusCode, StewardProblem? problem)
    {
        var text = new StringBuilder();
        text.Append((int)statusCode).Append(' ');
        text.Append(string.IsNullOrWhiteSpace(problem?.Title) ? statusCode.ToString() : problem.Title);
        if (!string.IsNullOrWhiteSpace(problem?.Detail))
        {
            text.Append(": ").Append(problem.Detail);
        }

        if (problem?.Errors is { Count: > 0 } errors)
        {
            var fields = errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}");
            text.Append(" (").Append(string.Join(", ", fields)).Append(')');
        }

        return text.ToString();
    }
}
