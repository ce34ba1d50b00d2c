namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// CRYPTO: bitcoin addresses whose checksum holds (score 1.0): legacy base58check P2PKH/P2SH addresses (26-35
/// characters starting with 1 or 3, double-SHA-256 check) and segwit bech32 (BIP-173) or bech32m (BIP-350)
/// addresses starting with bc1 or tb1.
/// </summary>
internal sealed class CryptoRecognizer() : Recognizer("CryptoRecognizer", [PiiEntities.Crypto], ["wallet", "btc", "bitcoin", "crypto", "address"])
{
    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.Crypto)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var lastEnd = -1;
        foreach (var r in index.Candidates(RunKind.Crypto))
        {
            if (index.Ends[r] - index.Starts[r] < 14 && (index.Shapes[r] & (RunShape.LetterBefore | RunShape.LetterAfter)) == 0) continue;
            if (index.Starts[r] < lastEnd) continue; // inside the word just judged (its start is before the run's)
            var s = TextAround.AlnumStart(text, index.Starts[r]);
            if (s < lastEnd) continue;
            var e = TextAround.AlnumEnd(text, index.Ends[r]);
            lastEnd = e;
            var word = text.AsSpan(s, e - s);
            if (word.Length < 14 || word.Length > 90 || !TextAround.IsWordBounded(text, s, e)) continue;
            string? kind = null;
            if (word[0] is '1' or '3' && word.Length <= 35 && Base58Check.IsValidAddress(word)) kind = "base58check";
            else if (word.Length >= 3 && word[2] == '1' && (word.StartsWith("bc", StringComparison.OrdinalIgnoreCase) || word.StartsWith("tb", StringComparison.OrdinalIgnoreCase))
                && Bech32.IsValidAddress(word)) kind = word[3] is 'q' or 'Q' ? "bech32" : "bech32m";
            if (kind is null) continue;
            sink.Add(this, PiiEntities.Crypto, s, e, 1.0, $"Bitcoin address ({kind})", kind, true, $"Identified as CRYPTO: a bitcoin address with a valid {kind} checksum");
        }
    }
}
