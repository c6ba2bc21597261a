using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// One connected worker's work-item stream: takes orchestration and activity work items from the service while the
/// worker has free slots, sends them, and commits what the worker answers. Work a worker never answers (it
/// disconnected, or abandoned it) goes back to the service for another try.
/// </summary>
internal sealed class WorkItemStream : IDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealthPingInterval = TimeSpan.FromSeconds(30);
    private const int Takers = 8;
    private static readonly TimeSpan ShortestRenewalWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRenewalWait = TimeSpan.FromSeconds(20);

    private readonly Core.IOrchestrationService service;
    private readonly IServerStreamWriter<P.WorkItem> writer;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object>> pending;
    private readonly OrchestrationSessions? sessions;
    private readonly IDueWorkNotices? notices;

    public WorkItemStream(
        Core.IOrchestrationService service,
        IDueWorkNotices? notices,
        IServerStreamWriter<P.WorkItem> writer,
        ConcurrentDictionary<string, TaskCompletionSource<object>> pending,
        OrchestrationSessions? sessions,
        TimeProvider clock,
        ILogger logger)
    {
        this.service = service;
        this.writer = writer;
        this.pending = pending;
        this.sessions = sessions;
        this.notices = notices;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Serves the stream until the worker goes away or the backend stops.</summary>
    public async Task RunAsync(P.GetWorkItemsRequest request, CancellationToken stopping)
    {
        var orchestrationSlots = Slots(request.MaxConcurrentOrchestrationWorkItems, service.MaxConcurrentTaskOrchestrationWorkItems);
        var activitySlots = Slots(request.MaxConcurrentActivityWorkItems, service.MaxConcurrentTaskActivityWorkItems);
        var running = new ConcurrentDictionary<Task, byte>();
        try
        {
            // Several takers per kind, so the service sees its takes together (the SQLite service commits them as one).
            var takers = new List<Task> { PingAsync(stopping) };
            for (var i = 0; i < Takers; i++)
            {
                takers.Add(TakeAsync(orchestrationSlots, ct => service.LockNextTaskOrchestrationWorkItemAsync(ReceiveTimeout, ct), RunOrchestrationAsync, running, stopping));
                takers.Add(TakeAsync(activitySlots, ct => service.LockNextTaskActivityWorkItem(ReceiveTimeout, ct), RunActivityAsync, running, stopping));
            }

            await Task.WhenAll(takers).ConfigureAwait(false);
        }
        finally
        {
            // Whatever is still out with this worker goes back to the service.
            await Task.WhenAll(running.Keys).ConfigureAwait(false);
        }
    }

    private static SemaphoreSlim Slots(int asked, int serviceLimit)
    {
        var count = Math.Max(1, asked > 0 ? Math.Min(asked, serviceLimit) : serviceLimit);
        return new SemaphoreSlim(count, count);
    }

    private async Task TakeAsync<T>(SemaphoreSlim slots, Func<CancellationToken, Task<T>> take, Func<T, CancellationToken, Task> run, ConcurrentDictionary<Task, byte> running, CancellationToken stopping)
        where T : class
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            T? item;
            try
            {
                item = await take(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                slots.Release();
                logger.LogWarning(ex, "Taking work from the orchestration service failed; trying again in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
                continue;
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                slots.Release();
                return;
            }

            if (item is null)
            {
                slots.Release();
                continue;
            }

            var task = RunReleasingAsync(item, slots, run, stopping);
            running.TryAdd(task, 0);
            _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunReleasingAsync<T>(T item, SemaphoreSlim slots, Func<T, CancellationToken, Task> run, CancellationToken stopping)
    {
        try
        {
            await Task.Yield();
            await run(item, stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A work item could not be finished; it was given back for another try.");
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task RunOrchestrationAsync(Core.TaskOrchestrationWorkItem item, CancellationToken stopping)
    {
        using var renewing = new CancellationTokenSource();
        var keepLeased = KeepLeasedAsync(() => item.LockedUntilUtc, () => service.RenewTaskOrchestrationWorkItemLockAsync(item), renewing.Token);
        try
        {
            var turn = new OrchestrationTurn(item, clock);
            if (!turn.Begin())
            {
                // Nothing to run: the messages are consumed and the state stays as it was.
                await service.CompleteTaskOrchestrationWorkItemAsync(item, item.OrchestrationRuntimeState, [], [], [], null!, null!).ConfigureAwait(false);
                return;
            }

            while (await RunTurnAsync(turn, stopping).ConfigureAwait(false) is { } response && turn.Apply(response))
            {
                // Continued as new: the worker runs the new execution within the same lease.
            }

            await renewing.CancelAsync().ConfigureAwait(false);
            await keepLeased.ConfigureAwait(false);
            await service.CompleteTaskOrchestrationWorkItemAsync(item, turn.State, turn.ActivityMessages, turn.OrchestratorMessages, turn.TimerMessages, null!, turn.Summary()).ConfigureAwait(false);
            sessions?.Committed(turn.State);
            if (turn.State.OrchestrationStatus == Core.OrchestrationStatus.Failed)
            {
                DurableTelemetry.OrchestrationFailed(turn.State.Name);
            }

            await NoticeTimersAsync(item.InstanceId, turn.TimerMessages).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await AbandonAsync(() => service.AbandonTaskOrchestrationWorkItemAsync(item)).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await keepLeased.ConfigureAwait(false);
            await service.ReleaseTaskOrchestrationWorkItemAsync(item).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Leaves a due-work notice for each time the turn's timers fall due, when the backend leaves notices. A notice that
    /// cannot be left is logged, not retried: the turn is committed, and the app's daily timer wakes it in any case.
    /// </summary>
    private async Task NoticeTimersAsync(string instanceId, List<Core.TaskMessage> timers)
    {
        if (notices is null || timers.Count == 0)
        {
            return;
        }

        foreach (var due in timers.Select(t => ((H.TimerFiredEvent)t.Event).FireAt).Distinct())
        {
            try
            {
                await notices.NoticeAsync(instanceId, new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A due-work notice for a durable timer could not be left; the timer fires when the app next runs.");
            }
        }
    }

    /// <summary>Runs a turn in this process's session when it can, else sends it to the worker and waits for its answer.</summary>
    private async Task<P.OrchestratorResponse?> RunTurnAsync(OrchestrationTurn turn, CancellationToken stopping) =>
        sessions is not null && sessions.TryRun(turn, out var response)
            ? response
            : await SendAsync(new P.WorkItem { OrchestratorRequest = turn.Request() }, stopping).ConfigureAwait(false) as P.OrchestratorResponse;

    private async Task RunActivityAsync(Core.TaskActivityWorkItem item, CancellationToken stopping)
    {
        var scheduled = (H.TaskScheduledEvent)item.TaskMessage.Event;
        var instance = item.TaskMessage.OrchestrationInstance;
        var request = new P.ActivityRequest
        {
            Name = scheduled.Name,
            Version = scheduled.Version,
            Input = scheduled.Input,
            TaskId = scheduled.EventId,
            OrchestrationInstance = ProtoHistory.ToProto(instance),
            ParentTraceContext = ProtoHistory.ToProto(scheduled.ParentTraceContext),
        };
        if (scheduled.Tags is { } tags)
        {
            request.Tags.Add(tags);
        }

        P.ActivityResponse response;
        try
        {
            using var renewing = new CancellationTokenSource();
            var keepLeased = KeepLeasedAsync(() => item.LockedUntilUtc, async () => item.LockedUntilUtc = (await service.RenewTaskActivityWorkItemLockAsync(item).ConfigureAwait(false)).LockedUntilUtc, renewing.Token);
            try
            {
                response = (P.ActivityResponse)await SendAsync(new P.WorkItem { ActivityRequest = request }, stopping).ConfigureAwait(false);
            }
            finally
            {
                await renewing.CancelAsync().ConfigureAwait(false);
                await keepLeased.ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            await AbandonAsync(() => service.AbandonTaskActivityWorkItemAsync(item)).ConfigureAwait(false);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        H.HistoryEvent result = response.FailureDetails is { } failure
            ? new H.TaskFailedEvent(-1, scheduled.EventId, failure.ErrorMessage, failure.StackTrace, ProtoHistory.ToCore(failure)) { Timestamp = now }
            : new H.TaskCompletedEvent(-1, scheduled.EventId, response.Result) { Timestamp = now };
        await service.CompleteTaskActivityWorkItemAsync(item, new Core.TaskMessage { Event = result, OrchestrationInstance = instance }).ConfigureAwait(false);
    }

    /// <summary>Sends a work item and waits for the worker's answer to it (its completion or abandonment).</summary>
    private async Task<object> SendAsync(P.WorkItem workItem, CancellationToken stopping)
    {
        var token = Guid.NewGuid().ToString("N");
        workItem.CompletionToken = token;
        var answer = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[token] = answer;
        try
        {
            await WriteAsync(workItem, stopping).ConfigureAwait(false);
            return await answer.Task.WaitAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            pending.TryRemove(token, out _);
        }
    }

    private async Task WriteAsync(P.WorkItem workItem, CancellationToken stopping)
    {
        await writeGate.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            await writer.WriteAsync(workItem, stopping).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>The worker reconnects when its stream is silent for two minutes: a ping now and then keeps a quiet one open.</summary>
    private async Task PingAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(HealthPingInterval, TimeProvider.System, stopping).ConfigureAwait(false);
                await WriteAsync(new P.WorkItem { HealthPing = new P.HealthPing() }, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RpcException)
        {
            // The worker is gone; the other loops end with the call.
        }
    }

    public void Dispose() => writeGate.Dispose();

    /// <summary>
    /// Renews a work item's lease while its worker has it, at half the time the lease has left: DurableTask.AzureStorage
    /// hides a message for its visibility timeout only, and a renewal that came after it let another worker take it.
    /// </summary>
    private async Task KeepLeasedAsync(Func<DateTime> lockedUntil, Func<Task> renew, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var left = lockedUntil() - clock.GetUtcNow().UtcDateTime;
                var wait = lockedUntil() == default ? LongestRenewalWait : TimeSpan.FromTicks(Math.Clamp(left.Ticks / 2, ShortestRenewalWait.Ticks, LongestRenewalWait.Ticks));

                // Nearly every work item ends before its lease needs renewing: that ends the wait without an exception.
                await Task.Delay(wait, clock, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await renew().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Renewing a work item's lease failed; another worker may take it over.");
        }
    }

    private async Task AbandonAsync(Func<Task> abandon)
    {
        try
        {
            await abandon().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Giving a work item back failed; its lease will run out instead.");
        }
    }
}
