using Steward.Policy.Evaluation;

namespace Steward.Policy.Compilation;

/// <summary>
/// The last compilation step: gives every term and body literal of the lowered rules (and of queries) its
/// compiled form where one exists (<see cref="Evaluator.CompileTerm"/>, <see cref="Evaluator.CompileLiteral"/>),
/// bottom-up, so a compiled term captures its sub-terms' compiled forms. Whatever is not compiled keeps a null
/// form and is evaluated by the interpreter, so the semantics of both are one.
/// </summary>
internal static class BodyCompiler
{
    public static void Run(RuleTree tree) => Node(tree.Root);

    public static void Query(CompiledQuery query)
    {
        Body(query.Body);
        foreach (var term in query.ExpressionTerms)
        {
            if (term is not null)
            {
                Term(term);
            }
        }
    }

    private static void Node(RuleNode node)
    {
        foreach (var rule in node.Rules)
        {
            Rule(rule);
        }

        if (node.Default is not null)
        {
            Rule(node.Default);
        }

        node.StraightFunction = node is { IsFunction: true, Rules: [{ Else: null, InlineBody: true } only] } && Evaluator.SimpleParameters(only.Parameters)
            ? only
            : null;

        foreach (var child in node.Children.Values)
        {
            Node(child);
        }
    }

    private static void Rule(CRule rule)
    {
        for (var r = rule; r is not null; r = r.Else)
        {
            Terms(r.DynamicPath);
            Terms(r.Parameters);
            if (r.Value is not null)
            {
                Term(r.Value);
            }

            Body(r.Body);
            r.InlineBody = r.Value is not null && r.Body.All(l => l.Inline is not null);
            r.LoopBody = Evaluator.IsLoopBody(r.Body);
        }
    }

    private static void Body(CLiteral[] body)
    {
        foreach (var literal in body)
        {
            if (literal.Inline is not null)
            {
                continue;
            }

            foreach (var with in literal.With)
            {
                Term(with.Value);
            }

            switch (literal.Expr)
            {
                case CTermExpr t:
                    Term(t.Term);
                    break;
                case CUnify u:
                    Term(u.Left);
                    Term(u.Right);
                    break;
                case CSomeIn s:
                    Optional(s.Key);
                    Term(s.Value);
                    Term(s.Collection);
                    break;
                case CEvery e:
                    Optional(e.Key);
                    Term(e.Value);
                    Term(e.Domain);
                    Body(e.Body);
                    break;
            }

            literal.Inline = Evaluator.CompileLiteral(literal);
        }
    }

    private static void Optional(CTerm? term)
    {
        if (term is not null)
        {
            Term(term);
        }
    }

    private static void Terms(CTerm[] terms)
    {
        foreach (var term in terms)
        {
            Term(term);
        }
    }

    private static void Term(CTerm term)
    {
        if (term.Single is not null)
        {
            return;
        }

        switch (term)
        {
            case CRef r:
                Optional(r.Head);
                Terms(r.Path);
                break;
            case CCall c:
                Terms(c.Args);
                break;
            case CArray a:
                Terms(a.Items);
                break;
            case CSet s:
                Terms(s.Items);
                break;
            case CObject o:
                Terms(o.Keys);
                Terms(o.Values);
                break;
            case CComprehension c:
                Term(c.Head);
                Optional(c.Value);
                Body(c.Body);
                c.LoopBody = Evaluator.IsLoopBody(c.Body);
                break;
        }

        term.Single = Evaluator.CompileTerm(term);
    }
}
