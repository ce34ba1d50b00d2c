namespace Steward.Pii.Anonymization.Operators;

/// <summary>The built-in operators by name, for anonymization and for deanonymization.</summary>
internal static class OperatorCatalog
{
    private static readonly Dictionary<string, Operator> AnonymizerOperators = new Operator[]
    {
        new ReplaceOperator(), new RedactOperator(), new MaskOperator(), new HashOperator(), new EncryptOperator(),
        new KeepOperator(OperatorNames.Keep),
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, Operator> DeanonymizerOperators = new Operator[]
    {
        new DecryptOperator(), new KeepOperator(OperatorNames.DeanonymizeKeep),
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static Operator Anonymizer(string name) => AnonymizerOperators.TryGetValue(name, out var op) ? op
        : throw new PiiRequestException($"Invalid input, unknown anonymizer '{name}'; supported: {string.Join(", ", OperatorNames.Anonymizers)}");

    public static Operator Deanonymizer(string name) => DeanonymizerOperators.TryGetValue(name, out var op) ? op
        : throw new PiiRequestException($"Invalid input, unknown deanonymizer '{name}'; supported: {string.Join(", ", OperatorNames.Deanonymizers)}");
}
