using Workflows.Functions.Startup;
using Workflows.Waiting;

namespace Workflows.Functions.Observability;

/// <summary>
/// Counts the signatures waiting when the app starts and then every <c>Telemetry:SignatureCountMinutes</c> (5; 0 turns it
/// off, as the simulation does), so the gauges <c>workflows.signatures.waiting</c> and <c>.oldest_wait</c> report a recent
/// count without querying on every scrape.
/// </summary>
public sealed class SigningBacklogSampler(
    SigningBacklogCount count, IConfiguration configuration, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SigningBacklogSampler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Telemetry:SignatureCountMinutes", 5.0));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        // The first count once the host has started (the orchestration store is started then), not while it starts.
        try
        {
            await lifetime.WhenStarted().WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await count.CountAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Counting the signatures waiting failed; the gauges keep the last count.");
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
