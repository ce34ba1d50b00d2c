namespace Steward.Policy.Syntax;

/// <summary>Rule grammar: heads (refs, functions, <c>contains</c>, values), <c>if</c> bodies and <c>else</c> chains.</summary>
internal sealed partial class Parser
{
    private Rule ParseRule()
    {
        var start = Current;
        bool isDefault = Accept(TokenKind.Default);
        var head = ParseRuleName();
        var headStart = head.Location;

        IReadOnlyList<Term>? arguments = null;
        if (OnSameLine && At(TokenKind.LParen))
        {
            arguments = ParseArguments();
        }

        Term? contains = null;
        Term? value = null;
        bool assign = false;
        if (OnSameLine && At(TokenKind.Contains))
        {
            if (isDefault || arguments is not null)
            {
                throw Unexpected(isDefault ? ":= or =" : ":= or = or if");
            }

            Advance();
            contains = ParseInTerm(keyValue: false);
        }
        else if (OnSameLine && (At(TokenKind.Assign) || At(TokenKind.Unify)))
        {
            assign = Advance().Kind == TokenKind.Assign;
            value = ParseInTerm(keyValue: false);
        }

        var ruleHead = new RuleHead(headStart, head, arguments, contains, value, assign);
        if (isDefault)
        {
            if (value is null)
            {
                throw Unexpected(":= or =");
            }

            if (OnSameLine && (At(TokenKind.If) || At(TokenKind.LBrace)))
            {
                throw Error(Current, "default rules must not have a body");
            }

            return new Rule(start.Location, true, ruleHead, [], null);
        }

        var body = ParseOptionalRuleBody();
        if (body is null && value is null && contains is null)
        {
            throw OnSameLine && !At(TokenKind.Eof)
                ? Unexpected("if or := or = or contains")
                : Error(start, "rule must have a value or a body (found only the head)");
        }

        Rule? elseRule = null;
        if (At(TokenKind.Else))
        {
            if (contains is not null)
            {
                throw Error(Current, "else keyword cannot be used on multi-value rules");
            }

            if (body is null)
            {
                throw Error(Current, "else keyword cannot be used on rules without a body");
            }

            elseRule = ParseElse(ruleHead);
        }

        return new Rule(start.Location, false, ruleHead, body ?? [], elseRule);
    }

    /// <summary>The rule name: an identifier followed by <c>.name</c> and <c>[term]</c> elements on the same line.</summary>
    private Term ParseRuleName()
    {
        if (!At(TokenKind.Ident))
        {
            throw Unexpected("ident");
        }

        var name = Advance();
        var variable = new VarTerm(name.Location, name.Text);
        var path = new List<Term>();
        while (OnSameLine && !Current.SpaceBefore && (At(TokenKind.Dot) || At(TokenKind.LBrack)))
        {
            if (Advance().Kind == TokenKind.Dot)
            {
                var element = ExpectName();
                path.Add(new StringTerm(element.Location, element.Text));
            }
            else
            {
                path.Add(Nested(false, false, () => ParseInTerm(keyValue: false)));
                Expect(TokenKind.RBrack, "]");
            }
        }

        return path.Count == 0 ? variable : new RefTerm(name.Location, variable, path);
    }

    /// <summary><c>if { ... }</c> or <c>if literal</c>; null when the rule has no body. A brace without <c>if</c> is v0 syntax.</summary>
    private List<Literal>? ParseOptionalRuleBody()
    {
        if (OnSameLine && At(TokenKind.LBrace))
        {
            throw Error(Current, "`if` keyword is required before rule body");
        }

        if (!(OnSameLine && Accept(TokenKind.If)))
        {
            return null;
        }

        if (!At(TokenKind.LBrace))
        {
            return [ParseLiteral()];
        }

        if (_tokens[_index + 1].Kind == TokenKind.RBrace)
        {
            return ParseBraceBody();
        }

        // `if {` opens a body, unless what follows is only valid as a single literal starting with an
        // object or set term (`if {x: i | ...}`): OPA accepts both, so fall back when the body does not parse.
        int start = _index;
        try
        {
            return ParseBraceBody();
        }
        catch (RegoParseException bodyError)
        {
            _index = start;
            try
            {
                return [ParseLiteral()];
            }
            catch (RegoParseException)
            {
                throw bodyError;
            }
        }
    }

    private Rule ParseElse(RuleHead head)
    {
        var keyword = Advance();
        Term? value = null;
        bool assign = head.Assign;
        if (At(TokenKind.Assign) || At(TokenKind.Unify))
        {
            assign = Advance().Kind == TokenKind.Assign;
            value = ParseInTerm(keyValue: false);
        }

        var body = ParseOptionalRuleBody();
        if (body is null && value is null)
        {
            throw Unexpected(":= or = or if");
        }

        var elseHead = head with { Location = keyword.Location, Value = value, Assign = assign };
        Rule? next = At(TokenKind.Else) ? ParseElse(head) : null;
        return new Rule(keyword.Location, false, elseHead, body ?? [], next);
    }
}
