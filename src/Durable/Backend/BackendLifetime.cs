using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflows.Durable;

/// <summary>
/// Starts the orchestration service with the host and ends the backend's work-item streams when it stops. Registered
/// before the SDK's worker, so it starts first and stops last.
/// </summary>
internal sealed class BackendLifetime : IHostedService, IDisposable
{
    private readonly BackendServices services;
    private readonly ILogger<BackendLifetime> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> streams = new();
    private Task? dispatching;
    private bool disposed;
    private object? dispatchingGate;

    public BackendLifetime(BackendServices services, ILogger<BackendLifetime> logger)
    {
        this.services = services;
        this.logger = logger;
    }

    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken Stopping => stopping.Token;

    public Task StartAsync(CancellationToken cancellationToken) => services.Service.CreateIfNotExistsAsync();

    /// <summary>
    /// Starts the service's dispatching side once a worker connects. A process with only a client (a test, a tool)
    /// never starts it, so it takes no partition leases from the processes that do the work.
    /// </summary>
    public Task EnsureDispatchingAsync() =>
        LazyInitializer.EnsureInitialized(ref dispatching, ref dispatchingGate, () => services.Service.StartAsync())!;

    /// <summary>Keeps a worker's stream in view until it ends, so stopping waits for its work to be given back.</summary>
    public async Task TrackAsync(Task stream)
    {
        streams.TryAdd(stream, 0);
        try
        {
            await stream.ConfigureAwait(false);
        }
        finally
        {
            streams.TryRemove(stream, out _);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (disposed)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(streams.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A stream that failed has already given its work back or left it to its lease.
        }

        if (dispatching is not null)
        {
            // A stop while the service is still starting races its start: DurableTask.AzureStorage's lease manager
            // throws from a half-made state (seen when a host stopped seconds after its first worker connected).
            try
            {
                await dispatching.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A start that failed is still stopped below: whatever it did start is released.
            }

            try
            {
                await services.Service.StopAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The process is going: what the service still held (partition leases) runs out and is taken over.
                logger.LogWarning(ex, "Stopping the orchestration service failed; its leases expire and other workers take over.");
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        stopping.Dispose();
    }
}
