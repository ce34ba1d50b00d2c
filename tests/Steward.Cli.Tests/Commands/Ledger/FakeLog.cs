using System.Text;
using Steward.Cli.Tests.Infrastructure;
using Steward.Client;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Cli.Tests.Commands.Ledger;

/// <summary>A tiny transparency log served by a stub: signed checkpoints and RFC 6962 consistency proofs.</summary>
internal sealed class FakeLog
{
    private readonly List<byte[]> _leafHashes = [];

    public FakeLog(string origin = "test.example/log") => Signer = NoteSigner.Generate(origin);

    public NoteSigner Signer { get; set; }

    public StubHandler Stub { get; } = new();

    public string Origin => Signer.Name;

    public void Append(params string[] leaves) =>
        _leafHashes.AddRange(leaves.Select(leaf => MerkleHash.HashLeaf(Encoding.UTF8.GetBytes(leaf))));

    public byte[] Root(int size) => Root(_leafHashes.Take(size).ToList());

    /// <summary>Serves the current tree: key, signed checkpoint, consistency proofs from any smaller size.</summary>
    public void Publish(byte[]? forgedRoot = null)
    {
        var size = _leafHashes.Count;
        var checkpoint = new Checkpoint(Origin, size, forgedRoot ?? Root(size)).Sign(Signer);
        Stub.OnText("/api/v1/ledger/key", Signer.VerifierKey + "\n");
        Stub.OnText("/api/v1/ledger/checkpoint", checkpoint);
        Stub.On(HttpMethod.Get, "/api/v1/ledger/proofs/consistency", request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Uri.Query);
            var from = int.Parse(query["from"]!, System.Globalization.CultureInfo.InvariantCulture);
            return StubHandler.Json(new ConsistencyProof(from, size, ConsistencyPath(from, _leafHashes.Take(size).ToList(), true)));
        });
    }

    private static byte[] Root(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var split = LargestPowerOfTwoBelow(leaves.Count);
        return MerkleHash.HashChildren(Root(leaves.Take(split).ToList()), Root(leaves.Skip(split).ToList()));
    }

    /// <summary>RFC 6962 SUBPROOF(m, D[n], b).</summary>
    private static List<byte[]> ConsistencyPath(int m, IReadOnlyList<byte[]> leaves, bool complete)
    {
        var n = leaves.Count;
        if (m == n)
        {
            return complete ? [] : [Root(leaves)];
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            var path = ConsistencyPath(m, leaves.Take(k).ToList(), complete);
            path.Add(Root(leaves.Skip(k).ToList()));
            return path;
        }

        var right = ConsistencyPath(m - k, leaves.Skip(k).ToList(), false);
        right.Add(Root(leaves.Take(k).ToList()));
        return right;
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
