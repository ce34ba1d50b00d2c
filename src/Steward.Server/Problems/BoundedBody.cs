namespace Steward.Server.Problems;

/// <summary>Reads a request body of at most a given size, whatever the client claims in Content-Length.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// The body, at most <paramref name="limit"/> bytes; a longer one (or one Kestrel refuses as over the server's
    /// own limit) throws the exception <paramref name="tooLarge"/> makes, so each API answers in its own error shape.
    /// </summary>
    public static async Task<MemoryStream> ReadAsync(HttpRequest request, int limit, Func<Exception> tooLarge)
    {
        if (request.ContentLength > limit) throw tooLarge();
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) throw tooLarge();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw tooLarge();
        }
        return buffer;
    }
}
