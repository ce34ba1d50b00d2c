using System.Globalization;
using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The tamper-evident ledger: <c>/api/v1/ledger</c> (any role).</summary>
public sealed class LedgerClient
{
    private const string Path = "api/v1/ledger";
    private readonly StewardHttp _http;

    internal LedgerClient(StewardHttp http) => _http = http;

    /// <summary>Gets the latest signed checkpoint.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The checkpoint as a C2SP signed note.</returns>
    public Task<string> GetCheckpointAsync(CancellationToken cancellationToken = default) =>
        _http.GetTextAsync($"{Path}/checkpoint", cancellationToken);

    /// <summary>Gets the verifier key checkpoints are signed with.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The verifier key, <c>name+hex+base64</c>.</returns>
    public async Task<string> GetVerifierKeyAsync(CancellationToken cancellationToken = default) =>
        (await _http.GetTextAsync($"{Path}/key", cancellationToken).ConfigureAwait(false)).Trim();

    /// <summary>Gets the current tree size and root hash (unsigned; use the checkpoint to trust it).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tree head.</returns>
    public Task<TreeHead> GetTreeAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<TreeHead>($"{Path}/tree", cancellationToken);

    /// <summary>Lists one page of ledger entries.</summary>
    /// <param name="filter">Narrows the list; <see langword="null"/> for all entries.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<LedgerEntry>> ListEntriesAsync(
        LedgerEntryFilter? filter = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new Query($"{Path}/entries")
            .Add("type", filter?.Type)
            .Add("subject_kind", filter?.SubjectKind)
            .Add("subject_id", filter?.SubjectId)
            .Add("actor", filter?.Actor)
            .Add("since", filter?.Since)
            .Add("until", filter?.Until)
            .Page(cursor, limit);
        return _http.GetPageAsync<LedgerEntry>(query.ToString(), cancellationToken);
    }

    /// <summary>Enumerates all matching ledger entries, following cursors.</summary>
    /// <param name="filter">Narrows the list; <see langword="null"/> for all entries.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every matching entry.</returns>
    public IAsyncEnumerable<LedgerEntry> ListAllEntriesAsync(
        LedgerEntryFilter? filter = null, CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListEntriesAsync(filter, cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one ledger entry.</summary>
    /// <param name="index">The entry's index.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entry.</returns>
    public Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<LedgerEntry>($"{Path}/entries/{Format(index)}", cancellationToken);

    /// <summary>Gets the exact bytes of a leaf: the canonical JSON of its event envelope.</summary>
    /// <param name="index">The entry's index.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The leaf bytes.</returns>
    public Task<byte[]> GetRawEntryAsync(long index, CancellationToken cancellationToken = default) =>
        _http.GetBytesAsync($"{Path}/entries/{Format(index)}/raw", cancellationToken);

    /// <summary>Gets the proof that an entry is in the tree of a given size.</summary>
    /// <param name="index">The entry's index.</param>
    /// <param name="size">The tree size, e.g. that of a checkpoint; <see langword="null"/> for the current size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The inclusion proof.</returns>
    public Task<InclusionProof> GetInclusionProofAsync(long index, long? size = null, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<InclusionProof>(
            new Query($"{Path}/proofs/inclusion").Add("index", index).Add("size", size).ToString(), cancellationToken);

    /// <summary>Gets the proof that the tree of size <paramref name="from"/> is a prefix of the tree of size <paramref name="size"/>.</summary>
    /// <param name="from">The older size.</param>
    /// <param name="size">The newer size; <see langword="null"/> for the current size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The consistency proof.</returns>
    public Task<ConsistencyProof> GetConsistencyProofAsync(long from, long? size = null, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<ConsistencyProof>(
            new Query($"{Path}/proofs/consistency").Add("from", from).Add("size", size).ToString(), cancellationToken);

    private static string Format(long index) => index.ToString(CultureInfo.InvariantCulture);
}
