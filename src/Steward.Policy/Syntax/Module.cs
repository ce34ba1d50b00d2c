namespace Steward.Policy.Syntax;

/// <summary>A parsed Rego module.</summary>
/// <param name="FileName">The file name given to the parser, used in error messages.</param>
/// <param name="Package">The package declaration.</param>
/// <param name="Imports">The imports in order.</param>
/// <param name="Rules">The rules in order.</param>
public sealed record Module(string? FileName, PackageDecl Package, IReadOnlyList<ImportDecl> Imports, IReadOnlyList<Rule> Rules);
