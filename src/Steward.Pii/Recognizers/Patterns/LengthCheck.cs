namespace Steward.Pii.Recognizers.Patterns;

/// <summary>libphonenumber's ValidationResult for a number's length against a region's possible lengths.</summary>
internal enum LengthCheck
{
    /// <summary>One of the region's possible lengths.</summary>
    Possible,

    /// <summary>A length only dialled within an area.</summary>
    LocalOnly,

    /// <summary>Shorter than every possible length.</summary>
    TooShort,

    /// <summary>Between possible lengths, or the region has none.</summary>
    InvalidLength,

    /// <summary>Longer than every possible length.</summary>
    TooLong,
}
