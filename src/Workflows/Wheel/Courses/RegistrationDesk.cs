using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses;

/// <summary>
/// Behind <c>/register/{token}</c>: a personal link from a course invitation to take a seat (or a waitlist place) and
/// to give it back. Each change is one versioned write of the roster, so a rush of registrations is served in order
/// and never seats more than there are; the orchestration then sends the emails about it.
/// </summary>
public sealed class RegistrationDesk(WheelLinks links, DurableTaskClient client, NetworkRegistry registry, TimeProvider time)
{
    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<RegistrationView> OpenAsync(string token, CancellationToken cancellation = default) =>
        (await CheckAsync(token, cancellation).ConfigureAwait(false)).View;

    /// <summary>Registers (<paramref name="register"/> true) or cancels, and tells the orchestration.</summary>
    public async Task<RegistrationView> ActAsync(string token, bool register, CancellationToken cancellation = default)
    {
        var (view, claim, roster) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null || roster is null)
        {
            return view;
        }

        if (!view.Open)
        {
            // Once the course has started the roster is what the operator marks attendance from.
            return view with { Outcome = LinkOutcome.Closed };
        }

        var email = claim.Subject;
        var name = claim.Name ?? email;
        var stateBefore = RegistrationState.None;
        CourseRoster? before = null;
        var (after, version) = await registry.ChangeAsync(
            roster,
            current =>
            {
                (before, stateBefore) = (current, current.StateOf(email));
                return register ? current.Register(new Registrant(email, name, time.GetUtcNow())) : current.Cancel(email);
            },
            $"registration:{claim.TokenId}",
            register ? "registered" : "cancelled",
            maxAttempts: 200,
            cancellation).ConfigureAwait(false);

        var state = after.StateOf(email);
        if (state != stateBefore)
        {
            // Only a seat given back moves someone up, and then the first of those waiting.
            var promoted = state == RegistrationState.None && stateBefore == RegistrationState.Seated && before!.Waitlist.Count > 0 ? before.Waitlist[0] : null;
            var place = state == RegistrationState.Waitlisted ? after.WaitlistPlace(email) : 0;
            await client.RaiseEventAsync(
                claim.InstanceId, RosterChanged.EventName, new RosterChanged(email, name, state, place, promoted, RosterCounts.Of(after, version)), cancellation).ConfigureAwait(false);
        }

        return Describe(view, after, email) with { Outcome = LinkOutcome.Done };
    }

    private static RegistrationView Describe(RegistrationView view, CourseRoster roster, string email) => view with
    {
        State = roster.StateOf(email),
        WaitlistPlace = roster.WaitlistPlace(email),
        SeatsLeft = roster.Capacity is { } seats ? Math.Max(0, seats - roster.Seated.Count) : null,
        Open = roster.Open,
    };

    // The roster as read to show it: the change starts from it rather than reading it again.
    private async Task<(RegistrationView View, LinkClaim? Claim, Versioned<CourseRoster>? Roster)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (target, refused) = await links.ReadAsync(token, WorkflowLinks.RegisterPurpose, cancellation).ConfigureAwait(false);
        var roster = target is null ? null : await registry.FindAsync<CourseRoster>(target.Claim.InstanceId, cancellation).ConfigureAwait(false);
        if (target is null || roster is null)
        {
            return (new RegistrationView { Outcome = target is null ? refused : LinkOutcome.Closed }, null, null);
        }

        var (claim, occurrence) = (target.Claim, target.Occurrence);
        var view = Describe(
            new RegistrationView
            {
                Outcome = LinkOutcome.Ready,
                Language = target.Network.Language,
                Title = occurrence.Title,
                When = $"{WheelMail.When(occurrence)}, kl. {WheelMail.Time(occurrence)}",
                Location = occurrence.Location,
                PersonName = claim.Name,
            },
            roster.Entity,
            claim.Subject);
        if (target.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null, null);
        }

        return target.Instance.IsUnderway() ? (view, claim, roster) : (view with { Outcome = LinkOutcome.Closed }, null, null);
    }
}
