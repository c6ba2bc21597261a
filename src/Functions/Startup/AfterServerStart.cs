namespace Workflows.Functions.Startup;

/// <summary>
/// Start-up work that runs once the server listens and before the host counts as started: the liveness probe already
/// answers while it runs, every other request waits for it (<see cref="DeferredPipeline"/> waits for the host's start),
/// and a failure fails the host's start, which stops the process.
/// </summary>
internal abstract class AfterServerStart : IHostedLifecycleService
{
    /// <summary>The work, run when every hosted service (the server last) has started.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
