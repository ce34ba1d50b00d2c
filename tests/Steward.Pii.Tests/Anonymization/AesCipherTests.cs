using Steward.Pii.Anonymization;

namespace Steward.Pii.Tests.Anonymization;

/// <summary>Compatibility with Presidio's AESCipher, against ciphertexts made with OpenSSL (see Data/SOURCE.md).</summary>
public sealed class AesCipherTests
{
    public static TheoryData<string, string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Anonymization", "Data", "presidio-aes-samples.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decrypt_ReadsPresidioCiphertext(string key, string ivHex, string plaintext, string ciphertext)
    {
        _ = ivHex;
        Assert.Equal(plaintext, AesCipher.Decrypt(key, ciphertext));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Encrypt_WithTheSameIv_WritesPresidiosCiphertext(string key, string ivHex, string plaintext, string ciphertext)
    {
        Assert.Equal(ciphertext, AesCipher.Encrypt(key, plaintext, Convert.FromHexString(ivHex)));
    }

    [Fact]
    public void Encrypt_UsesAFreshIvEachTime()
    {
        const string key = "WmZq4t7w!z%C&F)JaNdRgUkXp2s5v8y/";
        var a = AesCipher.Encrypt(key, "Jane Doe");
        var b = AesCipher.Encrypt(key, "Jane Doe");

        Assert.NotEqual(a, b);
        Assert.Equal("Jane Doe", AesCipher.Decrypt(key, b));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("AAECAwQFBgcICQoLDA0OD15muEpuVxuYhOdd9jQRAHc=")]
    public void Decrypt_OfSomethingElse_IsARequestError(string ciphertext)
    {
        Assert.Throws<PiiRequestException>(() => AesCipher.Decrypt("WmZq4t7w!z%C&F)J", ciphertext));
    }

    [Fact]
    public void Decrypt_WithTheWrongKey_IsARequestError()
    {
        Assert.Throws<PiiRequestException>(() => AesCipher.Decrypt("0000000000000000", "AAECAwQFBgcICQoLDA0OD15muEpuVxuYhOdd8jQRAHc="));
    }
}
