using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Wheel.Events;

namespace Workflows.Wheel.Courses;

/// <summary>The operator's side of a course: its roster, and marking who attended once it has been held.</summary>
public sealed class AttendanceDesk(DurableTaskClient client, CourseRosters rosters)
{
    /// <summary>The course's roster.</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    public Task<CourseRoster> RosterAsync(string instanceId, CancellationToken cancellation = default) => rosters.GetAsync(instanceId, cancellation);

    /// <summary>Marks <paramref name="attended"/> as present and lets the course send certificates.</summary>
    /// <exception cref="RegistryNotFoundException">No course with that instance id.</exception>
    /// <exception cref="RegistryValidationException">An address is not on the roster, or the list is empty.</exception>
    /// <exception cref="RegistryConflictException">The course is not waiting for attendance (not held yet, or done).</exception>
    public async Task<CourseRoster> RecordAsync(string instanceId, IReadOnlyList<string> attended, string actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var roster = await RosterAsync(instanceId, cancellation).ConfigureAwait(false);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended } || instance.ReadCustomStatusAs<WheelEventStatus>()?.Phase != WheelPhase.AwaitingAttendance)
        {
            throw new RegistryConflictException($"The course '{instanceId}' is not waiting for attendance: it has not been held yet, or it is finished.");
        }

        var faults = attended.Count == 0
            ? [new KeyValuePair<string, string>("attended", "List at least one participant's email address.")]
            : attended.Select((email, i) => (email, i))
                .Where(x => roster.StateOf(x.email) == RegistrationState.None)
                .Select(x => new KeyValuePair<string, string>($"attended[{x.i}]", $"'{x.email}' is not registered for this course."))
                .ToList();
        if (faults.Count > 0)
        {
            throw new RegistryValidationException(faults);
        }

        var marked = await rosters.RecordAttendanceAsync(instanceId, attended, actor, cancellation).ConfigureAwait(false);
        await client.RaiseEventAsync(instanceId, AttendanceRecorded.EventName, new AttendanceRecorded(marked.Attended.Count), cancellation).ConfigureAwait(false);
        return roster with { Attended = marked.Attended };
    }
}
