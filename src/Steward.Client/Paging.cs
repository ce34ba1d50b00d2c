using System.Runtime.CompilerServices;

namespace Steward.Client;

/// <summary>Follows list cursors page after page.</summary>
public static class Paging
{
    /// <summary>
    /// Enumerates every item of a list by fetching pages until the server sends no next cursor.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page at a cursor (<see langword="null"/> for the first page).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items of all pages, in order.</returns>
    public static async IAsyncEnumerable<T> FollowAsync<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        string? cursor = null;
        do
        {
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            cursor = string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor;
        }
        while (cursor is not null);
    }
}
