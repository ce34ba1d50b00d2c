using System.CommandLine;
using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>The options of every list command: <c>--cursor</c>, <c>--limit</c>, <c>--all</c> and <c>--json</c>.</summary>
internal sealed class ListOptions
{
    private readonly Option<string?> _cursor = CommonOptions.Cursor();
    private readonly Option<int?> _limit = CommonOptions.Limit();
    private readonly Option<bool> _all = CommonOptions.All();
    private readonly Option<bool> _json = CommonOptions.Json();

    public ListOptions(Command command)
    {
        command.Options.Add(_cursor);
        command.Options.Add(_limit);
        command.Options.Add(_all);
        command.Options.Add(_json);
    }

    /// <summary>Fetches one page (or, with <c>--all</c>, every page) and prints it.</summary>
    public async Task<int> PrintAsync<T>(
        ParseResult parseResult,
        TextWriter output,
        Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
        CancellationToken cancellationToken,
        params (string Header, Func<T, object?> Value)[] columns)
    {
        var limit = parseResult.GetValue(_limit);
        var json = parseResult.GetValue(_json);
        if (!parseResult.GetValue(_all))
        {
            var page = await fetchPage(parseResult.GetValue(_cursor), limit, cancellationToken);
            Output.Page(output, page, json, columns);
            return 0;
        }

        var items = new List<T>();
        var cursor = parseResult.GetValue(_cursor);
        await foreach (var item in Paging.FollowAsync(
            (next, ct) => fetchPage(next ?? cursor, limit, ct), cancellationToken))
        {
            items.Add(item);
        }

        Output.Page(output, new Page<T>(items, null), json, columns);
        return 0;
    }
}
