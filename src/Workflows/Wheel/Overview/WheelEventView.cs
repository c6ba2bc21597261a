using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Overview;

/// <summary>One event of a network's year with where it stands.</summary>
/// <param name="Occurrence">The event and its dates.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Orchestrator">The orchestration that carries it.</param>
/// <param name="Status">The running or finished orchestration's custom status.</param>
public sealed record WheelEventView(WheelOccurrence Occurrence, WheelEventState State, string Orchestrator, WheelEventStatus? Status)
{
    /// <summary>The orchestration's instance id.</summary>
    public string InstanceId => Occurrence.InstanceId;
}
