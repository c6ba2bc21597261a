using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Opens the course's roster with its seats (a retried activity finds it open already).</summary>
public sealed class OpenCourse(CourseRosters rosters) : KeyedActivity<WheelOccurrence, bool>
{
    /// <inheritdoc />
    protected override Task<bool> RunAsync(ActivityCall context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return rosters.OpenAsync(input.InstanceId, input.NetworkId, input.Capacity, $"orchestration:{context.InstanceId}");
    }
}
