namespace Steward.Policy.Tests.Support;

/// <summary>One case of an OPA YAML case file: the parts the parser sees and whether a parse error is expected.</summary>
internal sealed record OpaCase(string Note, string? Query, IReadOnlyList<string> Modules, bool WantsParseError);
