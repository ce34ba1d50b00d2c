using Steward.Client.Http;

namespace Steward.Client;

/// <summary>
/// The Steward API client. Resource groups are properties:
/// <c>await client.Decisions.RecordAsync(request)</c>.
/// </summary>
public sealed class StewardClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly StewardHttp _http;

    /// <summary>Creates a client.</summary>
    /// <param name="baseAddress">The server's address, e.g. <c>http://localhost:5080</c>; a path prefix is kept.</param>
    /// <param name="apiKey">The API key or OIDC token sent as a bearer token; empty for none.</param>
    /// <param name="httpClient">The HTTP client to use; when <see langword="null"/> the client creates and owns one.</param>
    public StewardClient(Uri baseAddress, string apiKey, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(apiKey);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", nameof(baseAddress));
        }

        if (!baseAddress.AbsolutePath.EndsWith('/'))
        {
            baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
        }

        BaseAddress = baseAddress;
        _ownedHttpClient = httpClient is null ? new HttpClient() : null;
        _http = new StewardHttp(httpClient ?? _ownedHttpClient!, baseAddress, apiKey);
        Systems = new SystemsClient(_http);
        Models = new ModelsClient(_http);
        Datasets = new DatasetsClient(_http);
        PiiScans = new PiiScansClient(_http);
        Monitors = new MonitorsClient(_http);
        Decisions = new DecisionsClient(_http);
        ActorKeys = new ActorKeysClient(_http);
        ApiKeys = new ApiKeysClient(_http);
        Ledger = new LedgerClient(_http);
        Policies = new PoliciesClient(_http);
        Tickets = new TicketsClient(_http);
        RedTeam = new RedTeamClient(_http);
        Assessments = new AssessmentsClient(_http);
        Pii = new PiiClient(_http);
    }

    /// <summary>The server's address, ending with a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>AI systems of the inventory.</summary>
    public SystemsClient Systems { get; }

    /// <summary>Models of the inventory.</summary>
    public ModelsClient Models { get; }

    /// <summary>Datasets of the inventory.</summary>
    public DatasetsClient Datasets { get; }

    /// <summary>PII scans of datasets.</summary>
    public PiiScansClient PiiScans { get; }

    /// <summary>Drift monitors: definitions, reference, batches, runs.</summary>
    public MonitorsClient Monitors { get; }

    /// <summary>Governance decisions.</summary>
    public DecisionsClient Decisions { get; }

    /// <summary>Signing keys of actors.</summary>
    public ActorKeysClient ActorKeys { get; }

    /// <summary>API keys (admin only).</summary>
    public ApiKeysClient ApiKeys { get; }

    /// <summary>The tamper-evident ledger: checkpoints, entries and proofs.</summary>
    public LedgerClient Ledger { get; }

    /// <summary>Rego policies, data documents, evaluation and the decision log.</summary>
    public PoliciesClient Policies { get; }

    /// <summary>The built-in tracker: tickets (the intake risk-assessment ticket among them) and their mirror backlog.</summary>
    public TicketsClient Tickets { get; }
    /// <summary>Red-team exercises and findings.</summary>
    public RedTeamClient RedTeam { get; }
    /// <summary>Risk assessments and their templates.</summary>
    public AssessmentsClient Assessments { get; }
    /// <summary>PII analysis and anonymization (Presidio-compatible routes).</summary>
    public PiiClient Pii { get; }

    /// <summary>Gets the identity behind the credentials in use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The identity.</returns>
    public Task<Identity> MeAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Identity>("api/v1/me", cancellationToken);

    /// <summary>Gets the server's health; needs no credentials.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The health status.</returns>
    public Task<HealthStatus> HealthAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<HealthStatus>("health", cancellationToken);

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();
}
