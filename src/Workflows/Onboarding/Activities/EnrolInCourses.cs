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
public sealed class EnrolInCourses(NetworkRegistry registry, CourseCalendar courses, NetworkMail mail, TimeProvider time) : KeyedActivity<string>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, string input)
    {
        var nurse = await registry.ContextOfAsync(input).ConfigureAwait(false);
        var actor = $"orchestration:{context.InstanceId}";
        var today = registry.Today;
        var intro = courses.IntroCourseFor(nurse.Network.Id, today);
        var basic = courses.BasicCourseAfter(nurse.Network.Id, intro);
        var needsBasicCourse = !nurse.Nurse.HasFurtherEducation && nurse.Nurse.BasicCourseCompleted is null;
        if (nurse.Nurse.IntroCourseCompleted is null)
        {
            await EnrolAsync(nurse.Nurse, CourseKind.IntroCourse, intro.Year, actor).ConfigureAwait(false);
        }

        if (needsBasicCourse)
        {
            await EnrolAsync(nurse.Nurse, CourseKind.BasicCourse, basic.Year, actor).ConfigureAwait(false);
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
                ["introCourse"] = When(intro),
                ["basicCourse"] = needsBasicCourse,
                ["basicCourseTime"] = When(basic),
                ["eLearningUrl"] = nurse.Network.ELearningUrl?.ToString() ?? string.Empty,
                ["networkLeader"] = nurse.Network.NetworkLeader.Name,
            },
            cc: [nurse.NearestLeader]).ConfigureAwait(false);
    }

    /// <summary>"3. desember 2026", or the year alone while the calendar has no date for it.</summary>
    private static string When(CourseEdition edition) =>
        edition.Date is { } day ? NorwegianDates.Day(day) : edition.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
