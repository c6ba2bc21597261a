using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Core = DurableTask.Core;
using H = DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// The Durable Task sidecar protocol (<c>TaskHubSidecarService</c>) over an <see cref="Core.IOrchestrationService"/>:
/// what Microsoft's gRPC worker and client call, answered from the service the backend runs on. What the protocol has
/// and this backend does not serve (entities, rewind, listing ids) answers <see cref="StatusCode.Unimplemented"/>.
/// </summary>
internal sealed class SidecarService : P.TaskHubSidecarService.TaskHubSidecarServiceBase
{
    private static readonly Core.OrchestrationStatus[] Live = [Core.OrchestrationStatus.Pending, Core.OrchestrationStatus.Running, Core.OrchestrationStatus.Suspended];

    private readonly Core.IOrchestrationService service;
    private readonly Core.IOrchestrationServiceClient client;
    private readonly IOrchestrationHistoryReader historyReader;
    private readonly IDueWorkNotices? notices;
    private readonly bool confirmsCommits;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly BackendLifetime lifetime;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object>> pending = new(StringComparer.Ordinal);

    public SidecarService(BackendServices services, TimeProvider clock, BackendLifetime lifetime, ILogger<SidecarService> logger)
    {
        service = services.Service;
        client = services.Client;
        historyReader = services.History;
        notices = services.Notices;
        confirmsCommits = services.ConfirmsCommits;
        this.clock = clock;
        this.lifetime = lifetime;
        this.logger = logger;
    }

    public override Task<Empty> Hello(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task<P.CreateInstanceResponse> StartInstance(P.CreateInstanceRequest request, ServerCallContext context)
    {
        var instanceId = string.IsNullOrEmpty(request.InstanceId) ? Guid.NewGuid().ToString("N") : InstanceIds.Checked(request.InstanceId);
        var started = new H.ExecutionStartedEvent(-1, request.Input)
        {
            Name = request.Name,
            Version = request.Version,
            OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = instanceId, ExecutionId = request.ExecutionId ?? Guid.NewGuid().ToString("N") },
            ScheduledStartTime = request.ScheduledStartTimestamp?.ToDateTime(),
            ParentTraceContext = ProtoHistory.ToCore(request.ParentTraceContext),
            Tags = ProtoHistory.Tags(request.Tags),
            Timestamp = clock.GetUtcNow().UtcDateTime,
        };
        var dedupe = request.OrchestrationIdReusePolicy is { } policy
            ? System.Enum.GetValues<Core.OrchestrationStatus>().Except(policy.ReplaceableStatus.Select(ProtoState.ToCore)).ToArray()
            : Live;
        try
        {
            await client.CreateTaskOrchestrationAsync(new Core.TaskMessage { Event = started, OrchestrationInstance = started.OrchestrationInstance }, dedupe).ConfigureAwait(false);
        }
        catch (Core.Exceptions.OrchestrationAlreadyExistsException ex)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, ex.Message));
        }

        if (notices is not null && started.ScheduledStartTime is { } startAt && startAt > started.Timestamp)
        {
            await notices.NoticeAsync(instanceId, new DateTimeOffset(DateTime.SpecifyKind(startAt, DateTimeKind.Utc)), context.CancellationToken).ConfigureAwait(false);
        }

        return new P.CreateInstanceResponse { InstanceId = instanceId };
    }

    public override async Task<P.GetInstanceResponse> GetInstance(P.GetInstanceRequest request, ServerCallContext context) =>
        Found(await StateAsync(request.InstanceId).ConfigureAwait(false), request.GetInputsAndOutputs);

    public override async Task<P.GetInstanceResponse> WaitForInstanceStart(P.GetInstanceRequest request, ServerCallContext context)
    {
        while (true)
        {
            var changed = client is IInstanceChangeSignal signal ? signal.NextChangeAsync() : null;
            var state = await StateAsync(request.InstanceId).ConfigureAwait(false);
            if (state is null || state.OrchestrationStatus != Core.OrchestrationStatus.Pending)
            {
                return Found(state, request.GetInputsAndOutputs);
            }

            // A change in this process wakes the wait at once; the poll covers other processes and stores without a signal.
            var poll = Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, context.CancellationToken);
            await (changed is null ? poll : Task.WhenAny(changed, poll)).ConfigureAwait(false);
            context.CancellationToken.ThrowIfCancellationRequested();
        }
    }

    public override async Task<P.GetInstanceResponse> WaitForInstanceCompletion(P.GetInstanceRequest request, ServerCallContext context)
    {
        var state = await client.WaitForOrchestrationAsync(request.InstanceId, null!, Timeout.InfiniteTimeSpan, context.CancellationToken).ConfigureAwait(false);
        return Found(await WithFailureAsync(state).ConfigureAwait(false), request.GetInputsAndOutputs);
    }

    public override async Task<P.RaiseEventResponse> RaiseEvent(P.RaiseEventRequest request, ServerCallContext context)
    {
        await SendAsync(request.InstanceId, new H.EventRaisedEvent(-1, request.Input) { Name = request.Name }).ConfigureAwait(false);
        return new P.RaiseEventResponse();
    }

    public override async Task<P.TerminateResponse> TerminateInstance(P.TerminateRequest request, ServerCallContext context)
    {
        await SendAsync(request.InstanceId, new H.ExecutionTerminatedEvent(-1, request.Output)).ConfigureAwait(false);
        return new P.TerminateResponse();
    }

    public override async Task<P.SuspendResponse> SuspendInstance(P.SuspendRequest request, ServerCallContext context)
    {
        await SendAsync(request.InstanceId, new H.ExecutionSuspendedEvent(-1, request.Reason)).ConfigureAwait(false);
        return new P.SuspendResponse();
    }

    public override async Task<P.ResumeResponse> ResumeInstance(P.ResumeRequest request, ServerCallContext context)
    {
        await SendAsync(request.InstanceId, new H.ExecutionResumedEvent(-1, request.Reason)).ConfigureAwait(false);
        return new P.ResumeResponse();
    }

    public override async Task<P.RestartInstanceResponse> RestartInstance(P.RestartInstanceRequest request, ServerCallContext context)
    {
        var state = await StateAsync(request.InstanceId).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance '{request.InstanceId}'."));
        var started = await StartInstance(
            new P.CreateInstanceRequest
            {
                InstanceId = request.RestartWithNewInstanceId ? Guid.NewGuid().ToString("N") : request.InstanceId,
                Name = state.Name,
                Version = state.Version,
                Input = state.Input,
                OrchestrationIdReusePolicy = request.RestartWithNewInstanceId ? null : ReplaceFinished(),
            },
            context).ConfigureAwait(false);
        return new P.RestartInstanceResponse { InstanceId = started.InstanceId };
    }

    public override async Task<P.QueryInstancesResponse> QueryInstances(P.QueryInstancesRequest request, ServerCallContext context)
    {
        if (client is not Core.Query.IOrchestrationServiceQueryClient query)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "This store cannot be queried."));
        }

        var q = request.Query;
        var result = await query.GetOrchestrationWithQueryAsync(
            new Core.Query.OrchestrationQuery
            {
                RuntimeStatus = q.RuntimeStatus.Select(ProtoState.ToCore).ToList(),
                CreatedTimeFrom = q.CreatedTimeFrom?.ToDateTime(),
                CreatedTimeTo = q.CreatedTimeTo?.ToDateTime(),
                PageSize = q.MaxInstanceCount > 0 ? q.MaxInstanceCount : 100,
                ContinuationToken = q.ContinuationToken,
                InstanceIdPrefix = q.InstanceIdPrefix,
                FetchInputsAndOutputs = q.FetchInputsAndOutputs,
            },
            context.CancellationToken).ConfigureAwait(false);
        var response = new P.QueryInstancesResponse { ContinuationToken = result.ContinuationToken };
        response.OrchestrationState.AddRange(result.OrchestrationState.Select(s => ProtoState.ToProto(s, q.FetchInputsAndOutputs)));
        return response;
    }

    public override async Task<P.PurgeInstancesResponse> PurgeInstances(P.PurgeInstancesRequest request, ServerCallContext context)
    {
        if (client is not Core.IOrchestrationServicePurgeClient purge)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "This store cannot purge."));
        }

        var deleted = 0;
        switch (request.RequestCase)
        {
            case P.PurgeInstancesRequest.RequestOneofCase.InstanceId:
                deleted = await PurgeFinishedAsync(purge, request.InstanceId).ConfigureAwait(false);
                break;
            case P.PurgeInstancesRequest.RequestOneofCase.InstanceBatch:
                foreach (var id in request.InstanceBatch.InstanceIds)
                {
                    deleted += await PurgeFinishedAsync(purge, id).ConfigureAwait(false);
                }

                break;
            case P.PurgeInstancesRequest.RequestOneofCase.PurgeInstanceFilter:
                var filter = request.PurgeInstanceFilter;
                deleted = (await purge.PurgeInstanceStateAsync(new Core.PurgeInstanceFilter(
                    filter.CreatedTimeFrom?.ToDateTime() ?? DateTime.MinValue,
                    filter.CreatedTimeTo?.ToDateTime(),
                    filter.RuntimeStatus.Select(ProtoState.ToCore))).ConfigureAwait(false)).DeletedInstanceCount;
                break;
            default:
                throw new RpcException(new Status(StatusCode.InvalidArgument, "A purge names an instance, a batch of instances, or a filter."));
        }

        return new P.PurgeInstancesResponse { DeletedInstanceCount = deleted, IsComplete = true };
    }

    public override async Task StreamInstanceHistory(P.StreamInstanceHistoryRequest request, IServerStreamWriter<P.HistoryChunk> responseStream, ServerCallContext context)
    {
        if (await StateAsync(request.InstanceId).ConfigureAwait(false) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance '{request.InstanceId}'."));
        }

        var history = await historyReader.ReadHistoryAsync(request.InstanceId, context.CancellationToken).ConfigureAwait(false);
        foreach (var chunk in history.Chunk(200))
        {
            var message = new P.HistoryChunk();
            message.Events.AddRange(chunk.Select(ProtoHistory.ToProto));
            await responseStream.WriteAsync(message).ConfigureAwait(false);
        }
    }

    public override async Task<P.CreateTaskHubResponse> CreateTaskHub(P.CreateTaskHubRequest request, ServerCallContext context)
    {
        await service.CreateAsync(request.RecreateIfExists).ConfigureAwait(false);
        return new P.CreateTaskHubResponse();
    }

    public override async Task<P.DeleteTaskHubResponse> DeleteTaskHub(P.DeleteTaskHubRequest request, ServerCallContext context)
    {
        await service.DeleteAsync().ConfigureAwait(false);
        return new P.DeleteTaskHubResponse();
    }

    public override async Task GetWorkItems(P.GetWorkItemsRequest request, IServerStreamWriter<P.WorkItem> responseStream, ServerCallContext context)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.Stopping);
        await lifetime.EnsureDispatchingAsync().ConfigureAwait(false);
        logger.LogInformation("A worker connected to the backend's work-item stream.");
        var sessions = confirmsCommits ? (context as InProcessCallContext)?.Sessions : null;
        using var stream = new WorkItemStream(service, notices, responseStream, pending, sessions, clock, logger);
        await lifetime.TrackAsync(stream.RunAsync(request, stopping.Token)).ConfigureAwait(false);
        logger.LogInformation("A worker's work-item stream ended.");
    }

    public override Task<P.CompleteTaskResponse> CompleteActivityTask(P.ActivityResponse request, ServerCallContext context) => Answer(request.CompletionToken, request);

    public override Task<P.CompleteTaskResponse> CompleteOrchestratorTask(P.OrchestratorResponse request, ServerCallContext context) => Answer(request.CompletionToken, request);

    public override async Task<P.AbandonActivityTaskResponse> AbandonTaskActivityWorkItem(P.AbandonActivityTaskRequest request, ServerCallContext context)
    {
        await Abandon(request.CompletionToken).ConfigureAwait(false);
        return new P.AbandonActivityTaskResponse();
    }

    public override async Task<P.AbandonOrchestrationTaskResponse> AbandonTaskOrchestratorWorkItem(P.AbandonOrchestrationTaskRequest request, ServerCallContext context)
    {
        await Abandon(request.CompletionToken).ConfigureAwait(false);
        return new P.AbandonOrchestrationTaskResponse();
    }

    private Task<P.CompleteTaskResponse> Answer(string token, object response)
    {
        if (!pending.TryGetValue(token, out var waiting))
        {
            // Answered after it was given back (the worker was too slow, or reconnected): another try is under way.
            throw new RpcException(new Status(StatusCode.NotFound, "That work item is no longer waiting for an answer."));
        }

        waiting.TrySetResult(response);
        return Task.FromResult(new P.CompleteTaskResponse());
    }

    private Task Abandon(string token)
    {
        if (pending.TryGetValue(token, out var waiting))
        {
            waiting.TrySetException(new OperationCanceledException("The worker gave the work item back."));
        }

        return Task.CompletedTask;
    }

    /// <summary>Purges one instance if it has finished: a running one is never purged, whichever store keeps it.</summary>
    private async Task<int> PurgeFinishedAsync(Core.IOrchestrationServicePurgeClient purge, string instanceId) =>
        await StateAsync(instanceId).ConfigureAwait(false) is { } state && OrchestrationTurn.IsFinished(state.OrchestrationStatus)
            ? (await purge.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false)).DeletedInstanceCount
            : 0;

    /// <summary>
    /// The instance's state. A failed instance whose store keeps no failure details on the instance (DurableTask.AzureStorage)
    /// gets them from the history's completion event, so callers see why it failed on every store.
    /// </summary>
    private async Task<Core.OrchestrationState?> StateAsync(string instanceId) =>
        await WithFailureAsync(await ReadStateAsync(instanceId).ConfigureAwait(false)).ConfigureAwait(false);

    private async Task<Core.OrchestrationState?> WithFailureAsync(Core.OrchestrationState? state)
    {
        if (state is { OrchestrationStatus: Core.OrchestrationStatus.Failed, FailureDetails: null })
        {
            var history = await historyReader.ReadHistoryAsync(state.OrchestrationInstance.InstanceId, CancellationToken.None).ConfigureAwait(false);
            state.FailureDetails = history.OfType<H.ExecutionCompletedEvent>().LastOrDefault()?.FailureDetails;
        }

        return state;
    }

    private async Task<Core.OrchestrationState?> ReadStateAsync(string instanceId) =>
        string.IsNullOrEmpty(instanceId)
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, "An instance id is required."))
            : await client.GetOrchestrationStateAsync(instanceId, (string)null!).ConfigureAwait(false);

    private async Task SendAsync(string instanceId, H.HistoryEvent e)
    {
        if (await StateAsync(instanceId).ConfigureAwait(false) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance '{instanceId}'."));
        }

        e.Timestamp = clock.GetUtcNow().UtcDateTime;
        await client.SendTaskOrchestrationMessageAsync(new Core.TaskMessage { Event = e, OrchestrationInstance = new Core.OrchestrationInstance { InstanceId = instanceId } }).ConfigureAwait(false);
    }

    private static P.GetInstanceResponse Found(Core.OrchestrationState? state, bool withData) =>
        state is null ? new P.GetInstanceResponse { Exists = false } : new P.GetInstanceResponse { Exists = true, OrchestrationState = ProtoState.ToProto(state, withData) };

    private static P.OrchestrationIdReusePolicy ReplaceFinished()
    {
        var policy = new P.OrchestrationIdReusePolicy();
        policy.ReplaceableStatus.AddRange([P.OrchestrationStatus.Completed, P.OrchestrationStatus.Failed, P.OrchestrationStatus.Terminated, P.OrchestrationStatus.Canceled]);
        return policy;
    }
}
