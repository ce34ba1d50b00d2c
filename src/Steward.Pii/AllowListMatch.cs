namespace Steward.Pii;

/// <summary>How allow-list entries are compared with a result's text (Presidio's <c>allow_list_match</c>).</summary>
public enum AllowListMatch
{
    /// <summary>The result's text equals an entry.</summary>
    Exact,
    /// <summary>The result's text matches an entry as a whole regular expression.</summary>
    Regex,
}
