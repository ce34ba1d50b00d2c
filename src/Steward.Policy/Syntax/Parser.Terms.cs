namespace Steward.Policy.Syntax;

/// <summary>
/// Term grammar, loosest binding first, as in OPA: <c>in</c>; comparison; <c>|</c>; <c>&amp;</c>; <c>+ -</c>;
/// <c>* / %</c>; unary minus; primaries with reference and call suffixes.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>
    /// A full term including membership. With <paramref name="keyValue"/>, <c>k, v in xs</c> is accepted
    /// (only where a comma cannot otherwise follow: a literal or the right side of <c>:=</c>/<c>=</c>).
    /// </summary>
    private Term ParseInTerm(bool keyValue)
    {
        var start = Current;
        var left = ParseRelation();
        if (keyValue && OnSameLine && At(TokenKind.Comma))
        {
            int save = _index;
            Advance();
            var middle = ParseRelation();
            if (OnSameLine && Accept(TokenKind.In))
            {
                left = new MembershipTerm(start.Location, left, middle, ParseRelation());
            }
            else
            {
                _index = save;
            }
        }

        while (OnSameLine && Accept(TokenKind.In))
        {
            left = new MembershipTerm(start.Location, null, left, ParseRelation());
        }

        return left;
    }

    private Term ParseRelation()
    {
        var left = ParseOr();
        while (OnSameLine && RelationOperator(Current.Kind) is { } op)
        {
            Advance();
            left = new BinaryTerm(left.Location, op, left, ParseOr());
        }

        return left;
    }

    private static BinaryOperator? RelationOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.LessThan,
        TokenKind.LessEqual => BinaryOperator.LessThanOrEqual,
        TokenKind.Greater => BinaryOperator.GreaterThan,
        TokenKind.GreaterEqual => BinaryOperator.GreaterThanOrEqual,
        _ => null,
    };

    private Term ParseOr()
    {
        var left = ParseAnd();
        while (OnSameLine && !_barEndsTerm && Accept(TokenKind.Bar))
        {
            left = new BinaryTerm(left.Location, BinaryOperator.Or, left, ParseAnd());
        }

        return left;
    }

    private Term ParseAnd()
    {
        var left = ParseArith();
        while (OnSameLine && Accept(TokenKind.Amp))
        {
            left = new BinaryTerm(left.Location, BinaryOperator.And, left, ParseArith());
        }

        return left;
    }

    private Term ParseArith()
    {
        var left = ParseFactor();
        while (OnSameLine && (At(TokenKind.Plus) || At(TokenKind.Minus)))
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Plus : BinaryOperator.Minus;
            left = new BinaryTerm(left.Location, op, left, ParseFactor());
        }

        return left;
    }

    private Term ParseFactor()
    {
        var left = ParseUnary();
        while (OnSameLine && (At(TokenKind.Star) || At(TokenKind.Slash) || At(TokenKind.Percent)))
        {
            var op = Advance().Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Remainder,
            };
            left = new BinaryTerm(left.Location, op, left, ParseUnary());
        }

        return left;
    }

    private Term ParseUnary()
    {
        if (!At(TokenKind.Minus))
        {
            return ParsePrimary();
        }

        var minus = Advance();
        if (At(TokenKind.Number) && !Current.SpaceBefore)
        {
            return new NumberTerm(minus.Location, "-" + Advance().Text);
        }

        if (++_nesting > MaxNesting) throw Error(minus, $"terms nested more than {MaxNesting} deep");
        try
        {
            return new UnaryMinusTerm(minus.Location, ParseUnary());
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>Deepest nesting of terms accepted: far beyond real policies, well within the thread's stack.</summary>
    private const int MaxNesting = 200;
    private int _nesting;

    /// <summary>A scalar, variable, collection, comprehension or parenthesised term, with its ref and call suffixes.</summary>
    private Term ParsePrimary()
    {
        if (++_nesting > MaxNesting) throw Error(Current, $"terms nested more than {MaxNesting} deep");
        try
        {
            return ParsePrimaryCore();
        }
        finally
        {
            _nesting--;
        }
    }

    private Term ParsePrimaryCore()
    {
        var token = Current;
        Term term;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberTerm(token.Location, token.Text);
            case TokenKind.String:
            case TokenKind.RawString:
                Advance();
                return new StringTerm(token.Location, token.Text);
            case TokenKind.TemplateWhole:
                // Without expressions the template is its text (what OPA's rendering of it gives).
                Advance();
                return new StringTerm(token.Location, token.Text);
            case TokenKind.TemplateHead:
                return ParseTemplate();
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new BooleanTerm(token.Location, token.Kind == TokenKind.True);
            case TokenKind.Null:
                Advance();
                return new NullTerm(token.Location);
            case TokenKind.Ident:
                Advance();
                term = new VarTerm(token.Location, token.Text);
                break;
            case TokenKind.Contains when _tokens[_index + 1] is { Kind: TokenKind.LParen, SpaceBefore: false }:
                // `contains` is a keyword in rule heads but remains the name of the strings built-in.
                Advance();
                term = new VarTerm(token.Location, token.Text);
                break;
            case TokenKind.LBrack:
                term = ParseArray();
                break;
            case TokenKind.LBrace:
                term = ParseBraced();
                break;
            case TokenKind.LParen:
                Advance();
                term = Nested(false, false, () => ParseInTerm(keyValue: true));
                Expect(TokenKind.RParen, ")");
                break;
            default:
                throw Unexpected();
        }

        return ParseSuffixes(term);
    }

    /// <summary><c>.name</c>, <c>[term]</c> and <c>(args)</c> suffixes on the same line.</summary>
    private Term ParseSuffixes(Term term)
    {
        var path = new List<Term>();
        while (OnSameLine)
        {
            if (At(TokenKind.Dot))
            {
                Advance();
                var name = ExpectName();
                path.Add(new StringTerm(name.Location, name.Text));
            }
            else if (At(TokenKind.LBrack) && !Current.SpaceBefore)
            {
                Advance();
                path.Add(Nested(false, false, () => ParseInTerm(keyValue: false)));
                Expect(TokenKind.RBrack, "]");
            }
            else if (At(TokenKind.LParen) && !Current.SpaceBefore && (path.Count > 0 ? term is VarTerm : term is VarTerm or RefTerm))
            {
                var function = path.Count == 0 ? term : new RefTerm(term.Location, term, [.. path]);
                var args = ParseArguments();
                path.Clear();
                term = function is VarTerm { Name: "set" } && args.Count == 0
                    ? new SetTerm(function.Location, [])
                    : new CallTerm(function.Location, function, args);
            }
            else
            {
                break;
            }
        }

        return path.Count == 0 ? term : new RefTerm(term.Location, term, path);
    }
}
