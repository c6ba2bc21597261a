using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

using Workflows.Messaging;

namespace Workflows.Functions.Security;

/// <summary>
/// How often one client address may use the pages behind emailed links (sign, register, answer, upload, approve,
/// nominate) and try to sign in to the dashboard: enough for any person, too few to guess tokens or passwords. Over
/// the limit a request is answered 429 with <c>Retry-After</c>.
/// </summary>
public static class LinkRateLimits
{
    /// <summary>Adds the limiter, with its limits from <see cref="RateLimitSettings"/>.</summary>
    public static IServiceCollection AddLinkRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (IsSignIn(http.Request))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + client, _ => Window(settings.SignInAttempts, settings.Window));
                }

                return IsLinkPage(http.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter("link:" + client, _ => Window(settings.LinkRequests, settings.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty);
            });
        });
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/dashboard/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsLinkPage(PathString path) =>
        PublicRoutes.LinkPages.Any(page => path.StartsWithSegments("/" + page, StringComparison.OrdinalIgnoreCase));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
