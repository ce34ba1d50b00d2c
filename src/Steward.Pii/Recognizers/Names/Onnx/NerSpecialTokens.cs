using System.Text.Json;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>The special tokens named in <c>tokenizer_config.json</c> (<c>cls_token</c>, <c>sep_token</c>, ...); null where it names none.</summary>
internal sealed record NerSpecialTokens(string? Start, string? End, string? Pad, string? Unknown, string? Mask)
{
    /// <summary>Reads them from <paramref name="settings"/> (the parsed <c>tokenizer_config.json</c>, if any).</summary>
    public NerSpecialTokens(JsonElement? settings)
        : this(Read(settings, "cls_token") ?? Read(settings, "bos_token"), Read(settings, "sep_token") ?? Read(settings, "eos_token"),
            Read(settings, "pad_token"), Read(settings, "unk_token"), Read(settings, "mask_token"))
    {
    }

    /// <summary>True for a token written like a special one (<c>[CLS]</c>, <c>&lt;s&gt;</c>) or named here.</summary>
    public bool IsSpecial(string token) =>
        (token.StartsWith('[') && token.EndsWith(']')) || (token.StartsWith('<') && token.EndsWith('>'))
        || token == Start || token == End || token == Pad || token == Unknown || token == Mask;

    private static string? Read(JsonElement? settings, string name)
    {
        if (settings is not { } root || !root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String => content.GetString(),
            _ => null,
        };
    }
}
