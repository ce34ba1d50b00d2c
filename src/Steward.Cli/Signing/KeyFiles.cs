using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Signing;

/// <summary>Reads and writes PEM key files: PKCS#8 private keys, SPKI public keys.</summary>
internal static class KeyFiles
{
    /// <summary>Loads a PKCS#8 (or SEC1 EC) PEM private key, Ed25519 or ECDSA P-256.</summary>
    public static SigningKey LoadPrivate(string path)
    {
        var blocks = ReadPem(path);
        try
        {
            if (blocks.TryGetValue("PRIVATE KEY", out var pkcs8))
            {
                return FromPkcs8(pkcs8, path);
            }

            if (blocks.TryGetValue("EC PRIVATE KEY", out var sec1))
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportECPrivateKey(sec1, out _);
                return P256SigningKey.From(ecdsa);
            }
        }
        catch (Exception ex) when (ex is not CliException)
        {
            throw new CliException($"key file {path} does not hold a valid private key: {ex.Message}", ex);
        }

        throw blocks.ContainsKey("ENCRYPTED PRIVATE KEY")
            ? new CliException($"key file {path} is encrypted; decrypt it first (openssl pkcs8 -in {path} -out PLAIN.pem)")
            : blocks.ContainsKey("PUBLIC KEY")
                ? new CliException($"key file {path} holds a public key; signing needs the private key")
                : new CliException($"key file {path} holds no PEM private key (BEGIN PRIVATE KEY)");
    }

    /// <summary>Loads a public key as SPKI DER from a public key PEM, or derives it from a private key PEM.</summary>
    public static (byte[] PublicKeyInfo, string Algorithm) LoadPublic(string path)
    {
        var blocks = ReadPem(path);
        if (!blocks.TryGetValue("PUBLIC KEY", out var spki))
        {
            using var key = LoadPrivate(path);
            return (key.PublicKeyInfo, key.Algorithm);
        }

        try
        {
            var algorithm = SubjectPublicKeyInfo.GetInstance(spki).Algorithm;
            if (algorithm.Algorithm.Equals(EdECObjectIdentifiers.id_Ed25519))
            {
                return (spki, KeyAlgorithms.Ed25519);
            }

            if (algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey)
                && X9ObjectIdentifiers.Prime256v1.Equals(algorithm.Parameters))
            {
                return (spki, KeyAlgorithms.EcdsaP256);
            }
        }
        catch (Exception ex) when (ex is not CliException)
        {
            throw new CliException($"key file {path} does not hold a valid public key: {ex.Message}", ex);
        }

        throw new CliException($"key file {path} is neither an Ed25519 nor an ECDSA P-256 public key");
    }

    /// <summary>Writes a file readable by its owner only (mode 0600 on Unix).</summary>
    public static void WriteSecret(string path, string content, bool overwrite) =>
        Write(path, content, overwrite, UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>Writes a file readable by everyone (mode 0644 on Unix).</summary>
    public static void WritePublic(string path, string content, bool overwrite) =>
        Write(path, content, overwrite,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    private static SigningKey FromPkcs8(byte[] pkcs8, string path)
    {
        var info = PrivateKeyInfo.GetInstance(pkcs8);
        var oid = info.PrivateKeyAlgorithm.Algorithm;
        if (oid.Equals(EdECObjectIdentifiers.id_Ed25519))
        {
            return new Ed25519SigningKey((Ed25519PrivateKeyParameters)PrivateKeyFactory.CreateKey(info));
        }

        if (oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return P256SigningKey.From(ecdsa);
        }

        throw new CliException($"key file {path} holds a {oid} key; only Ed25519 and ECDSA P-256 are accepted");
    }

    private static Dictionary<string, byte[]> ReadPem(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"cannot read key file {path}: {ex.Message}", ex);
        }

        var blocks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            blocks.TryAdd(label, Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    private static void Write(string path, string content, bool overwrite, UnixFileMode mode)
    {
        if (File.Exists(path))
        {
            if (!overwrite)
            {
                throw new CliException($"{path} exists; pass --force to replace it");
            }

            File.Delete(path);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(content);
    }
}
