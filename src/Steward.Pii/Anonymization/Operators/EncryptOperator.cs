namespace Steward.Pii.Anonymization.Operators;

/// <summary><c>encrypt</c>: the text becomes its AES-CBC ciphertext in Presidio's format (see <see cref="AesCipher"/>).</summary>
internal sealed class EncryptOperator : Operator
{
    public override string Name => OperatorNames.Encrypt;

    public override void Validate(OperatorConfig config) => ValidateKey(this, config);

    public override string Apply(string text, string entityType, OperatorConfig config) => AesCipher.Encrypt(config.Key!, text);

    internal static void ValidateKey(Operator op, OperatorConfig config)
    {
        if (config.Key is null) throw new PiiRequestException($"Invalid input, operator '{op.Name}': key is required");
        if (!AesCipher.IsValidKey(config.Key))
            throw new PiiRequestException($"Invalid input, operator '{op.Name}': key must be of length 128, 192 or 256 bits (16, 24 or 32 UTF-8 bytes)");
    }
}
