using Microsoft.Extensions.Hosting;

namespace Workflows.Durable;

/// <summary>
/// Starts the orchestration service with the host and ends the backend's work-item streams when it stops. Registered
/// before the SDK's worker, so it starts first and stops last.
/// </summary>
internal sealed class BackendLifetime : IHostedService, IDisposable
{
    private readonly BackendServices services;
    private readonly CancellationTokenSource stopping = new();
    private Task? dispatching;
    private object? dispatchingGate;

    public BackendLifetime(BackendServices services) => this.services = services;

    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken Stopping => stopping.Token;

    public Task StartAsync(CancellationToken cancellationToken) => services.Service.CreateIfNotExistsAsync();

    /// <summary>
    /// Starts the service's dispatching side once a worker connects. A process with only a client (a test, a tool)
    /// never starts it, so it takes no partition leases from the processes that do the work.
    /// </summary>
    public Task EnsureDispatchingAsync() =>
        LazyInitializer.EnsureInitialized(ref dispatching, ref dispatchingGate, () => services.Service.StartAsync())!;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (dispatching is not null)
        {
            await services.Service.StopAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => stopping.Dispose();
}
