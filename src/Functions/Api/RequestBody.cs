using System.Text.Json;

namespace Workflows.Functions.Api;

/// <summary>Reads a JSON request body within the configured size limit.</summary>
internal static class RequestBody
{
    /// <summary>The body as JSON; null when the body is empty.</summary>
    /// <exception cref="BadHttpRequestException">413 when the body is larger than <paramref name="limit"/>.</exception>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body may be at most {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
