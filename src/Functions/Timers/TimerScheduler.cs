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

    /// <summary>How far the clock may move while a wait is set up before the wait is set up again.</summary>
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMilliseconds(50);

    private DateTimeOffset startedAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Occurrences count from the start call: the background loop may begin a little later.
        startedAt = time.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Select(f => RunAsync(f, stoppingToken)));

    private async Task RunAsync(TimerFunction function, CancellationToken stopping)
    {
        var last = startedAt;
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
        while (true)
        {
            var now = time.GetUtcNow();
            var remaining = due - now;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            var wait = Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stopping);

            // A wait counts from its creation; if the clock jumped meanwhile, measure again.
            if (time.GetUtcNow() - now < ClockJumpTolerance)
            {
                await wait.ConfigureAwait(false);
            }
        }
    }
}
