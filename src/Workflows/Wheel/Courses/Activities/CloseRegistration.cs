using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Closes registration when the course starts; returns how many have a seat.</summary>
public sealed class CloseRegistration(CourseRosters rosters) : KeyedActivity<WheelOccurrence, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await rosters.CloseAsync(input.InstanceId, $"orchestration:{context.InstanceId}").ConfigureAwait(false);
    }
}
