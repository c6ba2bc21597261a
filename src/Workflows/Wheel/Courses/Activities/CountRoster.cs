using Workflows.Durable;
using Workflows.Network;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Reads how many have a seat and how many wait, for the course's status.</summary>
public sealed class CountRoster(NetworkRegistry registry) : TaskActivity<string, RosterCounts>
{
    /// <inheritdoc />
    public override async Task<RosterCounts> RunAsync(TaskActivityContext context, string input)
    {
        var roster = (await registry.GetAsync<CourseRoster>(input).ConfigureAwait(false)).Entity;
        return new RosterCounts(roster.Seated.Count, roster.Waitlist.Count);
    }
}
