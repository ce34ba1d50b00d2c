namespace Steward.Policy.Syntax;

/// <summary>A parsed Rego module.</summary>
/// <param name="FileName">The file name given to the parser, used in error messages.</param>
/// <param name="Package">The package declaration.</param>
/// <param name="Imports">The imports in order.</param>
/// <param name="Rules">The rules in order.</param>
public sealed record Module(string? FileName, PackageDecl Package, IReadOnlyList<ImportDecl> Imports, IReadOnlyList<Rule> Rules)
{
    /// <summary>The <c># METADATA</c> comment blocks, each with the package declaration or rule that follows it.</summary>
    public IReadOnlyList<MetadataBlock> Metadata { get; init; } = [];
}

/// <summary>A <c># METADATA</c> comment block: the YAML it holds and the statement it annotates.</summary>
/// <param name="Location">Where the <c># METADATA</c> line is.</param>
/// <param name="Yaml">The YAML text: the block's following comment lines without their <c>#</c>.</param>
/// <param name="Target">The <see cref="PackageDecl"/> or <see cref="Rule"/> that follows the block, or null when none does.</param>
public sealed record MetadataBlock(SourceLocation Location, string Yaml, Node? Target) : Node(Location);
