using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Server.Tests;

/// <summary>Per-system reports: Annex IV pack and board report in HTML, PDF and JSON, every citation verifiable offline.</summary>
public sealed class ReportsApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _admin = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _admin = _server.Client();
        _systemId = (await _server.RegisterSystemAsync("report-system"))["id"]!.GetValue<string>();
        using var approver = _server.Client(await _server.KeyAsync("bob@example.com", "approver"));
        var decision = await approver.PostAsJsonAsync("/api/v1/decisions", new
        {
            type = "business_approval", subject = new { kind = "system", id = _systemId }, outcome = "approved", rationale = "Business case <b>signed</b> off",
        });
        Assert.Equal(HttpStatusCode.Created, decision.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync($"/api/v1/systems/{_systemId}/stage", new { to = "deployment" })).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TechnicalDocumentation_Html_FollowsAnnexIv_AndCitesVerifiedEntries()
    {
        var response = await _admin.GetAsync($"/api/v1/systems/{_systemId}/reports/technical-documentation?format=html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("style-src 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var section in new[] { "1. General description of the AI system", "5. Risk management system", "9. Post-market monitoring", "Annex IV point 2" })
            Assert.Contains(section, html, StringComparison.Ordinal);
        Assert.Contains("business approval decision: approved", html, StringComparison.Ordinal);
        Assert.Contains("Business case &lt;b&gt;signed&lt;/b&gt; off", html, StringComparison.Ordinal);
        Assert.Contains("the gate refused", html, StringComparison.Ordinal);
        Assert.Contains("No EU declaration of conformity is recorded", html, StringComparison.Ordinal);
        Assert.Contains("signature and proof verified", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Json_CarriesEachCitedEntryWithAProofThatVerifiesOffline()
    {
        var report = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/reports/board?format=json"))!;
        var note = SignedNote.Open(report["checkpoint"]!.GetValue<string>(), [NoteVerifier.Parse(report["verifier_key"]!.GetValue<string>())]);
        var checkpoint = Checkpoint.Parse(note.Text);
        var evidence = report["evidence"]!.AsArray();
        Assert.NotEmpty(evidence);
        var cited = report["sections"]!.AsArray().SelectMany(s => s!["blocks"]!.AsArray())
            .SelectMany(b => b!["paragraph"] is JsonObject p ? [p] : b["list"] is JsonArray l ? l.Select(i => i!.AsObject())
                : b["facts"] is JsonArray f ? f.Select(r => r!["value"]!.AsObject()) : [])
            .SelectMany(c => c["cites"]!.AsArray().Select(i => i!.GetValue<long>())).ToHashSet();
        foreach (var item in evidence)
        {
            var index = item!["index"]!.GetValue<long>();
            Assert.Contains(index, cited);
            var leaf = System.Text.Encoding.UTF8.GetBytes(item["entry"]!.GetValue<string>());
            var hash = MerkleHash.HashLeaf(leaf);
            Assert.Equal(item["leaf_hash"]!.GetValue<string>(), Convert.ToHexStringLower(hash));
            var proof = item["proof"]!.AsArray().Select(h => Convert.FromHexString(h!.GetValue<string>())).ToList();
            Assert.True(MerkleVerifier.VerifyInclusion(index, checkpoint.Size, hash, proof, checkpoint.RootHash), $"entry {index}");
            Assert.Equal(index, JsonNode.Parse(leaf)!["index"]!.GetValue<long>());
        }
        Assert.Contains(evidence, e => JsonNode.Parse(e!["entry"]!.GetValue<string>())!["type"]!.GetValue<string>() == "stage.change_refused");
    }

    [Fact]
    public async Task Pdf_IsAPdfAttachment()
    {
        var response = await _admin.GetAsync($"/api/v1/systems/{_systemId}/reports/board?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 2000);
        // A well-formed document: PDFsharp reads it back, with pages and the fonts embedded.
        using var reread = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(reread.PageCount >= 1);
        Assert.Contains("Board report: report-system", reread.Info.Title, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary", "html", HttpStatusCode.BadRequest)]
    [InlineData("board", "docx", HttpStatusCode.BadRequest)]
    public async Task BadKindOrFormat_Is400(string kind, string format, HttpStatusCode status)
    {
        var response = await _admin.GetAsync($"/api/v1/systems/{_systemId}/reports/{kind}?format={format}");
        Assert.Equal(status, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Fact]
    public async Task UnknownSystem_Is404_AndAnonymousIs401()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/systems/nope/reports/board")).StatusCode);
        using var anonymous = _server.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/systems/{_systemId}/reports/board")).StatusCode);
    }
}
