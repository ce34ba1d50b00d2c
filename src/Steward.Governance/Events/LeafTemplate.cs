using System.Buffers;
using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Events;

/// <summary>
/// The canonical leaf of an event, serialized before its index is known. Canonical JSON sorts keys, and
/// <c>index</c> falls between <c>id</c> and <c>refs</c>, so the leaf is the members actor, data and id,
/// then <c>,"index":N</c>, then refs, subject, time and type. The expensive part runs on the caller's thread; the sequencer only
/// concatenates under its lock.
/// </summary>
internal sealed class LeafTemplate
{
    // {"actor":..,"data":..,"id":".." | ,"refs":..,"subject":..,"time":..,"type":..}
    private readonly byte[] _parts;
    private readonly int _split;

    public LeafTemplate(GovernanceEvent evt)
    {
        // Each value is written by the canonical serializer; only the fixed top-level layout (sorted:
        // actor, data, id | index | refs, subject, time, type) is spelled out here.
        var refs = new JsonObject();
        foreach (var (k, v) in evt.Refs) refs[k] = v;
        var output = new ArrayBufferWriter<byte>(1536);
        Member(output, "{\"actor\":"u8, new JsonObject { ["id"] = evt.Actor.Id, ["kind"] = evt.Actor.Kind });
        Member(output, ",\"data\":"u8, evt.Data);
        Member(output, ",\"id\":"u8, JsonValue.Create(evt.Id.ToString()));
        _split = output.WrittenCount;
        Member(output, ",\"refs\":"u8, refs);
        Member(output, ",\"subject\":"u8, new JsonObject { ["id"] = evt.Subject.Id, ["kind"] = evt.Subject.Kind });
        Member(output, ",\"time\":"u8, JsonValue.Create(Timestamps.Format(evt.Time)));
        Member(output, ",\"type\":"u8, JsonValue.Create(evt.Type));
        output.Write("}"u8);
        _parts = output.WrittenSpan.ToArray();
    }

    private static void Member(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> key, JsonNode? value)
    {
        output.Write(key);
        CanonicalJson.Serialize(value, output);
    }

    public byte[] Render(long index)
    {
        Span<byte> number = stackalloc byte[20];
        index.TryFormat(number, out var digits, default, CultureInfo.InvariantCulture);
        ReadOnlySpan<byte> key = ",\"index\":"u8;
        var leaf = new byte[_parts.Length + key.Length + digits];
        _parts.AsSpan(0, _split).CopyTo(leaf);
        key.CopyTo(leaf.AsSpan(_split));
        number[..digits].CopyTo(leaf.AsSpan(_split + key.Length));
        _parts.AsSpan(_split).CopyTo(leaf.AsSpan(_split + key.Length + digits));
        return leaf;
    }
}
