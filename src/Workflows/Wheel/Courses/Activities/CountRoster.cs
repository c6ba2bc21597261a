using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Reads how many have a seat and how many wait, for the course's status.</summary>
public sealed class CountRoster(NetworkRegistry registry) : KeyedActivity<string, RosterCounts>
{
    /// <inheritdoc />
    protected override async Task<RosterCounts> RunAsync(ActivityCall context, string input)
    {
        var roster = (await registry.GetAsync<CourseRoster>(input).ConfigureAwait(false)).Entity;
        return new RosterCounts(roster.Seated.Count, roster.Waitlist.Count);
    }
}
