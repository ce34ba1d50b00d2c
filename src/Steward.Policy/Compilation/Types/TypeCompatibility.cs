namespace Steward.Policy.Compilation.Types;

/// <summary>
/// Decides whether a value of one type can never satisfy another. Conservative: <c>any</c> on either side, or any
/// overlap of unions, is compatible; only definitely disjoint types are reported.
/// </summary>
internal static class TypeCompatibility
{
    public static bool Disjoint(RegoType have, RegoType? want)
    {
        if (want is null || want.IsAny || have.IsAny)
        {
            return false;
        }

        if (want.Kind == TypeKind.Union)
        {
            return want.Alternatives.All(w => Disjoint(have, w));
        }

        if (have.Kind == TypeKind.Union)
        {
            return have.Alternatives.All(h => Disjoint(h, want));
        }

        if (have.Kind != want.Kind)
        {
            return true;
        }

        return have.Kind switch
        {
            TypeKind.Array or TypeKind.Set => MembersDisjoint(have, want),
            TypeKind.Object => EntriesDisjoint(have, want),
            _ => false,
        };
    }

    private static bool MembersDisjoint(RegoType have, RegoType want)
    {
        if (want.Items is not null)
        {
            // A static want (never produced by the signature table) is not compared element-wise.
            return false;
        }

        if (have.Items is not null)
        {
            return have.Items.Any(item => Disjoint(item, want.Of));
        }

        return have.Of is not null && Disjoint(have.Of, want.Of);
    }

    private static bool EntriesDisjoint(RegoType have, RegoType want)
    {
        if (want.Entries is not null)
        {
            return false;
        }

        if (have.Entries is not null)
        {
            return have.Entries.Any(e => Disjoint(e.Key, want.KeyOf) || Disjoint(e.Value, want.Of));
        }

        return (have.KeyOf is not null && Disjoint(have.KeyOf, want.KeyOf)) || (have.Of is not null && Disjoint(have.Of, want.Of));
    }
}
