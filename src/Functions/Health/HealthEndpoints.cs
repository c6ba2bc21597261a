using System.Reflection;
using Workflows.Durable;

namespace Workflows.Functions.Health;

/// <summary>The open health endpoint that load balancers and operators poll.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /api/health</c>: 200 with the store kind and the app version.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var version = typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        routes.MapGet("/api/health", (DurableTaskBackendDescription backend) => Results.Ok(new { status = "healthy", store = backend.Store, version }));
        return routes;
    }
}
