using System.Diagnostics;
using System.Diagnostics.Metrics;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable;

/// <summary>
/// The backend's own traces and metrics, under <see cref="Name"/> (an exporter adds it beside the SDK's
/// <c>Microsoft.DurableTask</c>): a span per orchestrator turn the backend runs itself, and the orchestrations that fail.
/// </summary>
public static class DurableTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "Workflows.Durable";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Failed =
        Meter.CreateCounter<long>("durabletask.orchestrations.failed", "{orchestration}", "Orchestrations that ended failed, by orchestrator name.");

    /// <summary>An orchestration ended failed.</summary>
    internal static void OrchestrationFailed(string name) => Failed.Add(1, new KeyValuePair<string, object?>("durabletask.task.name", name));

    /// <summary>
    /// Starts the span of one orchestrator turn, under the trace the orchestration was started in (the SDK's client
    /// puts it in the start event); null when the orchestration carries no trace or nothing listens.
    /// </summary>
    /// <remarks>
    /// The SDK's standalone worker makes this span itself; its orchestration runner, which runs the turns here with
    /// extended sessions, leaves it to the host, as the Functions host does for Durable Functions.
    /// </remarks>
    internal static Activity? StartTurn(string name, string instanceId, DurableTask.Core.Tracing.DistributedTraceContext? startedIn)
    {
        if (startedIn?.TraceParent is not { Length: > 0 } parent || !ActivityContext.TryParse(parent, startedIn.TraceState, out var context))
        {
            return null;
        }

        var span = Source.StartActivity($"orchestration:{name}", ActivityKind.Server, context);
        span?.SetTag("durabletask.type", "orchestration");
        span?.SetTag("durabletask.task.name", name);
        span?.SetTag("durabletask.task.instance_id", instanceId);
        return span;
    }

    /// <summary>
    /// Puts the turn's span as the parent of what the turn starts (activities, sub-orchestrations) that carries no trace
    /// of its own, so the SDK's worker makes their spans in the same trace; marks the span failed when the turn failed.
    /// </summary>
    internal static void EndTurn(Activity? span, P.OrchestratorResponse response)
    {
        if (span is null)
        {
            return;
        }

        var parent = new P.TraceContext { TraceParent = span.Id, TraceState = span.TraceStateString };
        foreach (var action in response.Actions)
        {
            if (action.ScheduleTask is { ParentTraceContext: null } task)
            {
                task.ParentTraceContext = parent;
            }
            else if (action.CreateSubOrchestration is { ParentTraceContext: null } sub)
            {
                sub.ParentTraceContext = parent;
            }
            else if (action.CompleteOrchestration is { } completion)
            {
                span.SetTag("durabletask.task.status", completion.OrchestrationStatus.ToString());
                if (completion.OrchestrationStatus == P.OrchestrationStatus.Failed)
                {
                    span.SetStatus(ActivityStatusCode.Error, completion.FailureDetails?.ErrorType);
                }
            }
        }
    }
}
