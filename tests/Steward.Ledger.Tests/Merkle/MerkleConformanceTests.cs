using System.Text.Json;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

/// <summary>transparency-dev/merkle proof probes: every file must give its wantErr outcome.</summary>
public sealed class MerkleConformanceTests
{
    private const string InclusionFolder = "merkle/testdata/inclusion";
    private const string ConsistencyFolder = "merkle/testdata/consistency";

    public static TheoryData<string> InclusionFiles => ConformanceData.FilesUnder(InclusionFolder, "*.json");

    public static TheoryData<string> ConsistencyFiles => ConformanceData.FilesUnder(ConsistencyFolder, "*.json");

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion_GivesTheExpectedOutcome(string file)
    {
        using var json = Load(InclusionFolder, file);
        var root = json.RootElement;
        bool ok = MerkleVerifier.VerifyInclusion(
            root.GetProperty("leafIdx").GetUInt64(),
            root.GetProperty("treeSize").GetUInt64(),
            Bytes(root.GetProperty("leafHash")),
            Proof(root.GetProperty("proof")),
            Bytes(root.GetProperty("root")));
        Assert.Equal(!root.GetProperty("wantErr").GetBoolean(), ok);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency_GivesTheExpectedOutcome(string file)
    {
        using var json = Load(ConsistencyFolder, file);
        var root = json.RootElement;
        bool ok = MerkleVerifier.VerifyConsistency(
            root.GetProperty("size1").GetUInt64(),
            root.GetProperty("size2").GetUInt64(),
            Proof(root.GetProperty("proof")),
            Bytes(root.GetProperty("root1")),
            Bytes(root.GetProperty("root2")));
        Assert.Equal(!root.GetProperty("wantErr").GetBoolean(), ok);
    }

    private static JsonDocument Load(string folder, string file)
    {
        ConformanceData.RequireOrSkip(folder);
        return JsonDocument.Parse(File.ReadAllBytes(ConformanceData.PathOf(folder, file)));
    }

    private static byte[] Bytes(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? [] : Convert.FromBase64String(element.GetString()!);

    private static byte[][] Proof(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? [] : element.EnumerateArray().Select(Bytes).ToArray();
}
