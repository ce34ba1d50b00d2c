namespace Steward.Policy.Syntax;

/// <summary>
/// The <c>and</c>/<c>or</c> keywords (OPA's future keywords, <c>import future.keywords.and</c> / <c>.or</c>; and
/// <c>not (...)</c> over a group with <c>future.keywords.not</c>). Each operand is one expression or an explicit
/// body in braces, and holds when it has a solution; the whole expression holds or fails and binds nothing outside
/// it. Precedence, tightest first: any other expression, <c>not</c>, <c>and</c>, <c>or</c>, then a trailing
/// <c>with</c> for the whole expression; parentheses group. The expression becomes calls of
/// <c>internal.logic_and/or/not</c> on the operands' solution sets (<c>{true | operand}</c>, so variables an operand
/// binds stay inside it, as in a comprehension); the evaluator runs them lazily, so evaluation short-circuits.
/// </summary>
internal sealed partial class Parser
{
    private bool _andKeyword;
    private bool _orKeyword;
    private bool _notKeyword;
    private int _logicalDepth;

    /// <summary>Notes the future keywords an import enables.</summary>
    private void EnableKeywords(Term path)
    {
        if (path is not RefTerm { Head: VarTerm { Name: "future" } } r || r.Path.Count is 0 or > 2 || r.Path[0] is not StringTerm { Value: "keywords" })
        {
            return;
        }

        var word = r.Path.Count == 1 ? "*" : r.Path[1] is StringTerm s ? s.Value : "";
        _andKeyword |= word is "and" or "*";
        _orKeyword |= word is "or" or "*";
        _notKeyword |= word is "not" or "*";
    }

    private bool LogicalEnabled => _andKeyword || _orKeyword;

    private bool AtWord(string word, bool enabled) =>
        enabled && Current.Kind == TokenKind.Ident && Current.Text == word && OnSameLine;

    private abstract record LogicNode(SourceLocation Location);

    private sealed record OperandNode(SourceLocation Location, IReadOnlyList<Literal> Body, bool Explicit = false) : LogicNode(Location);

    /// <summary>An operator: <see cref="Function"/> is the built-in's name under <c>internal</c> (<c>logic_or</c>, ...).</summary>
    private sealed record OpNode(SourceLocation Location, string Function, LogicNode[] Operands) : LogicNode(Location);

    /// <summary>A parenthesised group with its own <c>with</c> modifiers, which apply to that operand only.</summary>
    private sealed record ScopedNode(SourceLocation Location, LogicNode Inner, IReadOnlyList<WithModifier> With) : LogicNode(Location);

    /// <summary>A body literal when the <c>and</c>/<c>or</c> keywords are enabled: a plain literal, or a logical expression.</summary>
    private Literal ParseLogicalLiteral()
    {
        // Literals nested in this one (in an explicit body or a comprehension) count their own operators.
        var start = Current;
        var outer = _logicalDepth;
        _logicalDepth = 0;
        try
        {
            var node = ParseLogicalOr();
            var with = ParseWithModifiers();
            if (node is OperandNode { Body: [var single] } && single.Location == start.Location && _logicalDepth == 0)
            {
                // No and/or: the ordinary literal, with its modifiers.
                return with.Count == 0 ? single : single with { With = [.. single.With, .. with] };
            }

            return new Literal(start.Location, false, new TermExpr(start.Location, Lower(node)), with);
        }
        finally
        {
            _logicalDepth = outer;
        }
    }

    private LogicNode ParseLogicalOr() => ParseChain("or", _orKeyword, "logic_or", ParseLogicalAnd);

    private LogicNode ParseLogicalAnd() => ParseChain("and", _andKeyword, "logic_and", ParseNegation);

    /// <summary>Operands joined by <paramref name="word"/>, left-associative.</summary>
    private LogicNode ParseChain(string word, bool enabled, string function, Func<LogicNode> operand)
    {
        var left = operand();
        while (AtWord(word, enabled))
        {
            var keyword = Advance();
            _logicalDepth++;
            left = new OpNode(keyword.Location, function, [left, operand()]);
        }

        return left;
    }

    /// <summary><c>not</c> negates the operand after it; <c>not ( ... )</c> a whole group (with <c>future.keywords.not</c>).</summary>
    private LogicNode ParseNegation()
    {
        if (At(TokenKind.Not) && _notKeyword && _tokens[_index + 1].Kind == TokenKind.LParen)
        {
            var keyword = Current;
            if (TryGroup(_index + 1) is { } group)
            {
                _logicalDepth++;
                return new OpNode(keyword.Location, "logic_not", [group]);
            }
        }

        return ParseOperand();
    }

    private LogicNode ParseOperand()
    {
        var start = Current;
        if (At(TokenKind.LParen) && TryGroup(_index) is { } group)
        {
            return group;
        }

        if (At(TokenKind.LBrace))
        {
            // An explicit body, when what follows it (or what precedes it) makes it an operand; otherwise a set or object.
            var save = _index;
            var afterOperator = _logicalDepth > 0;
            try
            {
                var body = ParseBraceBody();
                if (AtWord("or", _orKeyword) || AtWord("and", _andKeyword) || afterOperator)
                {
                    return new OperandNode(start.Location, body, Explicit: true);
                }
            }
            catch (RegoParseException)
            {
                // Not a body: read it as a term below.
            }

            _index = save;
        }

        var literal = ParsePlainLiteral(allowWith: false);
        if (literal.Expression is AssignExpr && (AtWord("or", _orKeyword) || AtWord("and", _andKeyword) || _logicalDepth > 0))
        {
            throw Error(literal.Location, $"cannot assign vars inside implicit {(AtWord("and", _andKeyword) ? "and" : "or")} operand");
        }

        return new OperandNode(start.Location, [literal]);
    }

    /// <summary>A parenthesised logical expression starting at token <paramref name="open"/>, or null (with the position unchanged) when the parentheses hold a term.</summary>
    private LogicNode? TryGroup(int open)
    {
        var save = _index;
        var depth = _logicalDepth;
        try
        {
            _index = open + 1;
            _logicalDepth = 0;
            var inner = Nested(false, false, () =>
            {
                var node = ParseLogicalOr();
                var with = ParseWithModifiers();
                return (node, with, grouped: _logicalDepth > 0 || with.Count > 0);
            });
            if (inner.grouped && At(TokenKind.RParen))
            {
                Advance();
                _logicalDepth = depth + 1;
                return inner.with.Count == 0 ? inner.node : new ScopedNode(inner.node.Location, inner.node, inner.with);
            }
        }
        catch (RegoParseException)
        {
            // Not a group: a parenthesised term.
        }

        _index = save;
        _logicalDepth = depth;
        return null;
    }

    private Term Lower(LogicNode node)
    {
        switch (node)
        {
            case OperandNode operand:
                return Holds(operand.Location, operand.Body) with { Transparent = !operand.Explicit };
            case ScopedNode scoped:
                return Holds(scoped.Location, [new Literal(scoped.Location, false, new TermExpr(scoped.Location, Lower(scoped.Inner)), scoped.With)]);
            case OpNode op:
                var function = new RefTerm(op.Location, new VarTerm(op.Location, "internal"), [new StringTerm(op.Location, op.Function)]);
                return new CallTerm(op.Location, function, [.. op.Operands.Select(Lower)]);
            default:
                throw new InvalidOperationException("unknown logical node");
        }
    }

    /// <summary>The set of an operand's solutions: <c>{true | body}</c> (empty when the operand fails).</summary>
    private static SetComprehension Holds(SourceLocation location, IReadOnlyList<Literal> body) =>
        new(location, new BooleanTerm(location, true), body);
}
