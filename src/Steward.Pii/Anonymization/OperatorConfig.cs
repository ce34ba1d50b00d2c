namespace Steward.Pii.Anonymization;

/// <summary>
/// One operator and its parameters, as a value of Presidio's <c>anonymizers</c> / <c>deanonymizers</c> map
/// (<c>{"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}</c>). Parameters that the
/// operator does not use are ignored; the ones it uses are checked by <see cref="AnonymizerEngine"/>.
/// </summary>
public sealed class OperatorConfig
{
    /// <summary>Creates a configuration of operator <paramref name="type"/>.</summary>
    public OperatorConfig(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
    }

    /// <summary>The operator: <c>replace</c>, <c>redact</c>, <c>mask</c>, <c>hash</c>, <c>encrypt</c>, <c>keep</c>, or <c>decrypt</c> for deanonymization.</summary>
    public string Type { get; }

    /// <summary><c>replace</c>: the replacement; null or empty gives <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public string? NewValue { get; init; }

    /// <summary><c>mask</c>: the masking character (exactly one).</summary>
    public string? MaskingChar { get; init; }

    /// <summary><c>mask</c>: how many characters to mask (0 or less masks none; more than the text masks all).</summary>
    public int? CharsToMask { get; init; }

    /// <summary><c>mask</c>: mask from the end instead of the start (default false).</summary>
    public bool? FromEnd { get; init; }

    /// <summary><c>hash</c>: <c>sha256</c> (the default) or <c>sha512</c>.</summary>
    public string? HashType { get; init; }

    /// <summary><c>hash</c>: the salt (UTF-8, at least 16 bytes); when null a random 32-byte salt is drawn per entity.</summary>
    public string? Salt { get; init; }

    /// <summary><c>encrypt</c> / <c>decrypt</c>: the AES key as a string whose UTF-8 bytes are 16, 24 or 32 long.</summary>
    public string? Key { get; init; }

    /// <summary>Presidio's default operator: <c>replace</c> with <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public static OperatorConfig DefaultReplace { get; } = new(OperatorNames.Replace);
}
