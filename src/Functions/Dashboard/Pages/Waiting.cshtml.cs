using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Resignation;
using Workflows.Waiting;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>What the network waits for from people, with "send reminder now" on each.</summary>
public sealed class WaitingModel(NetworkRegistry registry, WaitingOnPeople waiting, Resignations resignations, DurableTaskClient client, TimeProvider time) : NetworkPageModel(registry)
{
    /// <summary>What it waits for.</summary>
    public WaitingList List { get; private set; } = new([], [], [], []);

    /// <summary>What the last button did, if it was pressed.</summary>
    public string? Message { get; private set; }

    /// <summary>The page's words.</summary>
    public WaitingTexts Words => WaitingTexts.For(Network.Language);

    /// <summary>Signer roles and respondents in the network's language.</summary>
    public NorwegianWords Norwegian => NorwegianWords.For(Network.Language);

    /// <summary>Reads the list.</summary>
    public async Task<IActionResult> OnGetAsync(string networkId, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        List = await waiting.ForAsync(networkId, cancellation).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Sends the next reminder of <paramref name="instanceId"/> now, then shows the list as it stands after.</summary>
    public async Task<IActionResult> OnPostRemindAsync(string networkId, string instanceId, int remindersSeen, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false)
            || await client.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false) is not { } before)
        {
            return NotFound();
        }

        var outcome = await waiting.RemindAsync(instanceId, remindersSeen, cancellation).ConfigureAwait(false);
        if (outcome == ReminderOutcome.Sent)
        {
            await InstanceSettling.UntilAsync(client, instanceId, i => i.LastUpdatedAt > before.LastUpdatedAt, time, cancellation).ConfigureAwait(false);
        }

        var shown = await OnGetAsync(networkId, cancellation).ConfigureAwait(false);
        Message = outcome switch { ReminderOutcome.Sent => Words.Sent, ReminderOutcome.AlreadyReminded => Words.AlreadySent, _ => Words.NotWaiting };
        if (outcome != ReminderOutcome.Sent)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return shown;
    }

    /// <summary>Stops asking the nearest leader for a replacement for <paramref name="nurseId"/>.</summary>
    public async Task<IActionResult> OnPostCloseAsync(string networkId, string nurseId, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        var instanceId = ResignationOrchestration.InstanceIdFor(nurseId);
        var conflict = false;
        try
        {
            await resignations.CloseReplacementAsync(nurseId, "closed from the dashboard", cancellation).ConfigureAwait(false);
            await InstanceSettling.UntilAsync(
                client, instanceId, i => i.ReadCustomStatusAs<ResignationStatus>()?.Replacement != ReplacementState.Requested, time, cancellation).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return NotFound();
        }
        catch (RegistryConflictException)
        {
            conflict = true;
        }

        var shown = await OnGetAsync(networkId, cancellation).ConfigureAwait(false);
        Message = conflict ? Words.NotWaiting : Words.Closed;
        if (conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return shown;
    }
}
