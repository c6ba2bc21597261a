using Workflows.Durable;
using Workflows.Network;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Closes registration when the course starts; returns how many have a seat.</summary>
public sealed class CloseRegistration(NetworkRegistry registry) : TaskActivity<WheelOccurrence, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var roster = await registry.ChangeAsync<CourseRoster>(
            input.InstanceId, r => r with { Open = false }, $"orchestration:{context.InstanceId}", "closed", maxAttempts: 200).ConfigureAwait(false);
        return roster.Seated.Count;
    }
}
