namespace Steward.Client;

/// <summary>Presidio's <c>/anonymize</c> request.</summary>
public sealed record PiiAnonymizeRequest
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The spans to anonymize (usually <c>/analyze</c>'s answer).</summary>
    public required IReadOnlyList<PiiEntity> AnalyzerResults { get; init; }

    /// <summary>Operators by entity type, or <c>DEFAULT</c>; null replaces with <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public IReadOnlyDictionary<string, PiiOperator>? Anonymizers { get; init; }

    /// <summary><c>merge_similar_or_contained</c> (default) or <c>remove_intersections</c>.</summary>
    public string? ConflictResolution { get; init; }
}

/// <summary>Presidio's <c>/deanonymize</c> request.</summary>
public sealed record PiiDeanonymizeRequest
{
    /// <summary>The anonymized text.</summary>
    public required string Text { get; init; }

    /// <summary>The items of the anonymization to reverse.</summary>
    public required IReadOnlyList<PiiAnonymizedItem> AnonymizerResults { get; init; }

    /// <summary>Operators by entity type or <c>DEFAULT</c> (<c>decrypt</c> with the key).</summary>
    public required IReadOnlyDictionary<string, PiiOperator> Deanonymizers { get; init; }
}

/// <summary>An operator and its parameters (<c>{"type": "mask", "masking_char": "*", ...}</c>).</summary>
public sealed record PiiOperator
{
    /// <summary>replace, redact, mask, hash, encrypt, keep; decrypt or deanonymize_keep to deanonymize.</summary>
    public required string Type { get; init; }
    /// <summary>replace: the new text.</summary>
    public string? NewValue { get; init; }
    /// <summary>mask: the masking character.</summary>
    public string? MaskingChar { get; init; }
    /// <summary>mask: how many characters.</summary>
    public int? CharsToMask { get; init; }
    /// <summary>mask: from the end.</summary>
    public bool? FromEnd { get; init; }
    /// <summary>hash: sha256 or sha512.</summary>
    public string? HashType { get; init; }
    /// <summary>hash: the salt (at least 16 bytes); random per entity when null.</summary>
    public string? Salt { get; init; }
    /// <summary>encrypt / decrypt: the AES key (16, 24 or 32 bytes).</summary>
    public string? Key { get; init; }
}

/// <summary>The answer of <c>/anonymize</c> and <c>/deanonymize</c>.</summary>
/// <param name="Text">The new text.</param>
/// <param name="Items">What was done, positions in <paramref name="Text"/>.</param>
public sealed record PiiAnonymizeResult(string Text, IReadOnlyList<PiiAnonymizedItem> Items);

/// <summary>One operation of an anonymization.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="EntityType">The entity type.</param>
/// <param name="Start">The new text's first character in the output.</param>
/// <param name="End">One past its last character.</param>
/// <param name="Text">The new text.</param>
public sealed record PiiAnonymizedItem(string Operator, string EntityType, int Start, int End, string Text);
