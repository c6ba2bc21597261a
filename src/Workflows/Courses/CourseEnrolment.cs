using Workflows.Network;

namespace Workflows.Courses;

/// <summary>
/// A nurse's place on a course edition (<c>{course}-{year}</c>): made at onboarding, read by the course's own
/// orchestration when invitations go out.
/// </summary>
public sealed record CourseEnrolment : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "enrolment";

    /// <summary><c>{nurse}-{course}-{year}</c>: one place per nurse and edition.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>The nurse enrolled.</summary>
    public required string NurseId { get; init; }

    /// <summary>The course.</summary>
    public CourseKind Course { get; init; }

    /// <summary>The year of the edition.</summary>
    public int Year { get; init; }

    /// <summary>When the place was made.</summary>
    public DateTimeOffset EnrolledAt { get; init; }

    /// <summary>The id for a nurse's place on an edition.</summary>
    public static string IdFor(string nurseId, CourseKind course, int year) =>
        $"{nurseId}-{(course == CourseKind.IntroCourse ? "intro" : "basic")}-{year}";

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        if (string.IsNullOrWhiteSpace(NurseId))
        {
            yield return new(nameof(NurseId), "Required.");
        }

        if (Year is < 2000 or > 2100)
        {
            yield return new(nameof(Year), "Must be a year between 2000 and 2100.");
        }
    }
}
