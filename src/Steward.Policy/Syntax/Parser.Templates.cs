namespace Steward.Policy.Syntax;

/// <summary>
/// Template strings (<c>$"Hello {input.name}"</c>, OPA 1.12) become what OPA's compiler makes of them: a call of
/// <c>internal.template_string</c> on an array of the parts. Text parts and constant scalars (<c>{1}</c>,
/// <c>{"a"}</c>) are passed as they are; every other expression becomes the set of its values
/// (<c>{v | v = expr}</c>), so an undefined expression renders as <c>&lt;undefined&gt;</c> instead of making the
/// whole string undefined, and one with several values is an error when rendered.
/// </summary>
internal sealed partial class Parser
{
    private int _templateVariables;

    private CallTerm ParseTemplate()
    {
        var head = Advance();
        var parts = new List<Term>();
        if (head.Text.Length > 0)
        {
            parts.Add(new StringTerm(head.Location, head.Text));
        }

        while (true)
        {
            if (At(TokenKind.TemplateMiddle) || At(TokenKind.TemplateTail))
            {
                // `{}`: OPA reports the brace first.
                throw Error(Current, "unexpected } token");
            }

            var literal = Nested(false, false, ParseLiteral);
            parts.Add(TemplatePart(literal));
            if (!At(TokenKind.TemplateMiddle) && !At(TokenKind.TemplateTail))
            {
                throw Error(Current, "expected } to end template string expression");
            }

            var text = Advance();
            if (text.Text.Length > 0)
            {
                parts.Add(new StringTerm(text.Location, text.Text));
            }

            if (text.Kind == TokenKind.TemplateTail)
            {
                break;
            }
        }

        var location = head.Location;
        var function = new RefTerm(location, new VarTerm(location, "internal"), [new StringTerm(location, "template_string")]);
        return new CallTerm(location, function, [new ArrayTerm(location, parts)]);
    }

    private Term TemplatePart(Literal literal)
    {
        string? wrong = literal switch
        {
            { Negated: true } => "unexpected negation ('not') in template-string expression",
            { Expression: UnifyExpr } => "unexpected unification ('=') in template-string expression",
            { Expression: AssignExpr } => "unexpected assignment (':=') in template-string expression",
            { Expression: EveryExpr } => "unexpected 'every' in template-string expression",
            { Expression: SomeDeclExpr or SomeInExpr } => "unexpected 'some' in template-string expression",
            _ => null,
        };
        if (wrong is not null)
        {
            throw Error(literal.Location, wrong);
        }

        var term = ((TermExpr)literal.Expression).Term;
        if (literal.With.Count == 0 && term is StringTerm or NumberTerm or BooleanTerm or NullTerm)
        {
            return term;
        }

        // The name cannot be written in Rego, so it never meets a variable of the policy.
        var name = "$template" + _templateVariables++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var value = new VarTerm(term.Location, name);
        var binding = new Literal(literal.Location, false, new UnifyExpr(literal.Location, value, term), literal.With);
        return new SetComprehension(term.Location, value, [binding]);
    }
}
