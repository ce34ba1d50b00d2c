namespace Steward.Pii.Recognizers.Patterns;

/// <summary>The built-in pattern and checksum recognizers (credit cards, IBANs, e-mail addresses, phone numbers and the rest).</summary>
public static class DefaultPatternRecognizers
{
    /// <summary>Creates one instance of each.</summary>
    public static IReadOnlyList<Recognizer> Create(PiiEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new CreditCardRecognizer(),
            new CryptoRecognizer(),
            new DateTimeRecognizer(),
            new EmailRecognizer(),
            new IbanRecognizer(),
            new IpAddressRecognizer(),
            new MacAddressRecognizer(),
            new PhoneNumberRecognizer(new PhoneNumberValidator(options.PhoneRegions)),
            new UrlRecognizer(),
            new UsSsnRecognizer(),
            new UsItinRecognizer(),
            new UsPassportRecognizer(),
            new UsDriverLicenseRecognizer(),
            new UsBankNumberRecognizer(),
            new UkNhsRecognizer(),
            new UkNinoRecognizer(),
            new MedicalLicenseRecognizer(),
        ];
    }
}
