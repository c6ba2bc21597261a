using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Overview;

/// <summary>A network's year as the operator sees it: every event of its calendar with its state.</summary>
public sealed class WheelOverview(NetworkCalendars calendars, NetworkRegistry registry, DurableTaskClient client)
{
    /// <summary>The network's events in <paramref name="year"/>, by date.</summary>
    /// <exception cref="RegistryNotFoundException">No such network, or it has no calendar.</exception>
    public async Task<(WheelCalendar Calendar, IReadOnlyList<WheelEventView> Events)> ForAsync(string networkId, int year, CancellationToken cancellation = default)
    {
        await registry.GetAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false);
        var calendar = calendars.For(networkId) ?? throw new RegistryNotFoundException($"The network '{networkId}' has no calendar.");
        var today = registry.Today;
        var views = new List<WheelEventView>();
        foreach (var occurrence in WheelPlan.For(calendar, year))
        {
            var orchestrator = WheelOrchestrations.For(occurrence.Kind);
            var instance = await client.GetInstanceAsync(occurrence.InstanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
            var state = instance switch
            {
                // Pending: started by the tick, not yet picked up by the worker.
                { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending } => WheelEventState.Running,
                { RuntimeStatus: OrchestrationRuntimeStatus.Completed } => WheelEventState.Done,
                not null => WheelEventState.Stopped,
                _ when occurrence.InvitationOn > today => WheelEventState.Planned,
                _ when occurrence.LastDate < today => WheelEventState.Missed,
                _ => WheelEventState.Due,
            };
            views.Add(new WheelEventView(occurrence, state, orchestrator, instance?.ReadCustomStatusAs<WheelEventStatus>()));
        }

        return (calendar, views);
    }
}
