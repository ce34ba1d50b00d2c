using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Steward.Server.Dashboard.Assets;

/// <summary>Serves the stylesheet and icon; anonymous, because the sign-in page needs them.</summary>
internal static class AssetEndpoints
{
    /// <summary>Shield with a check mark: the brand mark in the top bar and the favicon.</summary>
    public const string LogoSvg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" aria-hidden=\"true\" focusable=\"false\">" +
        "<path d=\"M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7z\" fill=\"#5b9cff\"/>" +
        "<path d=\"m10.5 16.5 4 4 7.5-8\" fill=\"none\" stroke=\"#0f1b2d\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>";

    private static readonly byte[] LogoBytes = Encoding.UTF8.GetBytes(LogoSvg);

    public static void MapDashboardAssets(this RouteGroupBuilder ui)
    {
        var assets = ui.MapGroup("/assets").AllowAnonymous();
        // The stylesheet URL carries its content hash, so it may be cached for good; the icon URL does not.
        assets.MapGet("/steward.css", (HttpContext context) =>
            Serve(context, DashboardStyles.Bytes, "text/css; charset=utf-8", DashboardStyles.Version, "public, max-age=31536000, immutable"));
        assets.MapGet("/favicon.svg", (HttpContext context) =>
            Serve(context, LogoBytes, "image/svg+xml", "logo-1", "public, max-age=86400"));
    }

    private static FileContentHttpResult Serve(HttpContext context, byte[] content, string contentType, string version, string cacheControl)
    {
        context.Response.Headers.CacheControl = cacheControl;
        return TypedResults.Bytes(content, contentType, entityTag: new EntityTagHeaderValue($"\"{version}\""));
    }
}
