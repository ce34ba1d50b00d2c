using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Steward.Ledger.Canonical;

namespace Steward.Server.Tests;

public sealed class DecisionApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _approver = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _approver = _server.Client(await _server.KeyAsync("bob@example.com", "approver"));
        _systemId = (await _server.RegisterSystemAsync("decision-system"))["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _approver.Dispose();
        await _server.DisposeAsync();
    }

    private JsonObject Request(string type = "deployment_approval", string outcome = "approved") => new()
    {
        ["type"] = type,
        ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = _systemId },
        ["outcome"] = outcome,
        ["rationale"] = "Validation report reviewed; fairness within bounds.",
        ["risk_acknowledged"] = "residual drift risk accepted for 90 days",
        ["evidence"] = new JsonArray(new JsonObject { ["uri"] = "https://wiki.example.com/validation/42", ["sha256"] = new string('a', 64) }),
        ["refs"] = new JsonObject { ["mlflow_run_id"] = "0f1e2d3c", ["ticket"] = "GOV-12" },
    };

    [Fact]
    public async Task Record_ReturnsDecisionWithLedgerIndex_AndTheLeafHoldsIt()
    {
        var response = await _approver.PostAsJsonAsync("/api/v1/decisions", Request());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("approved", decision["outcome"]!.GetValue<string>());
        Assert.Equal("bob@example.com", decision["actor"]!["id"]!.GetValue<string>());
        var index = decision["ledger_index"]!.GetValue<long>();

        var entry = (await _approver.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{index}"))!;
        var evt = entry["event"]!;
        Assert.Equal("decision.recorded", evt["type"]!.GetValue<string>());
        Assert.Equal(decision["id"]!.GetValue<string>(), evt["refs"]!["decision_id"]!.GetValue<string>());
        Assert.Equal("GOV-12", evt["refs"]!["ticket"]!.GetValue<string>());
        Assert.Equal(_systemId, evt["subject"]!["id"]!.GetValue<string>());

        var listed = await _approver.GetFromJsonAsync<JsonObject>($"/api/v1/decisions?subject_kind=system&subject_id={_systemId}");
        Assert.Contains(listed!["items"]!.AsArray(), d => d!["id"]!.GetValue<string>() == decision["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Correction_SupersedesEarlierDecision_WhichStaysUnchanged()
    {
        var first = (await (await _approver.PostAsJsonAsync("/api/v1/decisions", Request())).Content.ReadFromJsonAsync<JsonObject>())!;
        var correction = Request(outcome: "rejected");
        correction["supersedes"] = first["id"]!.GetValue<string>();
        var second = await _approver.PostAsJsonAsync("/api/v1/decisions", correction);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var again = await _approver.GetFromJsonAsync<JsonObject>($"/api/v1/decisions/{first["id"]}");
        Assert.Equal("approved", again!["outcome"]!.GetValue<string>());
        // There is no way to edit a decision.
        var edit = await _approver.PutAsJsonAsync($"/api/v1/decisions/{first["id"]}", Request());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, edit.StatusCode);
    }

    [Fact]
    public async Task SelfApproval_IsRefused_AndTheRefusalIsRecorded()
    {
        using var admin = _server.Client();
        var before = await _server.LedgerSizeAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/decisions", Request());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.Contains("separation of duties", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());
        var refused = await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=decision.refused");
        Assert.Single(refused!["items"]!.AsArray());
    }

    [Fact]
    public async Task SeparationOfDuties_SeesThroughSeveralKeysOfOnePerson()
    {
        using var admin = _server.Client();
        async Task<string> KeyFor(string name, string role)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name, roles = new[] { role }, actor = "carol@example.com" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("carol@example.com", body["actor"]!.GetValue<string>());
            return body["key"]!.GetValue<string>();
        }
        var system = await _server.RegisterSystemAsync("carols-system", await KeyFor("carol-laptop", "contributor"));
        Assert.Equal("carol@example.com", system["created_by"]!.GetValue<string>());
        using var carolApprover = _server.Client(await KeyFor("carol-approver", "approver"));

        var request = Request();
        request["subject"]!["id"] = system["id"]!.GetValue<string>();
        var response = await carolApprover.PostAsJsonAsync("/api/v1/decisions", request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("separation of duties", (await StewardTestServer.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("p256")]
    public async Task SignedDecision_IsVerified_AndKeptInTheLeaf(string alg)
    {
        var (publicPem, sign) = NewKey(alg);
        var registered = await _approver.PostAsJsonAsync("/api/v1/actor-keys", new { public_key = publicPem });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var keyId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["key_id"]!.GetValue<string>();

        var request = Request();
        var signature = Convert.ToBase64String(sign(CanonicalJson.Serialize(request)));
        request["signature"] = new JsonObject { ["key_id"] = keyId, ["sig"] = signature };
        var response = await _approver.PostAsJsonAsync("/api/v1/decisions", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(keyId, decision["signature"]!["key_id"]!.GetValue<string>());

        var leaf = await _approver.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{decision["ledger_index"]}");
        var data = leaf!["event"]!["data"]!;
        Assert.Equal(signature, data["signature"]!["sig"]!.GetValue<string>());
        Assert.Equal(CanonicalJson.Serialize(Request()), CanonicalJson.Serialize(data["signed_payload"]));

        // The same signature cannot be replayed into a second decision.
        var replay = await _approver.PostAsJsonAsync("/api/v1/decisions", request);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        await StewardTestServer.ProblemAsync(replay);
    }

    [Fact]
    public async Task InvalidSignature_IsRejected_AndNothingIsAppended()
    {
        var (publicPem, sign) = NewKey("ed25519");
        var keyId = (await (await _approver.PostAsJsonAsync("/api/v1/actor-keys", new { public_key = publicPem })).Content.ReadFromJsonAsync<JsonObject>())!["key_id"]!.GetValue<string>();
        var request = Request();
        var signature = sign(CanonicalJson.Serialize(request));
        request["rationale"] = "changed after signing";
        request["signature"] = new JsonObject { ["key_id"] = keyId, ["sig"] = Convert.ToBase64String(signature) };
        var before = await _server.LedgerSizeAsync();
        var response = await _approver.PostAsJsonAsync("/api/v1/decisions", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("signature.sig"));
        Assert.Equal(before, await _server.LedgerSizeAsync());

        // Someone else's key cannot be used either.
        using var other = _server.Client(await _server.KeyAsync("mallory@example.com", "approver"));
        request["rationale"] = Request()["rationale"]!.GetValue<string>();
        var stolen = await other.PostAsJsonAsync("/api/v1/decisions", request);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
    }

    internal static (string PublicPem, Func<byte[], byte[]> Sign) NewKey(string alg)
    {
        if (alg == "p256")
        {
            var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return (ecdsa.ExportSubjectPublicKeyInfoPem(), data => ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var spki = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded();
        return (PemEncoding.WriteString("PUBLIC KEY", spki), data =>
        {
            var signer = new Ed25519Signer();
            signer.Init(true, (Ed25519PrivateKeyParameters)pair.Private);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        });
    }
}
