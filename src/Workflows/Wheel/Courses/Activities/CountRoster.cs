using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>
/// Reads how many have a seat and how many wait, for the course's status: for a registration change raised without
/// its counts (by the page before it sent them), so a course under way across that upgrade replays as it ran.
/// </summary>
public sealed class CountRoster(CourseRosters rosters) : KeyedActivity<string, RosterCounts>
{
    /// <inheritdoc />
    protected override async Task<RosterCounts> RunAsync(ActivityCall context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await rosters.CountAsync(input).ConfigureAwait(false);
    }
}
