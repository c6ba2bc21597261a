using Microsoft.Extensions.Logging;
using Workflows.Durable.Storage;

namespace Workflows.Durable.Worker;

/// <summary>
/// The lease-and-run loop shared by orchestrations and activities: lease as much work as there are free
/// slots, run each item, and when nothing is due sleep until the store signals work, the next timer is due,
/// or the polling interval (for work from other processes) passes — all measured on the injected clock.
/// </summary>
internal abstract class Dispatcher<T>
{
    /// <summary>How far the clock may move while a timer is set up before the loop looks for work again.</summary>
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMilliseconds(50);

    private readonly AsyncPulse slotFreed = new();
    private int inFlight;
    private int leasing;
    private long finished;

    protected Dispatcher(IOrchestrationStore store, DurableTaskWorkerOptions options, TimeProvider time, ILogger logger, int maxConcurrency, AsyncPulse activityChanged)
    {
        Store = store;
        Options = options;
        Time = time;
        Logger = logger;
        MaxConcurrency = Math.Max(1, maxConcurrency);
        ActivityChanged = activityChanged;
    }

    /// <summary>Items run to the end (or to a failure), ever: a measure of progress for watchdogs.</summary>
    public long Finished => Interlocked.Read(ref finished);

    /// <summary>Items leased and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>
    /// True while a lease call is under way: the store may have taken work off its due list (pointing the due index
    /// at the lease's end) before the items count as in flight, and idle detection must not see that gap as idle.
    /// </summary>
    public bool Leasing => Volatile.Read(ref leasing) > 0;

    protected IOrchestrationStore Store { get; }

    protected DurableTaskWorkerOptions Options { get; }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    protected int MaxConcurrency { get; }

    /// <summary>Pulsed whenever work starts or finishes, for idle detection.</summary>
    protected AsyncPulse ActivityChanged { get; }

    public async Task RunAsync(CancellationToken stopping)
    {
        var running = new List<Task>();
        var stopped = Task.Delay(Timeout.Infinite, stopping);
        while (!stopping.IsCancellationRequested)
        {
            var workSignal = WorkSignal.WaitAsync();
            var slotSignal = slotFreed.WaitAsync();
            var free = MaxConcurrency - InFlight;
            if (free <= 0)
            {
                await Task.WhenAny(slotSignal, stopped).ConfigureAwait(false);
                continue;
            }

            var lookedAt = Time.GetUtcNow();
            IReadOnlyList<T>? items = null;
            Interlocked.Increment(ref leasing);
            try
            {
                items = await LockAsync(free, stopping).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                foreach (var item in items)
                {
                    Interlocked.Increment(ref inFlight);
                    running.Add(Task.Run(() => RunOneAsync(item, stopping), CancellationToken.None));
                }
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                Logger.LogWarning(ex, "Leasing work failed; retrying after the polling interval.");
            }
            catch (OperationCanceledException)
            {
                break;
            }
            finally
            {
                Interlocked.Decrement(ref leasing);
                ActivityChanged.Pulse();
            }

            if (items is null)
            {
                await SleepAsync(stopped, Options.PollingInterval, lookedAt, stopping).ConfigureAwait(false);
                continue;
            }

            if (items.Count == 0)
            {
                await WaitForWorkAsync(workSignal, lookedAt, stopping).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Runs items leased outside the loop (a pushed work notice) the way the loop runs its own, and waits for them.</summary>
    protected async Task RunPushedAsync(IReadOnlyList<T> items, CancellationToken stopping)
    {
        var runs = new List<Task>(items.Count);
        foreach (var item in items)
        {
            Interlocked.Increment(ref inFlight);
            runs.Add(RunOneAsync(item, stopping));
        }

        await Task.WhenAll(runs).ConfigureAwait(false);
    }

    /// <summary>The store's pulse for this kind of work.</summary>
    protected abstract AsyncPulse WorkSignal { get; }

    protected abstract Task<IReadOnlyList<T>> LockAsync(int maxCount, CancellationToken cancellation);

    protected abstract Task ProcessAsync(T item, CancellationToken stopping);

    private async Task RunOneAsync(T item, CancellationToken stopping)
    {
        try
        {
            await ProcessAsync(item, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogError(ex, "Processing a leased work item failed; its lease will lapse and it will be retried.");
        }
        finally
        {
            Interlocked.Increment(ref finished);
            Interlocked.Decrement(ref inFlight);
            slotFreed.Pulse();
            ActivityChanged.Pulse();
        }
    }

    /// <summary>
    /// Sleeps until the store signals work, the next due time after <paramref name="lookedAt"/> (when the store
    /// was last searched), or the polling interval.
    /// </summary>
    private async Task WaitForWorkAsync(Task workSignal, DateTimeOffset lookedAt, CancellationToken stopping)
    {
        var delay = Options.PollingInterval;
        try
        {
            if (await Store.GetNextWakeUpAsync(Options.WorkerId, lookedAt, stopping).ConfigureAwait(false) is { } next && next - lookedAt < delay)
            {
                delay = next - lookedAt;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reading the next due time failed.");
        }

        await SleepAsync(workSignal, delay, lookedAt, stopping).ConfigureAwait(false);
    }

    /// <summary>Sleeps until <paramref name="from"/> + <paramref name="delay"/> on the injected clock, or until woken.</summary>
    private async Task SleepAsync(Task wake, TimeSpan delay, DateTimeOffset from, CancellationToken stopping)
    {
        var elapsed = Time.GetUtcNow() - from;
        if (elapsed >= delay)
        {
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var timer = Task.Delay(delay - elapsed, Time, sleep.Token);

        // A timer counts from its creation. A clock that jumped (a test's fake clock, a simulation) since the due
        // time was computed would make it fire late or never: look for work again at once instead.
        var moved = Time.GetUtcNow() - from - elapsed;
        if (moved < ClockJumpTolerance && Time.GetUtcNow() - from < delay)
        {
            await Task.WhenAny(wake, timer).ConfigureAwait(false);
        }

        await sleep.CancelAsync().ConfigureAwait(false);
    }
}
