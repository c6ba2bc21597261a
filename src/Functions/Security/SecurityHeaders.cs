namespace Workflows.Functions.Security;

/// <summary>
/// Headers every response carries. Links in emails hold their token in the URL, so no page may pass its address on
/// (<c>Referrer-Policy: no-referrer</c>); no page may be framed or have its content type guessed; and pages load
/// nothing but their own inline styles and what this host serves. The API's documentation page (Swagger UI) runs
/// scripts of its own and gets no Content-Security-Policy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy for every page: no scripts at all, styles inline or from here, forms only to here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Adds the headers to each response as it starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (!http.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            await next(http).ConfigureAwait(false);
        });
}
