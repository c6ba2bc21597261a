using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Durable.Storage;

namespace Workflows.Durable;

/// <summary>Adds the engine to a service collection.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: the store, a <see cref="DurableTaskClient"/>, and a <see cref="DurableTaskWorker"/> run as
    /// a hosted service. Orchestrators and activities are resolved from the container; time comes from the
    /// <see cref="TimeProvider"/> registered there, else the system clock.
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DurableTaskBuilder(services);
        configure(builder);
        var storeFactory = builder.StoreFactory
            ?? throw new InvalidOperationException("Choose a store for the durable engine, for example UseSqlite(path).");

        services.AddSingleton(sp =>
        {
            var registry = new DurableTaskRegistry();
            builder.TaskConfiguration.ForEach(c => c(registry));
            foreach (var registration in sp.GetServices<DurableTaskRegistration>())
            {
                registration.Apply(registry);
            }

            return registry;
        });
        services.AddSingleton(storeFactory);
        services.AddSingleton(sp =>
        {
            var options = new DurableTaskWorkerOptions();
            builder.WorkerConfiguration.ForEach(c => c(options));
            return options;
        });
        services.AddSingleton<DurableTaskClient>(sp => new StoreDurableTaskClient(
            sp.GetRequiredService<IOrchestrationStore>(),
            TimeOf(sp),
            sp.GetRequiredService<DurableTaskWorkerOptions>().PollingInterval));
        services.AddSingleton(sp => new DurableTaskWorker(
            sp.GetRequiredService<IOrchestrationStore>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp,
            sp.GetRequiredService<DurableTaskWorkerOptions>(),
            TimeOf(sp),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskWorker>());
        return services;
    }

    private static TimeProvider TimeOf(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
