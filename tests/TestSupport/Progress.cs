using System.Diagnostics;

namespace Workflows.TestSupport;

/// <summary>
/// Waits for a workload without a deadline sized for a fast machine: the wait fails only when the workload
/// stops moving for a whole stretch, so a loaded or slow machine makes a test slower, never red.
/// </summary>
public static class Progress
{
    /// <summary>
    /// How long a workload may show no progress at all before it counts as stuck. Long enough for a lease taken
    /// over from a killed process (tests use leases of at most 30 s) and a busy machine's pauses.
    /// </summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Runs <paramref name="wait"/> and lets it go on for as long as <paramref name="measure"/> keeps changing;
    /// when the measure stays the same for <paramref name="stall"/> (default <see cref="StallLimit"/>), the wait is
    /// cancelled and a <see cref="TimeoutException"/> names what was stuck.
    /// </summary>
    public static async Task WhileMovingAsync(
        Func<CancellationToken, Task> wait,
        Func<long> measure,
        Func<Task<string>> describe,
        TimeSpan? stall = null)
    {
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(describe);
        var limit = stall ?? StallLimit;
        using var cancel = new CancellationTokenSource();
        var waiting = wait(cancel.Token);
        var seen = measure();
        var sinceMove = Stopwatch.StartNew();
        while (true)
        {
            // A watchdog on the wall clock by design: it looks at progress once a second, it does not pace the test.
            if (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1))) == waiting)
            {
                await waiting;
                return;
            }

            var now = measure();
            if (now != seen)
            {
                seen = now;
                sinceMove.Restart();
            }
            else if (sinceMove.Elapsed >= limit)
            {
                await cancel.CancelAsync();
                try
                {
                    await waiting;
                }
                catch (OperationCanceledException)
                {
                }

                throw new TimeoutException($"No progress for {limit.TotalSeconds:0} s (measure stayed at {seen}): {await describe()}");
            }
        }
    }

    /// <summary>The same, for a measure that needs no description beyond its value.</summary>
    public static Task WhileMovingAsync(Func<CancellationToken, Task> wait, Func<long> measure, string what, TimeSpan? stall = null) =>
        WhileMovingAsync(wait, measure, () => Task.FromResult(what), stall);
}
