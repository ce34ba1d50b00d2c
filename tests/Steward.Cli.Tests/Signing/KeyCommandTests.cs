using Steward.Cli.Signing;
using Steward.Cli.Tests.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Tests.Signing;

/// <summary><c>steward key generate</c> and <c>key register</c>.</summary>
public sealed class KeyCommandTests
{
    [Theory]
    [InlineData("ed25519", "ed25519")]
    [InlineData("p256", "ecdsa-p256")]
    public async Task Generate_WritesPrivateKey0600AndPublicKey_ThatSignAndVerify(string alg, string wireAlg)
    {
        using var temp = new TempDirectory();
        var file = temp.File("signing.pem");

        var run = await CliRun.RunAsync(["key", "generate", "--out", file, "--alg", alg, "--json"]);

        Assert.Equal(0, run.ExitCode);
        var privatePem = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var spki = KeyVerification.ReadSpki(file + ".pub");
        Assert.Contains($"\"key_id\": \"{KeyVerification.KeyId(spki)}\"", run.Out, StringComparison.Ordinal);
        Assert.Contains($"\"alg\": \"{wireAlg}\"", run.Out, StringComparison.Ordinal);

        using var key = KeyFiles.LoadPrivate(file);
        var data = "payload"u8.ToArray();
        Assert.True(KeyVerification.Verify(spki, data, key.Sign(data)));
        Assert.False(KeyVerification.Verify(spki, "other"u8.ToArray(), key.Sign(data)));
    }

    [Fact]
    public async Task Generate_RefusesToOverwriteWithoutForce()
    {
        using var temp = new TempDirectory();
        var file = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.RunAsync(["key", "generate", "--out", file])).ExitCode);
        var before = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);

        (await CliRun.RunAsync(["key", "generate", "--out", file])).AssertOneErrorLine("exists; pass --force");
        Assert.Equal(before, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        Assert.Equal(0, (await CliRun.RunAsync(["key", "generate", "--out", file, "--force"])).ExitCode);
        Assert.NotEqual(before, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("p256")]
    public async Task Register_WithPrivateKeyFile_SendsItsPublicKey(string alg)
    {
        using var temp = new TempDirectory();
        var file = temp.File("k.pem");
        await CliRun.RunAsync(["key", "generate", "--out", file, "--alg", alg]);
        var spki = KeyVerification.ReadSpki(file + ".pub");
        var stub = new StubHandler().On(HttpMethod.Post, "/api/v1/actor-keys", request => StubHandler.Json(
            new ActorKey(KeyVerification.KeyId(spki), alg, "usr_1", request.Json["public_key"]!.GetValue<string>(), default, null, 3),
            System.Net.HttpStatusCode.Created));

        var run = await CliRun.RunAsync(["key", "register", "--public", file, "--api-key", "k"], stub);

        Assert.Equal(0, run.ExitCode);
        var sent = Assert.Single(stub.Requests).Json;
        Assert.Equal(["public_key"], sent.Select(p => p.Key));
        Assert.Equal(
            (await File.ReadAllTextAsync(file + ".pub", TestContext.Current.CancellationToken)).Trim(),
            sent["public_key"]!.GetValue<string>().Trim());
        Assert.DoesNotContain("PRIVATE", sent.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ServerKeyIdMismatch_Fails()
    {
        using var temp = new TempDirectory();
        var file = temp.File("k.pem");
        await CliRun.RunAsync(["key", "generate", "--out", file]);
        var stub = new StubHandler().OnJson(
            HttpMethod.Post, "/api/v1/actor-keys", new ActorKey(new string('0', 32), "ed25519", "usr_1", "pem", default, null, 3));

        var run = await CliRun.RunAsync(["key", "register", "--public", file + ".pub", "--api-key", "k"], stub);

        run.AssertOneErrorLine("the server registered key id 000");
    }

    [Fact]
    public void LoadPrivate_AcceptsSec1EcKeysAsOpenSslWritesThem()
    {
        using var temp = new TempDirectory();
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var file = temp.File("ec.pem");
        File.WriteAllText(file, ecdsa.ExportECPrivateKeyPem());

        using var key = KeyFiles.LoadPrivate(file);

        Assert.Equal("ecdsa-p256", key.Algorithm);
        Assert.Equal(ecdsa.ExportSubjectPublicKeyInfo(), key.PublicKeyInfo);
    }

    [Fact]
    public async Task LoadPrivate_RejectsOtherCurves()
    {
        using var temp = new TempDirectory();
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var file = temp.File("p384.pem");
        await File.WriteAllTextAsync(file, ecdsa.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync([.. Commands.UsageErrorTests.RecordArgs(), "--sign-key", file]);

        run.AssertOneErrorLine("only P-256 is accepted");
    }
}
