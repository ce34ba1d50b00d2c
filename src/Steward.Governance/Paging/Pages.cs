namespace Steward.Governance.Paging;

/// <summary>Turns "one more than asked" query results into a page with a cursor.</summary>
internal static class Pages
{
    public static Page<T> Cut<T>(List<T> items, int take, Func<T, string> key)
    {
        if (items.Count <= take) return new Page<T>(items, null);
        items.RemoveAt(take);
        return new Page<T>(items, Cursor.Encode(key(items[^1])));
    }
}
