using Workflows.Courses;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>Turns an event's audience into people, from the registry as it is on the day invitations go out.</summary>
public sealed class AudienceResolver(NetworkRegistry registry)
{
    /// <summary>Everyone the event is for, each address once (a leader of three nurses gets one invitation).</summary>
    public async Task<IReadOnlyList<Person>> ResolveAsync(WheelOccurrence occurrence, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId, cancellation).ConfigureAwait(false)).Entity;
        var today = registry.Today;
        var units = (await registry.ListAsync<Unit>(network.Id, cancellation).ConfigureAwait(false)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var areas = await registry.ListAsync<LocalArea>(network.Id, cancellation).ConfigureAwait(false);
        var nurses = (await registry.ListAsync<ResourceNurse>(network.Id, cancellation).ConfigureAwait(false))
            .Where(n => n.Status is NurseStatus.Active or NurseStatus.Onboarding && n.Email is not null && (n.EndDate is null || n.EndDate >= today))
            .Where(n => occurrence.Area is null || (units.TryGetValue(n.UnitId, out var unit) && unit.AreaId == occurrence.Area))
            .ToList();
        var enrolments = occurrence.Audience.Any(a => a is Audience.NewNurses or Audience.BasicCourseNurses)
            ? await registry.ListAsync<CourseEnrolment>(network.Id, cancellation).ConfigureAwait(false)
            : [];

        IEnumerable<ResourceNurse> Enrolled(CourseKind course) =>
            nurses.Where(n => enrolments.Any(e => e.NurseId == n.Id && e.Course == course && e.Year == occurrence.Year));

        var people = new List<Person>();
        var invitedNurses = new List<ResourceNurse>();
        foreach (var audience in occurrence.Audience)
        {
            switch (audience)
            {
                case Audience.Nurses:
                    invitedNurses.AddRange(nurses);
                    break;
                case Audience.NewNurses:
                    invitedNurses.AddRange(Enrolled(CourseKind.IntroCourse));
                    break;
                case Audience.BasicCourseNurses:
                    invitedNurses.AddRange(Enrolled(CourseKind.BasicCourse));
                    break;
                case Audience.AreaLeaders:
                    people.AddRange(areas.Where(a => occurrence.Area is null || a.Id == occurrence.Area).Select(a => a.AreaLeader));
                    break;
                case Audience.WorkingGroup:
                    people.Add(network.NetworkLeader);
                    people.AddRange(network.WorkingGroup);
                    break;
                case Audience.SteeringGroup:
                    people.AddRange(network.SteeringGroup);
                    break;
                case Audience.MunicipalityPostBoxes:
                    people.AddRange(network.MunicipalityPostBoxes.Select(p => new Person(p.Municipality, p.Email)));
                    break;
                case Audience.Leaders:
                    break;
            }
        }

        people.AddRange(invitedNurses.Select(n => new Person(n.Name!, n.Email!)));
        if (occurrence.Audience.Contains(Audience.Leaders))
        {
            // The leaders of the nurses invited; with no nurse audience, the leaders of every nurse in scope.
            var whose = invitedNurses.Count > 0 || occurrence.Audience.Any(a => a is Audience.Nurses or Audience.NewNurses or Audience.BasicCourseNurses)
                ? invitedNurses
                : nurses;
            people.AddRange(whose.Select(n => units.GetValueOrDefault(n.UnitId) is { } unit ? n.LeaderIn(unit) : n.NearestLeader).OfType<Person>());
        }

        return [.. people.DistinctBy(p => p.Email.ToLowerInvariant()).OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)];
    }
}
