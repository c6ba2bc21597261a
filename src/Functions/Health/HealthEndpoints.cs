using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Durable;

namespace Workflows.Functions.Health;

/// <summary>The open health endpoint that load balancers and operators poll.</summary>
public static class HealthEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/health</c> (liveness: 200 with the store kind and the app version, touching nothing) and
    /// <c>GET /api/health/ready</c> (readiness: the <see cref="ReadinessChecks"/>, 200 when ready, 503 when not).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var version = typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        routes.MapGet("/api/health", (DurableTaskBackendDescription backend) => Results.Ok(new { status = "healthy", store = backend.Store, version }));
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
