using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Durable.Sidecar;

namespace Workflows.Durable;

/// <summary>Registers the backend and points Microsoft's worker and client at it.</summary>
public static class DurableTaskBackendExtensions
{
    /// <summary>
    /// Adds the Durable Task backend: the sidecar protocol served in this process over the orchestration service that
    /// <paramref name="configure"/> chooses. Its clock is the <see cref="TimeProvider"/> in DI (the system clock when none is registered).
    /// </summary>
    public static IServiceCollection AddDurableTaskBackend(this IServiceCollection services, Action<DurableTaskBackendBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackendLifetime>();
        services.TryAddSingleton<SidecarService>();
        services.TryAddSingleton<InProcessBackend>();
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null && d.Lifetime == ServiceLifetime.Singleton && ReferenceEquals(d.ImplementationFactory, LifetimeFactory)))
        {
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(LifetimeFactory);
        }

        configure(new DurableTaskBackendBuilder(services));
        if (!services.Any(d => d.ServiceType == typeof(BackendServices)))
        {
            throw new InvalidOperationException("AddDurableTaskBackend needs a store: call UseSqlite or UseAzureStorage on the builder.");
        }

        return services;
    }

    /// <summary>
    /// Runs the SDK's gRPC worker on the backend in this process. Its activities come over the work-item stream; its
    /// orchestrators run through the SDK's <see cref="GrpcOrchestrationRunner"/> in extended sessions, so a turn applies
    /// only its new events instead of replaying the whole history.
    /// </summary>
    public static IDurableTaskWorkerBuilder UseBackend(this IDurableTaskWorkerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseGrpc();
        var name = builder.Name;
        builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(name)
            .Configure<InProcessBackend, IServiceProvider>((options, backend, services) => options.CallInvoker = backend.WorkerInvoker(name, services));
        return builder;
    }

    /// <summary>Points the SDK's gRPC client at the backend in this process.</summary>
    public static IDurableTaskClientBuilder UseBackend(this IDurableTaskClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseGrpc();
        builder.Services.AddOptions<GrpcDurableTaskClientOptions>(builder.Name)
            .Configure<InProcessBackend>((options, backend) => options.CallInvoker = backend.Invoker);
        return builder;
    }

    private static readonly Func<IServiceProvider, Microsoft.Extensions.Hosting.IHostedService> LifetimeFactory = sp => sp.GetRequiredService<BackendLifetime>();
}
