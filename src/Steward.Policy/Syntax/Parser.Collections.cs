namespace Steward.Policy.Syntax;

/// <summary>Collection grammar: call arguments, arrays, objects, sets and the three comprehensions.</summary>
internal sealed partial class Parser
{
    private List<Term> ParseArguments()
    {
        Expect(TokenKind.LParen, "(");
        var args = new List<Term>();
        Nested(false, false, () =>
        {
            ParseListItems(args, TokenKind.RParen, ")");
            return 0;
        });
        return args;
    }

    /// <summary>Comma-separated terms up to and including <paramref name="end"/>; a trailing comma is allowed.</summary>
    private void ParseListItems(List<Term> items, TokenKind end, string endText)
    {
        while (!At(end))
        {
            items.Add(ParseInTerm(keyValue: false));
            if (!Accept(TokenKind.Comma) && !At(end))
            {
                throw Unexpected($", or {endText}");
            }
        }

        Advance();
    }

    /// <summary><c>[...]</c>: an array or an array comprehension.</summary>
    private Term ParseArray()
    {
        var open = Advance();
        return Nested(false, false, () =>
        {
            var items = new List<Term>();
            if (Accept(TokenKind.RBrack))
            {
                return (Term)new ArrayTerm(open.Location, items);
            }

            var first = Nested(false, true, () => ParseInTerm(keyValue: false));
            if (Accept(TokenKind.Bar))
            {
                var body = ParseComprehensionBody(TokenKind.RBrack, "]");
                return new ArrayComprehension(open.Location, first, body);
            }

            items.Add(first);
            if (!Accept(TokenKind.Comma) && !At(TokenKind.RBrack))
            {
                throw Unexpected(", or ]");
            }

            ParseListItems(items, TokenKind.RBrack, "]");
            return new ArrayTerm(open.Location, items);
        });
    }

    /// <summary><c>{...}</c>: an object, set, object comprehension or set comprehension; <c>{}</c> is the empty object.</summary>
    private Term ParseBraced()
    {
        var open = Advance();
        return Nested(false, false, () =>
        {
            if (Accept(TokenKind.RBrace))
            {
                return (Term)new ObjectTerm(open.Location, []);
            }

            var first = Nested(false, true, () => ParseInTerm(keyValue: false));
            if (Accept(TokenKind.Bar))
            {
                return new SetComprehension(open.Location, first, ParseComprehensionBody(TokenKind.RBrace, "}"));
            }

            if (!Accept(TokenKind.Colon))
            {
                var items = new List<Term> { first };
                if (!Accept(TokenKind.Comma) && !At(TokenKind.RBrace))
                {
                    throw Unexpected(", or : or }");
                }

                ParseListItems(items, TokenKind.RBrace, "}");
                return new SetTerm(open.Location, items);
            }

            var value = Nested(false, true, () => ParseInTerm(keyValue: false));
            if (Accept(TokenKind.Bar))
            {
                return new ObjectComprehension(open.Location, first, value, ParseComprehensionBody(TokenKind.RBrace, "}"));
            }

            var entries = new List<ObjectEntry> { new(first, value) };
            while (Accept(TokenKind.Comma) && !At(TokenKind.RBrace))
            {
                var key = ParseInTerm(keyValue: false);
                Expect(TokenKind.Colon, ":");
                entries.Add(new ObjectEntry(key, ParseInTerm(keyValue: false)));
            }

            Expect(TokenKind.RBrace, "}");
            return new ObjectTerm(open.Location, entries);
        });
    }

    private List<Literal> ParseComprehensionBody(TokenKind end, string endText)
    {
        var start = Current;
        var body = Nested(true, false, () => ParseLiterals(end, endText));
        if (body.Count == 0)
        {
            throw Error(start, "found empty body");
        }

        Advance();
        return body;
    }
}
