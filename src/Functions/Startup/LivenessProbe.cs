using System.Buffers;
using System.Reflection;
using System.Text.Json;

namespace Workflows.Functions.Startup;

/// <summary>
/// <c>GET /api/health</c>, answered ahead of routing: the platform polls it to learn that a new instance is alive, and
/// after a scale from zero it must answer before the endpoint table and the dashboard's pages have been built.
/// </summary>
public static class LivenessProbe
{
    /// <summary>The path the platform and operators poll.</summary>
    public const string Path = "/api/health";

    /// <summary>Answers the probe with the store kind and the app's version; every other request goes on.</summary>
    public static IApplicationBuilder UseLivenessProbe(this IApplicationBuilder app, string store)
    {
        ArgumentNullException.ThrowIfNull(app);
        var body = Body(store);
        return app.Use((http, next) =>
        {
            if (!IsProbe(http.Request))
            {
                return next(http);
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body, http.RequestAborted).AsTask();
        });
    }

    private static bool IsProbe(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(Path + "/", StringComparison.OrdinalIgnoreCase));

    // Written once with the writer, not the serializer: the serializer's first use costs tens of milliseconds of
    // reflection, paid before the first answer.
    private static byte[] Body(string store)
    {
        var version = typeof(LivenessProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", "healthy");
            json.WriteString("store", store);
            json.WriteString("version", version);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
