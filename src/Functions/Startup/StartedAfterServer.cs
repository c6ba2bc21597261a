namespace Workflows.Functions.Startup;

/// <summary>
/// Hosted services that are made and started after the server's start (<see cref="AfterServerStart"/>) instead of
/// before it, one after the other and stopped in reverse: the orchestration backend and the SDK's worker (which needs
/// the backend started), the data-protection key ring. The host makes every hosted service before it starts the first,
/// so even making one (the SDK's worker builds its task registry) delays the server.
/// </summary>
internal sealed class StartedAfterServer(Func<IReadOnlyList<IHostedService>> make, IHostApplicationLifetime lifetime, ILogger<StartedAfterServer> logger) : AfterServerStart
{
    private readonly List<IHostedService> started = [];

    /// <summary>Moves the hosted services that <paramref name="register"/> adds after the server's start, as one group in their order.</summary>
    public static void Wrap(IServiceCollection services, Action<IServiceCollection> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(register);
        var before = services.Where(IsHostedService).ToHashSet();
        register(services);
        var added = services.Where(d => IsHostedService(d) && !before.Contains(d)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var at = services.IndexOf(added[0]);
        foreach (var descriptor in added)
        {
            services.Remove(descriptor);
        }

        services.Insert(at, Deferred(added));
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
            services[index] = Deferred([services[index]]);
        }
    }

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var service in make())
        {
            var starting = service.StartAsync(cancellationToken);
            started.Add(service);
            if (service is BackgroundService background)
            {
                _ = WatchAsync(starting, background);
            }

            await starting.ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsHostedService(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(IHostedService) && !descriptor.IsKeyedService;

    private static ServiceDescriptor Deferred(IReadOnlyList<ServiceDescriptor> group) =>
        ServiceDescriptor.Singleton<IHostedService>(sp => new StartedAfterServer(
            () => [.. group.Select(registered => (IHostedService)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)))],
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
