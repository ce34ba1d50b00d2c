using System.Security.Cryptography;
using System.Text;

namespace Steward.Pii.Anonymization;

/// <summary>
/// AES in CBC mode with PKCS#7 padding, in Presidio's <c>AESCipher</c> format: the key is a string whose UTF-8
/// bytes (16, 24 or 32) are the AES key; the ciphertext is URL-safe base64 (with padding) of a random 16-byte IV
/// followed by the encrypted UTF-8 text. Text encrypted by Presidio decrypts here and the other way round.
/// </summary>
public static class AesCipher
{
    private const int BlockBytes = 16;

    /// <summary>True when <paramref name="key"/>'s UTF-8 bytes are a valid AES key (128, 192 or 256 bits).</summary>
    public static bool IsValidKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.UTF8.GetByteCount(key) is 16 or 24 or 32;
    }

    /// <summary>Encrypts <paramref name="text"/> under a fresh random IV.</summary>
    public static string Encrypt(string key, string text) => Encrypt(key, text, RandomNumberGenerator.GetBytes(BlockBytes));

    /// <summary>Encrypts <paramref name="text"/> under <paramref name="iv"/> (16 bytes); use only to reproduce a known ciphertext.</summary>
    internal static string Encrypt(string key, string text, ReadOnlySpan<byte> iv)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (iv.Length != BlockBytes) throw new ArgumentException("the IV is 16 bytes", nameof(iv));
        using var aes = Create(key);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(text), iv, PaddingMode.PKCS7);
        var all = new byte[BlockBytes + cipher.Length];
        iv.CopyTo(all);
        cipher.CopyTo(all, BlockBytes);
        return Convert.ToBase64String(all).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decrypts a ciphertext; throws <see cref="PiiRequestException"/> when it is not one or the key is wrong.</summary>
    public static string Decrypt(string key, string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        using var aes = Create(key);
        byte[] all;
        try
        {
            var standard = ciphertext.Trim().Replace('-', '+').Replace('_', '/');
            if (standard.Length % 4 != 0) standard = standard.PadRight(standard.Length + 4 - standard.Length % 4, '=');
            all = Convert.FromBase64String(standard);
        }
        catch (FormatException e)
        {
            throw new PiiRequestException("Invalid input, decrypt: the text is not URL-safe base64 ciphertext", e);
        }
        if (all.Length < 2 * BlockBytes || all.Length % BlockBytes != 0)
            throw new PiiRequestException("Invalid input, decrypt: the text is not AES-CBC ciphertext (an IV and whole blocks)");
        try
        {
            var plain = aes.DecryptCbc(all.AsSpan(BlockBytes), all.AsSpan(0, BlockBytes), PaddingMode.PKCS7);
            return new UTF8Encoding(false, true).GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or DecoderFallbackException)
        {
            throw new PiiRequestException("Invalid input, decrypt: decryption failed (wrong key, or the text was not encrypted with it)", e);
        }
    }

    private static Aes Create(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsValidKey(key)) throw new PiiRequestException("Invalid input, key must be of length 128, 192 or 256 bits (16, 24 or 32 UTF-8 bytes)");
        var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes(key);
        return aes;
    }
}
