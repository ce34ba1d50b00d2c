namespace Steward.Probes;

/// <summary>How a probe run talks to the endpoint under test.</summary>
public sealed record ProbeOptions
{
    /// <summary>Default requests per second.</summary>
    public const double DefaultRate = 5;

    /// <summary>The model endpoint (POST, JSON in and out).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Most requests per second (token bucket, burst 1).</summary>
    public double RatePerSecond { get; init; } = DefaultRate;

    /// <summary>Wall-clock budget for the whole run; when it runs out the run stops and says so.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take before it counts as an error (timeout).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The request body, a JSON document in which <see cref="Http.RequestTemplate.Placeholder"/> marks where the input goes;
    /// null for the kind's default.
    /// </summary>
    public string? RequestTemplate { get; init; }

    /// <summary>Where the prediction or answer is in the response, e.g. <c>$.choices[0].message.content</c>; null for the kind's default.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Extra headers sent with every request (e.g. the endpoint's own authorization); never printed.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
