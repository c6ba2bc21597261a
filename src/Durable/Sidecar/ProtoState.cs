using Core = DurableTask.Core;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable.Sidecar;

/// <summary>An instance's state as the protocol's clients read it.</summary>
internal static class ProtoState
{
    public static P.OrchestrationState ToProto(Core.OrchestrationState state, bool withData)
    {
        var proto = new P.OrchestrationState
        {
            InstanceId = state.OrchestrationInstance.InstanceId,
            ExecutionId = state.OrchestrationInstance.ExecutionId,
            Name = state.Name ?? string.Empty,
            Version = state.Version,
            OrchestrationStatus = (P.OrchestrationStatus)state.OrchestrationStatus,
            CreatedTimestamp = ProtoHistory.Stamp(state.CreatedTime),
            LastUpdatedTimestamp = ProtoHistory.Stamp(state.LastUpdatedTime),
            CustomStatus = state.Status,
            FailureDetails = ProtoHistory.ToProto(state.FailureDetails),
            ParentInstanceId = state.ParentInstance?.OrchestrationInstance?.InstanceId,
            Input = withData ? state.Input : null,
            Output = withData ? state.Output : null,
        };
        if (Core.Common.DateTimeUtils.IsSet(state.CompletedTime))
        {
            proto.CompletedTimestamp = ProtoHistory.Stamp(state.CompletedTime);
        }

        if (state.ScheduledStartTime is { } scheduled)
        {
            proto.ScheduledStartTimestamp = ProtoHistory.Stamp(scheduled);
        }

        if (state.Tags is { } tags)
        {
            proto.Tags.Add(tags);
        }

        return proto;
    }

    public static Core.OrchestrationStatus ToCore(P.OrchestrationStatus status) => (Core.OrchestrationStatus)status;
}
