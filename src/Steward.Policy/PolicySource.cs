namespace Steward.Policy;

/// <summary>One Rego module's text and the name used for it in errors (usually its file name or policy id).</summary>
/// <param name="Name">The module name.</param>
/// <param name="Text">The Rego source.</param>
public sealed record PolicySource(string Name, string Text);
