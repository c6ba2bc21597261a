using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workflows.Functions.Health;

/// <summary>The open health endpoint that load balancers and operators poll.</summary>
public static class HealthEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/health/ready</c> (readiness: the <see cref="ReadinessChecks"/>, 200 when ready, 503 when not).
    /// Liveness, <c>GET /api/health</c>, is answered ahead of routing (<see cref="Startup.LivenessProbe"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapHealthChecks("/api/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = WriteAsync,
        });
        return routes;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
