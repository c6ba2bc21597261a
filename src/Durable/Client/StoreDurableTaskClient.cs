using Workflows.Durable.History;
using Workflows.Durable.Storage;

namespace Workflows.Durable;

/// <summary>The client that talks to an <see cref="IOrchestrationStore"/> directly (no sidecar, no network hop).</summary>
public sealed class StoreDurableTaskClient : DurableTaskClient
{
    /// <summary>The longest instance id accepted; the Durable Functions limit.</summary>
    public const int MaxInstanceIdLength = 256;

    private readonly IOrchestrationStore store;
    private readonly TimeProvider time;
    private readonly TimeSpan pollingInterval;

    /// <summary>Creates a client.</summary>
    /// <param name="store">The store.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="pollingInterval">How often waits re-read state changed by other processes.</param>
    public StoreDurableTaskClient(IOrchestrationStore store, TimeProvider? timeProvider = null, TimeSpan? pollingInterval = null)
        : base(store?.Kind ?? "store")
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        time = timeProvider ?? TimeProvider.System;
        this.pollingInterval = pollingInterval ?? TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        var now = time.GetUtcNow();
        var startAt = options?.StartAt is { } at && at > now ? at : now;
        await store.CreateInstanceAsync(
            new NewInstance(instanceId, orchestratorName.Name, JsonDataConverter.Default.Serialize(input), startAt), cancellation).ConfigureAwait(false);
        return instanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return Send(instanceId, new EventRaisedEvent(eventName, JsonDataConverter.Default.Serialize(eventPayload)), cancellation);
    }

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        Send(instanceId, new ExecutionTerminatedEvent(JsonDataConverter.Default.Serialize(output)), cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Send(instanceId, new ExecutionSuspendedEvent(reason), cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Send(instanceId, new ExecutionResumedEvent(reason), cancellation);

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var record = await store.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return record?.ToMetadata(getInputsAndOutputs);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return new FuncAsyncPageable<OrchestrationMetadata>(async (token, size, cancellation) =>
        {
            var page = await store.QueryInstancesAsync(
                query with { ContinuationToken = token ?? query.ContinuationToken, PageSize = size ?? query.PageSize }, cancellation).ConfigureAwait(false);
            return new Page<OrchestrationMetadata>(
                page.Values.Select(r => r.ToMetadata(query.FetchInputsAndOutputs)).ToList(), page.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return new PurgeResult(await store.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default) =>
        new(await store.PurgeInstancesAsync(filter, cancellation).ConfigureAwait(false));

    private static void ValidateInstanceId(string instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > MaxInstanceIdLength || instanceId.Any(char.IsControl)
            || instanceId.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            throw new ArgumentException(
                $"An instance id must be 1 to {MaxInstanceIdLength} characters without control characters or / \\ # ?.", nameof(instanceId));
        }
    }

    private Task Send(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return store.SendMessageAsync(instanceId, message with { Timestamp = time.GetUtcNow().UtcDateTime }, cancellation);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        while (true)
        {
            var changed = store.Signals.InstanceChanged.WaitAsync();
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (done(metadata))
            {
                return metadata;
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            await Task.WhenAny(changed, Task.Delay(pollingInterval, time, poll.Token)).ConfigureAwait(false);
            await poll.CancelAsync().ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
