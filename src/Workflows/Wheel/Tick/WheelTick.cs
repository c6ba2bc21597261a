using Microsoft.Extensions.Logging;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Telemetry;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Tick;

/// <summary>
/// The daily turn of the wheel: starts every event whose invitation day has come and whose last day has not passed,
/// under its deterministic instance id, so a second tick (or one after a missed day) starts nothing twice and
/// catches up what a stopped host missed while there is still time for it.
/// </summary>
public sealed class WheelTick(NetworkCalendars calendars, NetworkRegistry registry, DurableTaskClient client, WorkflowsMetrics metrics, TimeProvider time, ILogger<WheelTick> logger)
{
    /// <summary>Runs the tick for today (Oslo), for every network or only <paramref name="networkId"/>.</summary>
    public async Task<WheelTickResult> RunAsync(string? networkId = null, CancellationToken cancellation = default)
    {
        var today = NorwegianTime.Today(time);
        var started = new List<string>();
        var already = new List<string>();
        var missed = new List<string>();
        foreach (var calendar in calendars.All.Where(c => networkId is null || c.NetworkId == networkId).OrderBy(c => c.NetworkId, StringComparer.Ordinal))
        {
            if (await registry.FindAsync<CompetenceNetwork>(calendar.NetworkId, cancellation).ConfigureAwait(false) is null)
            {
                // A calendar shipped for a network this installation does not run.
                continue;
            }

            // January's events send their invitations in December: look at next year's too.
            foreach (var occurrence in WheelPlan.For(calendar, today.Year).Concat(WheelPlan.For(calendar, today.Year + 1)))
            {
                if (occurrence.InvitationOn > today)
                {
                    continue;
                }

                var instance = await client.GetInstanceAsync(occurrence.InstanceId, cancellation).ConfigureAwait(false);
                if (instance is not null)
                {
                    already.Add(occurrence.InstanceId);
                }
                else if (occurrence.LastDate < today)
                {
                    missed.Add(occurrence.InstanceId);
                }
                else if (await TryStartAsync(WheelOrchestrations.For(occurrence.Kind), occurrence, cancellation).ConfigureAwait(false))
                {
                    started.Add(occurrence.InstanceId);
                }
                else
                {
                    already.Add(occurrence.InstanceId);
                }
            }
        }

        logger.LogInformation(
            "Wheel tick for {Today}: started {Started}, already running or done {Already}, missed {Missed}.", today, started.Count, already.Count, missed.Count);
        metrics.TickRan(started.Count);
        return new WheelTickResult(today, started, already, missed);
    }

    private async Task<bool> TryStartAsync(string orchestrator, WheelOccurrence occurrence, CancellationToken cancellation)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, occurrence, new StartOrchestrationOptions(occurrence.InstanceId), cancellation)
                .ConfigureAwait(false);
            return true;
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            // Another tick (another instance of the app) started it a moment ago.
            return false;
        }
    }
}
