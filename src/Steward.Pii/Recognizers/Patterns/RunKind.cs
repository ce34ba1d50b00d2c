namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// The recognizers whose first test of a digit run looks only at its length and <see cref="RunShape"/>:
/// <see cref="NumberIndex"/> classifies every run for all of them in one pass and keeps, per kind, the runs that can
/// start that entity (<see cref="NumberIndex.Candidates"/>), so each visits a few candidates instead of every run.
/// A kind's list may hold runs its recognizer then rejects; it never leaves out one the recognizer would look at.
/// </summary>
internal enum RunKind
{
    /// <summary>3-19 digits, joined to more digits when under 12.</summary>
    CreditCard,

    /// <summary>9 digits, or 3 or 5 joined to more.</summary>
    UsSsn,

    /// <summary>3 or 9 digits.</summary>
    UsItin,

    /// <summary>10 digits, or 3 joined to more.</summary>
    UkNhs,

    /// <summary>8 or 9 digits.</summary>
    UsPassport,

    /// <summary>8-17 digits.</summary>
    UsBankNumber,

    /// <summary>2 or more digits after a letter.</summary>
    Iban,

    /// <summary>7 or 8 digits after a letter.</summary>
    MedicalLicense,

    /// <summary>2 or 6 digits after a letter or next to a word.</summary>
    UkNino,

    /// <summary>14 or more digits, or a letter on either side.</summary>
    Crypto,

    /// <summary>A letter on either side, or 6-14 digits neither joined to more digits nor continuing a number.</summary>
    UsDriverLicense,
}
