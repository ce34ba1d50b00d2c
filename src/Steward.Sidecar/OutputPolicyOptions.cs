using Microsoft.AspNetCore.Http;
using Steward.Policy.Decisions;

namespace Steward.Sidecar;

/// <summary>How responses (and optionally requests) are checked and recorded; shared by the sidecar proxy and the middleware.</summary>
public sealed class OutputPolicyOptions
{
    /// <summary>The engine that decides. Required.</summary>
    public IPolicyDecisionPoint? DecisionPoint { get; set; }

    /// <summary>The policy package decided. Default <c>data.ai_policy</c>.</summary>
    public PolicyPath Policy { get; set; } = PolicyPath.Parse("data.ai_policy");

    /// <summary>The endpoint name in the input document, the decision-log labels and the violation counter. Default <c>default</c>.</summary>
    public string Endpoint { get; set; } = "default";

    /// <summary>Names the endpoint of a request instead of <see cref="Endpoint"/> (e.g. by route), or null.</summary>
    public Func<HttpContext, string>? EndpointSelector { get; set; }

    /// <summary>The model name in the input document; null takes the <c>model</c> member of a JSON request body, if any.</summary>
    public string? Model { get; set; }

    /// <summary>The largest request or response body read; a larger response is withheld (502), a larger request refused (413). Default 4 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Whether the request is decided too, before it is forwarded (input <c>phase</c> is <c>request</c>). Default false.</summary>
    public bool CheckRequest { get; set; }

    /// <summary>The share of allowed decisions recorded, from 0 to 1 (every denial is recorded). Default 0.</summary>
    public double SampleAllows { get; set; }

    /// <summary>The Steward server that receives decision logs at <c>POST {server}/logs</c>, or null.</summary>
    public Uri? Server { get; set; }

    /// <summary>The API key for <see cref="Server"/> (sent as a bearer token, never logged).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A drift monitor on <see cref="Server"/> that receives sampled traffic, or null: each sampled response's
    /// <c>{"request": request body, "prediction": response}</c> is posted as JSON Lines to
    /// <c>POST {server}/api/v1/monitors/{id}/batches</c> (nested objects become dotted columns; arrays are left out).
    /// </summary>
    public string? MonitorId { get; set; }

    /// <summary>The share of responses sent to <see cref="MonitorId"/>, from 0 to 1, whatever the decision. Default 1.</summary>
    public double MonitorSample { get; set; } = 1;

    /// <summary>A local file that receives each recorded decision as one JSON line, or null.</summary>
    public string? DecisionLogFile { get; set; }

    /// <summary>The <c>steward_source</c> label of decision logs. Default <c>middleware</c>; the sidecar uses <c>sidecar</c>.</summary>
    public string Source { get; set; } = "middleware";

    /// <summary>How many events one upload holds at most. Default 100.</summary>
    public int LogBatchSize { get; set; } = 100;

    /// <summary>How long an event waits at most before its batch is sent. Default 1 s.</summary>
    public TimeSpan LogFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many events wait at most; past it new events are dropped (and counted), never blocking a request. Default 10,000.</summary>
    public int LogQueueCapacity { get; set; } = 10_000;

    /// <summary>How many times an upload is tried before its batch is dropped. Default 5.</summary>
    public int LogMaxAttempts { get; set; } = 5;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public void Validate()
    {
        if (DecisionPoint is null) throw new ArgumentException("OutputPolicyOptions.DecisionPoint is required");
        ArgumentNullException.ThrowIfNull(Policy);
        if (string.IsNullOrWhiteSpace(Endpoint)) throw new ArgumentException("OutputPolicyOptions.Endpoint must not be empty");
        if (MaxBodyBytes is < 1 or > int.MaxValue) throw new ArgumentException($"OutputPolicyOptions.MaxBodyBytes must be from 1 to {int.MaxValue}");
        if (!(SampleAllows is >= 0 and <= 1)) throw new ArgumentException("OutputPolicyOptions.SampleAllows must be from 0 to 1");
        if (Server is not null)
        {
            if (!Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttp && Server.Scheme != Uri.UriSchemeHttps) || Server.UserInfo.Length > 0)
                throw new ArgumentException("OutputPolicyOptions.Server must be an absolute http:// or https:// URL without user info (the key goes in ApiKey)");
            if (string.IsNullOrWhiteSpace(ApiKey)) throw new ArgumentException("OutputPolicyOptions.ApiKey is required with Server");
        }

        if (MonitorId is not null && (Server is null || string.IsNullOrWhiteSpace(MonitorId)))
            throw new ArgumentException("OutputPolicyOptions.MonitorId (--monitor) needs Server (--server) and ApiKey: batches go to the Steward server");
        if (!(MonitorSample is >= 0 and <= 1)) throw new ArgumentException("OutputPolicyOptions.MonitorSample must be from 0 to 1");
        if (LogBatchSize < 1 || LogQueueCapacity < 1 || LogMaxAttempts < 1 || LogFlushInterval <= TimeSpan.Zero)
            throw new ArgumentException("OutputPolicyOptions log batch size, queue capacity, attempts and flush interval must be positive");
    }
}
