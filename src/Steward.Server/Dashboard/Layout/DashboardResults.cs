using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Layout;

/// <summary>Turns rendered markup into an HTTP answer.</summary>
internal static class DashboardResults
{
    /// <summary>A signed-in page inside the layout.</summary>
    public static ContentHttpResult Page(HttpContext context, string title, DashboardArea area, Html main, int statusCode = StatusCodes.Status200OK) =>
        Document(DashboardLayout.Page(context, title, area, main), statusCode);

    /// <summary>A whole document.</summary>
    public static ContentHttpResult Document(Html document, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(document.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    /// <summary>An error box for a page whose query could not be used.</summary>
    public static Html ErrorBox(string heading, IEnumerable<string> messages) => Html.Of($"""
        <div class="alert alert-error" role="alert"><strong>{heading}</strong>{messages.Select(m => Html.Of($"<div>{m}</div>"))}</div>
        """);
}
