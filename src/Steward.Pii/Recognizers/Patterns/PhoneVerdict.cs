using PhoneNumbers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// What <see cref="NumberingPlans"/> says of a number: undecided (a plan it cannot compile: ask libphonenumber),
/// invalid, or valid for <see cref="Region"/> with its <see cref="Type"/>.
/// </summary>
internal readonly record struct PhoneVerdict(bool Decided, string? Region, PhoneNumberType Type)
{
    /// <summary>The matcher cannot answer; libphonenumber must.</summary>
    public static PhoneVerdict Undecided => new(false, null, PhoneNumberType.UNKNOWN);

    /// <summary>Not a valid number.</summary>
    public static PhoneVerdict Invalid => new(true, null, PhoneNumberType.UNKNOWN);

    /// <summary>True for a valid number.</summary>
    public bool Valid => Region is not null;
}
