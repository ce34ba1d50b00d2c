namespace Steward.Server.Dashboard.Rendering;

/// <summary>Forward-only keyset paging: the count on this page, a link back to the first page and one to the next.</summary>
internal static class Pager
{
    /// <param name="count">Items on this page.</param>
    /// <param name="singular">Noun for one item.</param>
    /// <param name="plural">Noun for several items.</param>
    /// <param name="isFirstPage">Whether no cursor was given.</param>
    /// <param name="firstUrl">URL of the first page (same filters).</param>
    /// <param name="nextUrl">URL of the next page, or null at the end.</param>
    /// <param name="nextLabel">Label of the next link.</param>
    public static Html Render(int count, string singular, string plural, bool isFirstPage, string firstUrl, string? nextUrl, string nextLabel = "Next page")
    {
        var first = isFirstPage ? Html.Empty : Html.Of($"""<a class="btn btn-secondary" href="{firstUrl}">First page</a>""");
        var next = nextUrl is null ? Html.Empty : Html.Of($"""<a class="btn btn-secondary" rel="next" href="{nextUrl}">{nextLabel} →</a>""");
        var end = nextUrl is null && !isFirstPage ? Html.Of($" (end of list)") : Html.Empty;
        return Html.Of($"""
            <nav class="pager" aria-label="Pages">
              <span>{count} {(count == 1 ? singular : plural)} on this page{end}</span>
              <span class="pager-links">{first}{next}</span>
            </nav>
            """);
    }
}
