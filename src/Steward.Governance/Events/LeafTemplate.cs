using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Events;

/// <summary>
/// The canonical leaf of an event, serialized before its index is known. Canonical JSON sorts keys, and
/// <c>index</c> falls between <c>id</c> and <c>refs</c>, so the leaf is the serialization of
/// {actor, data, id} without its closing brace, then <c>,"index":N,</c>, then {refs, subject, time, type}
/// without its opening brace. The expensive part runs on the caller's thread; the sequencer only
/// concatenates under its lock.
/// </summary>
internal sealed class LeafTemplate
{
    private readonly byte[] _head;
    private readonly byte[] _tail;

    public LeafTemplate(GovernanceEvent evt)
    {
        // Each part is serialized by the canonical serializer on its own; only the fixed top-level layout
        // (sorted: actor, data, id | index | refs, subject, time, type) is spelled out here.
        var refs = new JsonObject();
        foreach (var (k, v) in evt.Refs) refs[k] = v;
        using var head = new MemoryStream();
        Append(head, "{\"actor\":"u8, new JsonObject { ["id"] = evt.Actor.Id, ["kind"] = evt.Actor.Kind });
        Append(head, ",\"data\":"u8, evt.Data);
        Append(head, ",\"id\":"u8, JsonValue.Create(evt.Id.ToString()));
        head.WriteByte((byte)'}');
        using var tail = new MemoryStream();
        Append(tail, "{\"refs\":"u8, refs);
        Append(tail, ",\"subject\":"u8, new JsonObject { ["id"] = evt.Subject.Id, ["kind"] = evt.Subject.Kind });
        Append(tail, ",\"time\":"u8, JsonValue.Create(Timestamps.Format(evt.Time)));
        Append(tail, ",\"type\":"u8, JsonValue.Create(evt.Type));
        tail.WriteByte((byte)'}');
        _head = head.ToArray();
        _tail = tail.ToArray();
    }

    private static void Append(MemoryStream stream, ReadOnlySpan<byte> key, JsonNode? value)
    {
        stream.Write(key);
        stream.Write(CanonicalJson.Serialize(value));
    }

    public byte[] Render(long index)
    {
        Span<byte> number = stackalloc byte[24];
        var digits = Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture), number);
        var leaf = new byte[_head.Length - 1 + 9 + digits + 1 + _tail.Length - 1];
        var at = 0;
        _head.AsSpan(0, _head.Length - 1).CopyTo(leaf);
        at += _head.Length - 1;
        ",\"index\":"u8.CopyTo(leaf.AsSpan(at));
        at += 9;
        number[..digits].CopyTo(leaf.AsSpan(at));
        at += digits;
        leaf[at++] = (byte)',';
        _tail.AsSpan(1).CopyTo(leaf.AsSpan(at));
        return leaf;
    }
}
