namespace Steward.Pii.Anonymization.Operators;

/// <summary>
/// <c>mask</c>: <c>chars_to_mask</c> characters from the start (or the end with <c>from_end</c>) become
/// <c>masking_char</c>; more than the text's length masks it all, zero or less masks nothing.
/// </summary>
internal sealed class MaskOperator : Operator
{
    public override string Name => OperatorNames.Mask;

    public override void Validate(OperatorConfig config)
    {
        if (config.MaskingChar is null) throw Invalid("masking_char is required (one character)");
        if (config.MaskingChar.Length != 1) throw Invalid($"masking_char must be exactly one character, not '{config.MaskingChar}'");
        if (config.CharsToMask is null) throw Invalid("chars_to_mask is required (an integer)");
    }

    public override string Apply(string text, string entityType, OperatorConfig config)
    {
        var count = config.CharsToMask!.Value > 0 ? Math.Min(text.Length, config.CharsToMask.Value) : 0;
        var mask = new string(config.MaskingChar![0], count);
        return config.FromEnd == true
            ? string.Concat(text.AsSpan(0, text.Length - count), mask)
            : string.Concat(mask, text.AsSpan(count));
    }
}
