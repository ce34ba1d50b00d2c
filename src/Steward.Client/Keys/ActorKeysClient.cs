using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The signing keys of actors: <c>/api/v1/actor-keys</c>.</summary>
public sealed class ActorKeysClient
{
    private const string Path = "api/v1/actor-keys";
    private readonly StewardHttp _http;

    internal ActorKeysClient(StewardHttp http) => _http = http;

    /// <summary>Registers a public key of the calling actor (any role but auditor).</summary>
    /// <param name="publicKeyPem">The SPKI PEM public key (Ed25519 or ECDSA P-256).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered key.</returns>
    public Task<ActorKey> RegisterAsync(string publicKeyPem, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyPem);
        return _http.SendJsonAsync<RegisterActorKeyRequest, ActorKey>(
            HttpMethod.Post, Path, new RegisterActorKeyRequest(publicKeyPem), cancellationToken);
    }

    /// <summary>Lists one page of signing keys.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<ActorKey>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<ActorKey>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all signing keys, following cursors.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every key.</returns>
    public IAsyncEnumerable<ActorKey> ListAllAsync(CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(cursor, limit: null, ct), cancellationToken);

    /// <summary>Revokes a signing key (its owner or an admin).</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is revoked.</returns>
    public Task RevokeAsync(string keyId, CancellationToken cancellationToken = default) =>
        _http.DeleteAsync($"{Path}/{Query.Segment(keyId)}", cancellationToken);
}
