namespace Steward.Pii.Anonymization.Operators;

/// <summary><c>decrypt</c> (deanonymization): the ciphertext made by <c>encrypt</c>, here or by Presidio, becomes the text again.</summary>
internal sealed class DecryptOperator : Operator
{
    public override string Name => OperatorNames.Decrypt;

    public override void Validate(OperatorConfig config) => EncryptOperator.ValidateKey(this, config);

    public override string Apply(string text, string entityType, OperatorConfig config) => AesCipher.Decrypt(config.Key!, text);
}
