namespace Workflows.Functions.Timers;

/// <summary>
/// Runs the registered timer functions in-process, each at its CRON occurrences on the injected clock. In Azure
/// the Functions host's timer triggers call the same functions through the custom handler instead.
/// </summary>
internal sealed class TimerScheduler(
    IEnumerable<TimerFunction> functions, IServiceProvider services, TimeProvider time, ILogger<TimerScheduler> logger) : BackgroundService
{
    /// <summary>The longest single wait; a longer one is taken in steps (timers cap their due time).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Select(f => RunAsync(f, stoppingToken)));

    private async Task RunAsync(TimerFunction function, CancellationToken stopping)
    {
        var last = time.GetUtcNow();
        while (!stopping.IsCancellationRequested && function.NextAfter(last) is { } next)
        {
            try
            {
                await WaitUntilAsync(next, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                logger.LogInformation("Timer {Name} fires for {Occurrence:O}.", function.Name, next);
                await function.Run(services, next, stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer {Name} failed for {Occurrence:O}; it runs again at its next occurrence.", function.Name, next);
            }

            last = next;
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        for (var remaining = due - time.GetUtcNow(); remaining > TimeSpan.Zero; remaining = due - time.GetUtcNow())
        {
            await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stopping).ConfigureAwait(false);
        }
    }
}
