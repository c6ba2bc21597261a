using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflows.Network.Storage;

namespace Workflows.Functions.Api.Network;

/// <summary>
/// Reads operator API bodies. Missing fields are left for the registry's own checks, so a missing name is a 422
/// naming the field, not a 400 from the JSON reader; malformed JSON or a wrong type stays a 400.
/// </summary>
internal static class ApiJson
{
    private static readonly JsonSerializerOptions Lenient = new(RegistryJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties)
                    {
                        property.IsRequired = false;
                    }
                },
            },
        },
    };

    /// <summary>The options the API writes with.</summary>
    public static JsonSerializerOptions Options => RegistryJson.Options;

    /// <summary>Reads the request body as <typeparamref name="T"/>.</summary>
    /// <exception cref="BadHttpRequestException">The body is empty (400) or too large (413).</exception>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit, CancellationToken cancellation)
        where T : class
    {
        var body = await RequestBody.ReadJsonAsync(request, limit, cancellation).ConfigureAwait(false)
            ?? throw new BadHttpRequestException("The request needs a JSON body.", StatusCodes.Status400BadRequest);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadHttpRequestException("The request body must be a JSON object.", StatusCodes.Status400BadRequest);
        }

        return body.Deserialize<T>(Lenient) ?? throw new BadHttpRequestException("The request body is empty.", StatusCodes.Status400BadRequest);
    }

    /// <summary>The version an <c>If-Match</c> header names (<c>"3"</c> or <c>W/"3"</c>); null without one.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header == "*")
        {
            return null;
        }

        var text = header.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"', ' ');
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must name a version this API gave as an ETag.", StatusCodes.Status400BadRequest);
    }

    /// <summary>A JSON response with the entity's version as its ETag.</summary>
    public static IResult Versioned<T>(HttpContext http, Workflows.Network.Versioned<T> versioned, int status = StatusCodes.Status200OK, string? location = null)
    {
        http.Response.Headers.ETag = $"\"{versioned.Version}\"";
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Json(versioned.Entity, Options, statusCode: status);
    }

    /// <summary>Who the audit log names for an operator call: the <c>X-Operator</c> header, else "operator".</summary>
    public static string Actor(HttpRequest request)
    {
        var name = request.Headers["X-Operator"].ToString().Trim();
        return name.Length is > 0 and <= 100 && name.All(c => !char.IsControl(c)) ? $"operator:{name}" : "operator";
    }
}
