namespace Steward.Pii.Scanning;

/// <summary>Turns a column name into context words ("account_number", "phoneNumber", "SSN" → account number, phone number, ssn).</summary>
internal static class ColumnContext
{
    /// <summary>The request's options with the column's words added to its context.</summary>
    public static AnalyzeOptions Apply(AnalyzeOptions options, string column)
    {
        var words = Words(column);
        if (words.Count == 0) return options;
        return new AnalyzeOptions
        {
            Language = options.Language,
            Entities = options.Entities,
            ScoreThreshold = options.ScoreThreshold,
            AdHocRecognizers = options.AdHocRecognizers,
            AllowList = options.AllowList,
            AllowListMatch = options.AllowListMatch,
            RegexFlags = options.RegexFlags,
            Context = [.. options.Context, .. words],
        };
    }

    /// <summary>The words of a column name, split at non-letters and at lower-to-upper case changes, lower-cased.</summary>
    public static List<string> Words(string column)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= column.Length; i++)
        {
            var c = i < column.Length ? column[i] : ' ';
            var boundary = !char.IsLetter(c) || (start >= 0 && char.IsUpper(c) && char.IsLower(column[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(column[start..i].ToLowerInvariant());
                start = -1;
            }
            if (char.IsLetter(c) && start < 0) start = i;
        }
        return words;
    }
}
