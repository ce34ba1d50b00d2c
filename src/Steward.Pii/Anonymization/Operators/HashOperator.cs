using System.Security.Cryptography;
using System.Text;

namespace Steward.Pii.Anonymization.Operators;

/// <summary>
/// <c>hash</c>: the lower-case hex digest (<c>sha256</c>, the default, or <c>sha512</c>) of the text's UTF-8 bytes
/// followed by the salt's. A given <c>salt</c> (at least 16 UTF-8 bytes) makes equal texts hash alike across
/// requests; without one each entity gets a fresh random 32-byte salt, so hashes cannot be matched to texts
/// by a dictionary (Presidio's behaviour since 2.2.358).
/// </summary>
internal sealed class HashOperator : Operator
{
    public const int MinimumSaltBytes = 16;

    public override string Name => OperatorNames.Hash;

    public override void Validate(OperatorConfig config)
    {
        if (config.HashType is not (null or "sha256" or "sha512"))
            throw Invalid($"hash_type must be one of sha256, sha512, not '{config.HashType}'");
        if (config.Salt is not null && Encoding.UTF8.GetByteCount(config.Salt) < MinimumSaltBytes)
            throw Invalid($"salt must be at least {MinimumSaltBytes} bytes");
    }

    public override string Apply(string text, string entityType, OperatorConfig config)
    {
        var salt = config.Salt is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(config.Salt);
        var textBytes = Encoding.UTF8.GetBytes(text);
        var input = new byte[textBytes.Length + salt.Length];
        textBytes.CopyTo(input, 0);
        salt.CopyTo(input, textBytes.Length);
        var digest = config.HashType == "sha512" ? SHA512.HashData(input) : SHA256.HashData(input);
        return Convert.ToHexStringLower(digest);
    }
}
