using Workflows.Courses;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>
/// Enrols the nurse in the next intro course, and in the basic course when the nurse has no further education, and
/// tells the nurse (leader in copy) with the recommended e-learning.
/// </summary>
public sealed class EnrolInCourses(NetworkRegistry registry, NetworkMail mail, TimeProvider time) : KeyedActivity<string>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, string input)
    {
        var nurse = await registry.ContextOfAsync(input).ConfigureAwait(false);
        var actor = $"orchestration:{context.InstanceId}";
        var today = registry.Today;
        var introYear = CourseCalendar.NextIntroCourseYear(today);
        var basicYear = CourseCalendar.NextBasicCourseYear(today);
        var needsBasicCourse = !nurse.Nurse.HasFurtherEducation && nurse.Nurse.BasicCourseCompleted is null;
        if (nurse.Nurse.IntroCourseCompleted is null)
        {
            await EnrolAsync(nurse.Nurse, CourseKind.IntroCourse, introYear, actor).ConfigureAwait(false);
        }

        if (needsBasicCourse)
        {
            await EnrolAsync(nurse.Nurse, CourseKind.BasicCourse, basicYear, actor).ConfigureAwait(false);
        }

        await mail.SendAsync(
            context,
            nurse.Network,
            "course-enrolment",
            [nurse.NurseContact],
            new Dictionary<string, object?>
            {
                ["nurse"] = nurse.Nurse.Name,
                ["leader"] = nurse.NearestLeader.Name,
                ["introCourse"] = NorwegianDates.Month(introYear, 12),
                ["basicCourse"] = needsBasicCourse,
                ["basicCourseTime"] = basicYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["eLearningUrl"] = nurse.Network.ELearningUrl?.ToString() ?? string.Empty,
                ["networkLeader"] = nurse.Network.NetworkLeader.Name,
            },
            cc: [nurse.NearestLeader]).ConfigureAwait(false);
    }

    private async Task EnrolAsync(ResourceNurse nurse, CourseKind course, int year, string actor)
    {
        var id = CourseEnrolment.IdFor(nurse.Id, course, year);
        if (await registry.FindAsync<CourseEnrolment>(id).ConfigureAwait(false) is not null)
        {
            return;
        }

        await registry.CreateAsync(
            new CourseEnrolment { Id = id, NetworkId = nurse.NetworkId, NurseId = nurse.Id, Course = course, Year = year, EnrolledAt = time.GetUtcNow() },
            actor).ConfigureAwait(false);
    }
}
