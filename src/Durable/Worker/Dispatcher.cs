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
    private readonly AsyncPulse slotFreed = new();
    private int inFlight;

    protected Dispatcher(IOrchestrationStore store, DurableTaskWorkerOptions options, TimeProvider time, ILogger logger, int maxConcurrency, AsyncPulse activityChanged)
    {
        Store = store;
        Options = options;
        Time = time;
        Logger = logger;
        MaxConcurrency = Math.Max(1, maxConcurrency);
        ActivityChanged = activityChanged;
    }

    /// <summary>Items leased and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

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
        while (!stopping.IsCancellationRequested)
        {
            var workSignal = Store.Signals.WorkAvailable.WaitAsync();
            var slotSignal = slotFreed.WaitAsync();
            var free = MaxConcurrency - InFlight;
            if (free <= 0)
            {
                await Task.WhenAny(slotSignal, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<T> items;
            try
            {
                items = await LockAsync(free, stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                Logger.LogWarning(ex, "Leasing work failed; retrying after the polling interval.");
                await SleepAsync(Task.Delay(Timeout.Infinite, stopping), Options.PollingInterval, stopping).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            running.RemoveAll(t => t.IsCompleted);
            foreach (var item in items)
            {
                Interlocked.Increment(ref inFlight);
                running.Add(Task.Run(() => RunOneAsync(item, stopping), CancellationToken.None));
            }

            if (items.Count == 0)
            {
                await WaitForWorkAsync(workSignal, stopping).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

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
            Interlocked.Decrement(ref inFlight);
            slotFreed.Pulse();
            ActivityChanged.Pulse();
        }
    }

    private async Task WaitForWorkAsync(Task workSignal, CancellationToken stopping)
    {
        var now = Time.GetUtcNow();
        var delay = Options.PollingInterval;
        try
        {
            if (await Store.GetNextWakeUpAsync(Options.WorkerId, stopping).ConfigureAwait(false) is { } next && next - now < delay)
            {
                delay = next - now;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reading the next due time failed.");
        }

        if (delay <= TimeSpan.Zero || Time.GetUtcNow() != now)
        {
            return;
        }

        await SleepAsync(workSignal, delay, stopping).ConfigureAwait(false);
    }

    private async Task SleepAsync(Task wake, TimeSpan delay, CancellationToken stopping)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var before = Time.GetUtcNow();
        var timer = Task.Delay(delay, Time, sleep.Token);

        // If the clock moved while the timer was being set up, the due time may already have passed.
        if (Time.GetUtcNow() == before)
        {
            await Task.WhenAny(wake, timer).ConfigureAwait(false);
        }

        await sleep.CancelAsync().ConfigureAwait(false);
    }
}
