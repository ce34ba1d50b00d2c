using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;

namespace Steward.Server.Reports;

/// <summary>Builds a system's reports in the format asked for.</summary>
internal sealed class ReportService(EvidenceCollector collector)
{
    public static readonly string[] Kinds = ["technical-documentation", "board"];
    public static readonly string[] Formats = ["html", "pdf", "json"];

    /// <summary>The report's bytes, media type and a file name.</summary>
    public async Task<(byte[] Body, string ContentType, string FileName)> RenderAsync(string systemId, string? kind, string? format, Actor actor,
        CancellationToken cancellationToken)
    {
        var check = new Check();
        var k = check.OneOf("kind", kind, Kinds);
        var f = check.OneOf("format", format ?? "html", Formats);
        check.ThrowIfFailed();
        var evidence = await collector.CollectAsync(systemId, actor, cancellationToken);
        var doc = k == "board" ? BoardReport.Build(evidence) : TechnicalDocumentation.Build(evidence);
        var name = $"{Safe(evidence.System.Name)}-{k}.{f}";
        return f switch
        {
            "pdf" => (ReportPdf.Render(doc), "application/pdf", name),
            "json" => (System.Text.Encoding.UTF8.GetBytes(Json(doc).ToJsonString()), "application/json", name),
            _ => (System.Text.Encoding.UTF8.GetBytes(ReportHtml.Render(doc)), "text/html; charset=utf-8", name),
        };
    }

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    /// <summary>The report as data, with each cited entry's bytes and proof, so a program can check every citation offline.</summary>
    private static JsonObject Json(ReportDocument doc)
    {
        JsonObject Claim(Claim c) => new() { ["text"] = c.Text, ["cites"] = new JsonArray([.. c.Cites.Select(i => (JsonNode)i)]) };
        JsonNode Block(ReportBlock b) => b switch
        {
            Subheading h => new JsonObject { ["heading"] = h.Text },
            Paragraph p => new JsonObject { ["paragraph"] = Claim(p.Claim) },
            Bullets l => new JsonObject { ["list"] = new JsonArray([.. l.Items.Select(i => (JsonNode)Claim(i))]) },
            Facts f => new JsonObject { ["facts"] = new JsonArray([.. f.Rows.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["value"] = Claim(r.Value) })]) },
            _ => new JsonObject(),
        };
        var checkpoint = doc.Evidence.Checkpoint;
        return new JsonObject
        {
            ["title"] = doc.Title,
            ["subtitle"] = doc.Subtitle,
            ["system_id"] = doc.Evidence.System.Id,
            ["generated_at"] = Timestamps.Format(doc.Evidence.GeneratedAt),
            ["sections"] = new JsonArray([.. doc.Sections.Select(s => (JsonNode)new JsonObject
            {
                ["number"] = s.Number, ["title"] = s.Title, ["reference"] = s.Reference,
                ["blocks"] = new JsonArray([.. s.Blocks.Select(Block)]),
            })]),
            ["evidence"] = new JsonArray([.. doc.Cited().Select(e => (JsonNode)new JsonObject
            {
                ["index"] = e.Index,
                ["entry"] = e.Canonical,
                ["leaf_hash"] = Convert.ToHexStringLower(e.Proof.LeafHash),
                ["proof_state"] = e.Proof.State.ToString().ToLowerInvariant(),
                ["tree_size"] = e.Proof.TreeSize,
                ["proof"] = new JsonArray([.. e.Proof.Hashes.Select(h => (JsonNode)Convert.ToHexStringLower(h))]),
            })]),
            ["checkpoint"] = checkpoint.Stored.Note,
            ["verifier_key"] = checkpoint.VerifierKey,
        };
    }
}
