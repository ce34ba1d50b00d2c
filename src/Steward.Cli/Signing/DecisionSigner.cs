using Steward.Client;
using Steward.Ledger.Canonical;

namespace Steward.Cli.Signing;

/// <summary>Signs a decision the way the server verifies it.</summary>
internal static class DecisionSigner
{
    /// <summary>
    /// The signed payload: the canonical JSON (sorted keys, no whitespace) of the request as sent,
    /// without its <c>signature</c> member.
    /// </summary>
    public static byte[] Payload(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CanonicalJson.Serialize(request.ToSigningPayload());
    }

    /// <summary>Returns the request with <c>signature: {key_id, sig}</c> set.</summary>
    public static DecisionRequest Sign(DecisionRequest request, SigningKey key)
    {
        var signature = key.Sign(Payload(request));
        return request with { Signature = new DecisionSignature(key.KeyId, Convert.ToBase64String(signature)) };
    }
}
