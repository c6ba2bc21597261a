using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Core = DurableTask.Core;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// Runs the orchestrators of the worker in this process through the SDK's <see cref="GrpcOrchestrationRunner"/> with
/// extended sessions, the way the Functions worker runs them: an orchestration that ran a turn here stays in memory,
/// and its next turn applies only the new events instead of replaying its whole history.
/// </summary>
/// <remarks>
/// The SDK's standalone gRPC worker replays every turn from the first event, so an orchestration with thousands of
/// events (a fan-out, a course that takes one registration per nurse) costs more with every turn. The session is used
/// only when the history the service loaded is exactly the one this process committed after the session's last turn;
/// anything else (another process ran a turn, a commit failed, the session idled out) sends the whole history again.
/// </remarks>
internal sealed class OrchestrationSessions : IDisposable
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly IServiceProvider services;
    private readonly ShimServices shimServices;
    private readonly ExtendedSessionsCache cache = new();
    private readonly ConcurrentDictionary<string, Mark> marks = new(StringComparer.Ordinal);
    private readonly Value idleSeconds;
    private readonly ILogger logger;

    public OrchestrationSessions(DurableTaskRegistry registry, DurableTaskWorkerOptions options, IServiceProvider services, TimeSpan idleTimeout, ILoggerFactory loggerFactory)
    {
        foreach (var (name, create) in registry.GetOrchestrators())
        {
            orchestrators.TryAdd(name.Name, create);
        }

        this.services = services;
        shimServices = new ShimServices(new DurableTaskShimFactory(options, loggerFactory), services);
        idleSeconds = Value.ForNumber(idleTimeout.TotalSeconds);
        logger = loggerFactory.CreateLogger<OrchestrationSessions>();
    }

    /// <summary>
    /// Runs one turn here when this worker knows the orchestrator; false hands the turn to the worker over the stream
    /// (an orchestrator that only another worker or language registers).
    /// </summary>
    public bool TryRun(OrchestrationTurn turn, out P.OrchestratorResponse response)
    {
        var instanceId = turn.State.OrchestrationInstance!.InstanceId;
        if (!orchestrators.TryGetValue(turn.State.Name, out var create))
        {
            response = null!;
            return false;
        }

        var orchestrator = create(services);
        using var span = DurableTelemetry.StartTurn(turn.State.Name, instanceId, turn.State.ExecutionStartedEvent?.ParentTraceContext);

        // Until this turn is committed, the session is ahead of the store.
        var warm = marks.TryRemove(instanceId, out var mark) && mark.Matches(turn.State);
        response = Run(turn, orchestrator, withHistory: !warm);
        if (warm && response.RequiresHistory)
        {
            response = Run(turn, orchestrator, withHistory: true);
        }

        DurableTelemetry.EndTurn(span, response);
        return true;
    }

    /// <summary>The turn's outcome is in the store: the session may go on from it.</summary>
    public void Committed(Core.OrchestrationRuntimeState state)
    {
        if (state.OrchestrationInstance is { } instance && !OrchestrationTurn.IsFinished(state.OrchestrationStatus))
        {
            marks[instance.InstanceId] = new Mark(instance.ExecutionId, state.Events.Count);
        }
    }

    public void Dispose() => cache.Dispose();

    private P.OrchestratorResponse Run(OrchestrationTurn turn, ITaskOrchestrator orchestrator, bool withHistory)
    {
        var request = turn.Request(withPastEvents: withHistory);
        request.Properties["IsExtendedSession"] = Value.ForBool(true);
        request.Properties["ExtendedSessionIdleTimeoutInSeconds"] = idleSeconds;
        request.Properties["IncludeState"] = Value.ForBool(withHistory);
        try
        {
            var answer = GrpcOrchestrationRunner.LoadAndRun(request.ToByteString().ToBase64(), orchestrator, cache, shimServices);
            return P.OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(answer));
        }
        catch (Exception ex)
        {
            // The executor reports what user code throws as a failed orchestration; this is the SDK itself failing.
            logger.LogError(ex, "Running an orchestration turn failed; the instance fails.");
            return Failed(request.InstanceId, ex);
        }
    }

    private static P.OrchestratorResponse Failed(string instanceId, Exception ex)
    {
        var response = new P.OrchestratorResponse { InstanceId = instanceId };
        response.Actions.Add(new P.OrchestratorAction
        {
            CompleteOrchestration = new P.CompleteOrchestrationAction
            {
                OrchestrationStatus = P.OrchestrationStatus.Failed,
                FailureDetails = new P.TaskFailureDetails { ErrorType = ex.GetType().FullName, ErrorMessage = ex.Message, StackTrace = ex.StackTrace ?? string.Empty },
            },
        });
        return response;
    }

    /// <summary>Which execution the session holds, and how long its history was when its last turn was committed.</summary>
    private readonly record struct Mark(string? ExecutionId, int EventCount)
    {
        public bool Matches(Core.OrchestrationRuntimeState state) =>
            state.OrchestrationInstance?.ExecutionId == ExecutionId && state.PastEvents.Count == EventCount;
    }

    /// <summary>Gives the runner the worker's shim factory, and with it the worker's data converter.</summary>
    private sealed class ShimServices(DurableTaskShimFactory shims, IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(System.Type serviceType) =>
            serviceType == typeof(DurableTaskShimFactory) ? shims : inner.GetService(serviceType);
    }
}
