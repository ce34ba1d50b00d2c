using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>Collects compile errors so that one run reports them all.</summary>
internal sealed class CompileErrors
{
    private const int Limit = 100;

    public List<RegoError> Items { get; } = [];

    public void Add(string code, string message, string? file, SourceLocation location)
    {
        if (Items.Count < Limit)
        {
            Items.Add(new RegoError(code, message, file, location.Line, location.Column));
        }
    }

    public void ThrowIfAny()
    {
        if (Items.Count > 0)
        {
            throw new RegoCompileException(Items.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }
    }
}
