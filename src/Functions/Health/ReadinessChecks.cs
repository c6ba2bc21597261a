using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Email;
using Workflows.Network;
using Workflows.Wheel.Calendar;

namespace Workflows.Functions.Health;

/// <summary>
/// What the platform's readiness probe asks before sending traffic: the stores answer, the calendars were read, and an
/// email provider is configured. Each answers within the probe's time; none says more than which part is not ready.
/// </summary>
public static class ReadinessChecks
{
    /// <summary>The tag that puts a check in the readiness probe.</summary>
    public const string Tag = "ready";

    /// <summary>Adds the three checks.</summary>
    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoresReady>("stores", tags: [Tag])
            .AddCheck<CalendarsReady>("calendars", tags: [Tag])
            .AddCheck<EmailReady>("email", tags: [Tag]);
        return services;
    }

    /// <summary>The registry and the orchestration store each answer a small read.</summary>
    private sealed class StoresReady(NetworkRegistry registry, DurableTaskClient client) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var networks = await registry.ListAsync<CompetenceNetwork>(null, cancellationToken).ConfigureAwait(false);
                await foreach (var page in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1 }).AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                return HealthCheckResult.Healthy($"{networks.Count} networks in the registry; the orchestration store answers.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"A store does not answer: {ex.GetType().Name}.");
            }
        }
    }

    /// <summary>Every network in the registry has a calendar (the calendars were read and checked at start).</summary>
    private sealed class CalendarsReady(NetworkCalendars calendars, NetworkRegistry registry) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var networks = await registry.ListAsync<CompetenceNetwork>(null, cancellationToken).ConfigureAwait(false);
            var without = networks.Where(n => calendars.For(n.Id) is null).Select(n => n.Id).ToList();
            return without.Count == 0
                ? HealthCheckResult.Healthy($"{calendars.All.Count} calendars read.")
                : HealthCheckResult.Degraded($"No calendar for {string.Join(", ", without)}: their yearly wheel does not turn.");
        }
    }

    /// <summary>The configured email provider has what it needs (its sender can be made).</summary>
    private sealed class EmailReady(IServiceProvider services, IConfiguration configuration) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var provider = configuration["Workflows:EmailProvider"] ?? "Outbox";
            try
            {
                services.GetRequiredService<IEmailSender>();
                return Task.FromResult(HealthCheckResult.Healthy($"Email goes through {provider}."));
            }
            catch (InvalidOperationException ex)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
            }
        }
    }
}
