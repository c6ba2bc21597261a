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
/// to give it back. Each change is one versioned write of the roster's header and the person's entry, so a rush of
/// registrations is served in order and never seats more than there are; the orchestration then sends the emails
/// about it.
/// </summary>
public sealed class RegistrationDesk(WheelLinks links, DurableTaskClient client, CourseRosters rosters)
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
        var actor = $"registration:{claim.TokenId}";
        var change = register
            ? await rosters.RegisterAsync(roster, email, name, actor, cancellation).ConfigureAwait(false)
            : await rosters.CancelAsync(roster, email, actor, cancellation).ConfigureAwait(false);
        if (change.Changed)
        {
            await client.RaiseEventAsync(
                claim.InstanceId, RosterChanged.EventName, new RosterChanged(email, name, change.State, change.WaitlistPlace, change.Promoted, change.Counts), cancellation)
                .ConfigureAwait(false);
        }

        return Describe(view, change.Header, change.State, change.WaitlistPlace) with { Outcome = LinkOutcome.Done };
    }

    private static RegistrationView Describe(RegistrationView view, RosterHeader roster, RegistrationState state, int waitlistPlace) => view with
    {
        State = state,
        WaitlistPlace = waitlistPlace,
        SeatsLeft = roster.SeatsLeft,
        Open = roster.Open,
    };

    // The roster as read to show it: the change starts from it rather than reading it again.
    private async Task<(RegistrationView View, LinkClaim? Claim, Versioned<RosterHeader>? Roster)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (target, refused) = await links.ReadAsync(token, WorkflowLinks.RegisterPurpose, cancellation).ConfigureAwait(false);
        var roster = target is null ? null : await rosters.FindHeaderAsync(target.Claim.InstanceId, cancellation).ConfigureAwait(false);
        if (target is null || roster is null)
        {
            return (new RegistrationView { Outcome = target is null ? refused : LinkOutcome.Closed }, null, null);
        }

        var (claim, occurrence) = (target.Claim, target.Occurrence);
        var (state, place) = await rosters.PlaceOfAsync(roster.Entity, claim.Subject, cancellation).ConfigureAwait(false);
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
            state,
            place);
        if (target.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null, null);
        }

        return target.Instance.IsUnderway() ? (view, claim, roster) : (view with { Outcome = LinkOutcome.Closed }, null, null);
    }
}
