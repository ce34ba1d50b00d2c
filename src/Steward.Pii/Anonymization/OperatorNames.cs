namespace Steward.Pii.Anonymization;

/// <summary>The operator names Presidio's REST API uses.</summary>
public static class OperatorNames
{
    /// <summary>Replaces the text with <c>new_value</c> or <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public const string Replace = "replace";
    /// <summary>Removes the text.</summary>
    public const string Redact = "redact";
    /// <summary>Overwrites some characters with a masking character.</summary>
    public const string Mask = "mask";
    /// <summary>Replaces the text with a salted SHA-256 or SHA-512 digest in hex.</summary>
    public const string Hash = "hash";
    /// <summary>Replaces the text with its AES-CBC ciphertext (Presidio's format).</summary>
    public const string Encrypt = "encrypt";
    /// <summary>Leaves the text as it is (but reports it).</summary>
    public const string Keep = "keep";
    /// <summary>Deanonymization: decrypts what <see cref="Encrypt"/> produced.</summary>
    public const string Decrypt = "decrypt";
    /// <summary>Deanonymization: leaves the text as it is.</summary>
    public const string DeanonymizeKeep = "deanonymize_keep";
    /// <summary>The key of the operator used for entity types without their own.</summary>
    public const string Default = "DEFAULT";

    /// <summary>The anonymizers, in the order <c>GET /anonymizers</c> lists them.</summary>
    public static IReadOnlyList<string> Anonymizers { get; } = [Replace, Redact, Mask, Hash, Encrypt, Keep];

    /// <summary>The deanonymizers, in the order <c>GET /deanonymizers</c> lists them.</summary>
    public static IReadOnlyList<string> Deanonymizers { get; } = [Decrypt, DeanonymizeKeep];
}
