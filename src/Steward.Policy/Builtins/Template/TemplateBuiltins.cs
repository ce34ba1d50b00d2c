using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>strings.render_template: Go text/template over the variables object, missing keys being errors.</summary>
internal static class TemplateBuiltins
{
    public static void Register(BuiltinRegistry r) =>
        r.Register("strings.render_template", 2, (_, a) => Render(Operand.String(a, 0), Operand.Object(a, 1)));

    private static StringValue Render(string template, ObjectValue variables)
    {
        var (nodes, templates) = GoTemplateParser.Parse(template);
        return new(GoTemplateExecutor.Execute(nodes, templates, variables));
    }
}
