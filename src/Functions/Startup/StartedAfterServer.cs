namespace Workflows.Functions.Startup;

/// <summary>A hosted service of the framework's whose start is moved after the server's (<see cref="AfterServerStart"/>).</summary>
internal sealed class StartedAfterServer(IHostedService inner) : AfterServerStart
{
    /// <summary>
    /// Replaces the hosted service registered with the implementation type named <paramref name="typeName"/> (a
    /// framework type that is not public); leaves the services as they are when there is none.
    /// </summary>
    public static void Replace(IServiceCollection services, string typeName)
    {
        var registered = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == typeName);
        if (registered?.ImplementationType is not { } type)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IHostedService>(sp => new StartedAfterServer((IHostedService)ActivatorUtilities.CreateInstance(sp, type)));
    }

    protected override Task RunAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public override Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);
}
