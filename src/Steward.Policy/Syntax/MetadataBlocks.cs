using System.Text;

namespace Steward.Policy.Syntax;

/// <summary>
/// Finds OPA's annotation blocks: a comment <c># METADATA</c> at column 1 and the comment lines at column 1 right
/// below it (the block ends at the first line that is not such a comment). The YAML is those lines without their
/// <c>#</c>; the block annotates the package declaration or rule that starts after it.
/// </summary>
internal static class MetadataBlocks
{
    public static IReadOnlyList<MetadataBlock> Find(List<Lexer.Comment> comments, Module module)
    {
        var statements = new List<Node>(module.Rules.Count + 1) { module.Package };
        statements.AddRange(module.Rules);
        var blocks = new List<MetadataBlock>();
        for (var i = 0; i < comments.Count; i++)
        {
            if (comments[i].Text.Trim() != "METADATA")
            {
                continue;
            }

            var start = comments[i].Line;
            var yaml = new StringBuilder();
            var last = start;
            while (i + 1 < comments.Count && comments[i + 1].Line == last + 1 && comments[i + 1].Text.Trim() != "METADATA")
            {
                i++;
                last = comments[i].Line;
                yaml.Append(comments[i].Text).Append('\n');
            }

            var target = statements.FirstOrDefault(s => s.Location.Line > last);
            blocks.Add(new MetadataBlock(new SourceLocation(start, 1), yaml.ToString(), target));
        }

        return blocks;
    }
}
