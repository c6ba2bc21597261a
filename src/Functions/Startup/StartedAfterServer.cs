namespace Workflows.Functions.Startup;

/// <summary>
/// A hosted service that is made and started after the server's start (<see cref="AfterServerStart"/>) instead of
/// before it: the orchestration backend and worker, the data-protection key ring. The host makes every hosted service
/// before it starts the first, so even making one (the SDK's worker builds its task registry) delays the server.
/// </summary>
internal sealed class StartedAfterServer(Func<IHostedService> make, IHostApplicationLifetime lifetime, ILogger<StartedAfterServer> logger) : AfterServerStart
{
    private IHostedService? inner;

    /// <summary>Moves the hosted services that <paramref name="register"/> adds after the server's start, in their order.</summary>
    public static void Wrap(IServiceCollection services, Action<IServiceCollection> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(register);
        var before = services.Where(IsHostedService).ToHashSet();
        register(services);
        for (var i = 0; i < services.Count; i++)
        {
            if (IsHostedService(services[i]) && !before.Contains(services[i]))
            {
                services[i] = Deferred(services[i]);
            }
        }
    }

    /// <summary>
    /// Moves the hosted service registered with the implementation type named <paramref name="typeName"/> (a framework
    /// type that is not public) after the server's start; leaves the services as they are when there is none.
    /// </summary>
    public static void Replace(IServiceCollection services, string typeName)
    {
        ArgumentNullException.ThrowIfNull(services);
        var index = services.ToList().FindIndex(d => IsHostedService(d) && d.ImplementationType?.FullName == typeName);
        if (index >= 0)
        {
            services[index] = Deferred(services[index]);
        }
    }

    protected override Task RunAsync(CancellationToken cancellationToken)
    {
        inner = make();
        var started = inner.StartAsync(cancellationToken);
        if (inner is BackgroundService background)
        {
            _ = WatchAsync(started, background);
        }

        return started;
    }

    public override Task StopAsync(CancellationToken cancellationToken) => inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    private static bool IsHostedService(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(IHostedService) && !descriptor.IsKeyedService;

    private static ServiceDescriptor Deferred(ServiceDescriptor registered) =>
        ServiceDescriptor.Singleton<IHostedService>(sp => new StartedAfterServer(
            () => (IHostedService)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<StartedAfterServer>>()));

    // The host stops itself when a background service it started fails; one started here is watched the same way.
    private async Task WatchAsync(Task started, BackgroundService background)
    {
        await started.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (background.ExecuteTask is not { } running)
        {
            return;
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (running.IsFaulted)
        {
            logger.LogCritical(running.Exception, "The background service {Service} failed; stopping.", background.GetType().Name);
            lifetime.StopApplication();
        }
    }
}
