namespace Steward.Pii.Recognizers.Patterns;

/// <summary>Segwit addresses: bech32 (BIP-173, witness version 0) and bech32m (BIP-350, versions 1-16).</summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    /// <summary>True for a valid mainnet (bc) or testnet (tb) segwit address with the checksum its version requires.</summary>
    public static bool IsValidAddress(ReadOnlySpan<char> address)
    {
        if (address.Length is < 14 or > 90) return false;
        bool lower = false, upper = false;
        foreach (var c in address)
        {
            if (c is < '!' or > '~') return false;
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
        }
        if (lower && upper) return false;
        var separator = address.LastIndexOf('1');
        if (separator != 2 || address.Length - separator - 1 < 7) return false;
        Span<char> hrp = stackalloc char[2];
        hrp[0] = char.ToLowerInvariant(address[0]);
        hrp[1] = char.ToLowerInvariant(address[1]);
        if (!(hrp is "bc" || hrp is "tb")) return false;
        var data = address[(separator + 1)..];
        Span<byte> values = stackalloc byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var v = Charset.IndexOf(char.ToLowerInvariant(data[i]), StringComparison.Ordinal);
            if (v < 0) return false;
            values[i] = (byte)v;
        }
        var version = values[0];
        if (version > 16) return false;
        var program = data.Length - 1 - 6; // 5-bit groups of the witness program
        var programBytes = program * 5 / 8;
        if (programBytes is < 2 or > 40 || program * 5 % 8 >= 5) return false;
        if (version == 0 && programBytes is not (20 or 32)) return false;
        var constant = version == 0 ? Bech32Constant : Bech32mConstant;
        return Polymod(hrp, values) == constant;
    }

    private static uint Polymod(ReadOnlySpan<char> hrp, ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (var c in hrp) chk = Step(chk, (uint)c >> 5);
        chk = Step(chk, 0);
        foreach (var c in hrp) chk = Step(chk, (uint)c & 31);
        foreach (var v in values) chk = Step(chk, v);
        return chk;
    }

    private static uint Step(uint chk, uint value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        if ((top & 1) != 0) chk ^= 0x3b6a57b2;
        if ((top & 2) != 0) chk ^= 0x26508e6d;
        if ((top & 4) != 0) chk ^= 0x1ea119fa;
        if ((top & 8) != 0) chk ^= 0x3d4233dd;
        if ((top & 16) != 0) chk ^= 0x2a1462b3;
        return chk;
    }
}
