using Workflows.Durable;
using Workflows.Functions.Security;

namespace Workflows.Functions.Startup;

/// <summary>
/// Puts the security headers and the liveness probe in front of everything the app configures, and defers the rest
/// (<see cref="DeferredPipeline"/>), so the server listens without waiting for the endpoint table to be built.
/// </summary>
internal sealed class LivenessFirstStartupFilter(DeferredPipeline deferred, DurableTaskBackendDescription backend) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        app.UseLivenessProbe(backend.Store);
        app.Use(rest => deferred.Defer(app, next, rest));
    };
}
