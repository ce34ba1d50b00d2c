namespace Steward.Policy.Syntax;

/// <summary>Body grammar: literal lists, <c>not</c>, <c>some</c>, <c>every</c>, <c>:=</c>, <c>=</c> and <c>with</c>.</summary>
internal sealed partial class Parser
{
    /// <summary><c>{ literal (; | newline) ... }</c>; an empty body is an error, as in OPA.</summary>
    private List<Literal> ParseBraceBody()
    {
        var open = Expect(TokenKind.LBrace, "{");
        var body = Nested(true, false, () => ParseLiterals(TokenKind.RBrace, "}"));
        if (body.Count == 0)
        {
            throw Error(open, "found empty body");
        }

        Expect(TokenKind.RBrace, "}");
        return body;
    }

    /// <summary>Literals separated by <c>;</c> or line breaks, up to (not including) <paramref name="end"/>.</summary>
    private List<Literal> ParseLiterals(TokenKind end, string endText)
    {
        var literals = new List<Literal>();
        while (!At(end))
        {
            literals.Add(ParseLiteral());
            if (Accept(TokenKind.Semicolon) || At(end) || Current.NewlineBefore)
            {
                continue;
            }

            throw Unexpected($"\\n or ; or {endText}");
        }

        return literals;
    }

    private Literal ParseLiteral() => LogicalEnabled ? ParseLogicalLiteral() : ParsePlainLiteral(allowWith: true);

    private Literal ParsePlainLiteral(bool allowWith)
    {
        var start = Current;
        bool negated = Accept(TokenKind.Not);
        Expr expression;
        if (At(TokenKind.Some) || At(TokenKind.Every))
        {
            if (negated)
            {
                throw Unexpected("expression");
            }

            expression = At(TokenKind.Some) ? ParseSome() : ParseEvery();
        }
        else
        {
            expression = ParseExpr();
        }

        return new Literal(start.Location, negated, expression, allowWith ? ParseWithModifiers() : []);
    }

    private List<WithModifier> ParseWithModifiers()
    {
        var modifiers = new List<WithModifier>();
        while (At(TokenKind.With))
        {
            var keyword = Advance();
            var target = ParsePrimary();
            if (target is not (VarTerm or RefTerm { Head: VarTerm }))
            {
                throw Error(target.Location, "with target must be a reference to data, input or a function");
            }

            Expect(TokenKind.As, "as");
            var value = ParseInTerm(keyValue: false);
            modifiers.Add(new WithModifier(keyword.Location, target, value));
        }

        return modifiers;
    }

    private Expr ParseExpr()
    {
        var start = Current;
        var left = ParseInTerm(keyValue: true);
        if (OnSameLine && (At(TokenKind.Assign) || At(TokenKind.Unify)))
        {
            bool assign = Advance().Kind == TokenKind.Assign;
            var right = ParseInTerm(keyValue: true);
            return assign ? new AssignExpr(start.Location, left, right) : new UnifyExpr(start.Location, left, right);
        }

        return new TermExpr(start.Location, left);
    }

    /// <summary><c>some x, y</c>, <c>some x in xs</c> or <c>some k, v in xs</c>.</summary>
    private Expr ParseSome()
    {
        var keyword = Advance();
        var terms = new List<Term> { ParseRelation() };
        while (OnSameLine && Accept(TokenKind.Comma))
        {
            terms.Add(ParseRelation());
        }

        if (OnSameLine && At(TokenKind.In))
        {
            if (terms.Count > 2)
            {
                throw Unexpected("\\n or ; or }");
            }

            Advance();
            var collection = ParseRelation();
            return terms.Count == 1
                ? new SomeInExpr(keyword.Location, null, terms[0], collection)
                : new SomeInExpr(keyword.Location, terms[0], terms[1], collection);
        }

        var variables = new List<VarTerm>();
        foreach (var term in terms)
        {
            variables.Add(term as VarTerm ?? throw Error(term.Location, "expected var in some declaration"));
        }

        return new SomeDeclExpr(keyword.Location, variables);
    }

    /// <summary><c>every x in xs { body }</c> or <c>every k, v in xs { body }</c>.</summary>
    private EveryExpr ParseEvery()
    {
        var keyword = Advance();
        Term? key = null;
        var value = ParseRelation();
        if (OnSameLine && Accept(TokenKind.Comma))
        {
            key = value;
            value = ParseRelation();
        }

        foreach (var bound in key is null ? [value] : new[] { key, value })
        {
            if (bound is not VarTerm)
            {
                throw Error(bound.Location, "unexpected term in every: expected var");
            }
        }

        Expect(TokenKind.In, "in");
        var domain = ParseRelation();
        var body = ParseBraceBody();
        return new EveryExpr(keyword.Location, key, value, domain, body);
    }
}
