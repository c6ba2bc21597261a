using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Opens the course's roster with its seats (a retried activity finds it open already).</summary>
public sealed class OpenCourse(NetworkRegistry registry) : KeyedActivity<WheelOccurrence, bool>
{
    /// <inheritdoc />
    protected override async Task<bool> RunAsync(ActivityCall context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (await registry.FindAsync<CourseRoster>(input.InstanceId).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await registry.CreateAsync(new CourseRoster { Id = input.InstanceId, NetworkId = input.NetworkId, Capacity = input.Capacity }, $"orchestration:{context.InstanceId}")
                .ConfigureAwait(false);
            return true;
        }
        catch (RegistryConflictException)
        {
            return false;
        }
    }
}
