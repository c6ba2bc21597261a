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

    public BackendLifetime(BackendServices services) => this.services = services;

    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken Stopping => stopping.Token;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.Service.CreateIfNotExistsAsync().ConfigureAwait(false);
        await services.Service.StartAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await services.Service.StopAsync().ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();
}
