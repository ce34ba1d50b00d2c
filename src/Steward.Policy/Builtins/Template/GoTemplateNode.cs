namespace Steward.Policy.Builtins;

/// <summary>A parsed Go text/template node.</summary>
internal abstract record GoTemplateNode
{
    /// <summary>Literal text.</summary>
    public sealed record Text(string Value) : GoTemplateNode;

    /// <summary>{{pipeline}}: prints its value unless it only declares variables.</summary>
    public sealed record Action(Pipeline Pipe) : GoTemplateNode;

    /// <summary>{{if}}, {{with}} or {{range}} with their bodies.</summary>
    public sealed record Branch(string Kind, Pipeline Pipe, List<GoTemplateNode> Body, List<GoTemplateNode>? Else) : GoTemplateNode;

    /// <summary>{{template "name" pipeline}} (also what {{block}} leaves in place): runs a defined template.</summary>
    public sealed record Invoke(string Name, Pipeline? Pipe, string Source) : GoTemplateNode;

    /// <summary>{{break}} or {{continue}} inside a {{range}}.</summary>
    public sealed record LoopControl(bool IsBreak) : GoTemplateNode;

    /// <summary>A pipeline, with the variables it declares (<c>$x := </c> or <c>$i, $x := </c>).</summary>
    public sealed record Pipeline(List<string> Declarations, bool Assign, List<List<Token>> Commands, string Source);

    /// <summary>A lexical token inside an action.</summary>
    public sealed record Token(string Kind, string Value, List<Token>? Inner = null, List<List<Token>>? Group = null);
}
