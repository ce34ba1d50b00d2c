namespace Steward.Cli.Signing;

/// <summary>The signing algorithms the server accepts for actor keys, named as on the wire.</summary>
internal static class KeyAlgorithms
{
    public const string Ed25519 = "ed25519";
    public const string EcdsaP256 = "ecdsa-p256";

    /// <summary>The <c>--alg</c> spelling (<c>ed25519</c> or <c>p256</c>) to the wire name.</summary>
    public static string FromOption(string? option) => option switch
    {
        null or "ed25519" => Ed25519,
        "p256" or "ecdsa-p256" => EcdsaP256,
        _ => throw new Infrastructure.CliException($"unknown key algorithm '{option}': use ed25519 or p256"),
    };
}
