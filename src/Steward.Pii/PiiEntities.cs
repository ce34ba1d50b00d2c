namespace Steward.Pii;

/// <summary>The entity types Steward's default recognizers report, spelled as Presidio spells them.</summary>
public static class PiiEntities
{
#pragma warning disable CS1591 // the names are the documentation
    public const string CreditCard = "CREDIT_CARD";
    public const string Crypto = "CRYPTO";
    public const string DateTime = "DATE_TIME";
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string IbanCode = "IBAN_CODE";
    public const string IpAddress = "IP_ADDRESS";
    public const string MacAddress = "MAC_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string Url = "URL";
    public const string UsSsn = "US_SSN";
    public const string UsItin = "US_ITIN";
    public const string UsPassport = "US_PASSPORT";
    public const string UsDriverLicense = "US_DRIVER_LICENSE";
    public const string UsBankNumber = "US_BANK_NUMBER";
    public const string UkNhs = "UK_NHS";
    public const string UkNino = "UK_NINO";
    public const string MedicalLicense = "MEDICAL_LICENSE";
    public const string Person = "PERSON";
    public const string Location = "LOCATION";
    public const string Nrp = "NRP";
    public const string Organization = "ORGANIZATION";
#pragma warning restore CS1591
}
