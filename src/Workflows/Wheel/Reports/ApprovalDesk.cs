using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Reports;

/// <summary>
/// Behind <c>/approve/{token}</c>: a working-group member reads the uploaded annual report and approves it for the
/// group; the first approval lets the orchestration publish it. Each member's link works once.
/// </summary>
public sealed class ApprovalDesk(WheelLinks links, DurableTaskClient client, IDocumentStore documents, TimeProvider time)
{
    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<ApprovalView> OpenAsync(string token, CancellationToken cancellation = default) =>
        (await CheckAsync(token, cancellation).ConfigureAwait(false)).View;

    /// <summary>Approves the report and tells the orchestration.</summary>
    public async Task<ApprovalView> ApproveAsync(string token, CancellationToken cancellation = default)
    {
        var (view, claim) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null)
        {
            return view;
        }

        if (!await links.TrySpendAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return view with { Outcome = LinkOutcome.Used };
        }

        await client.RaiseEventAsync(claim.InstanceId, ReportApproved.EventName, new ReportApproved(claim.Name ?? claim.Subject, time.GetUtcNow()), cancellation)
            .ConfigureAwait(false);
        return view with { Outcome = LinkOutcome.Done };
    }

    private async Task<(ApprovalView View, LinkClaim? Claim)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (target, refused) = await links.ReadAsync(token, WorkflowLinks.ApprovePurpose, cancellation).ConfigureAwait(false);
        if (target?.Status?.DocumentKey is not { } documentKey)
        {
            return (new ApprovalView { Outcome = target is null ? refused : LinkOutcome.Closed }, null);
        }

        var view = new ApprovalView
        {
            Outcome = LinkOutcome.Ready,
            Language = target.Network.Language,
            What = WheelDocumentWords.For(WheelDocumentKind.AnnualReport, target.Network.Language, target.Occurrence).What,
            ApproverName = target.Claim.Name,
        };
        if (target.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null);
        }

        if (await links.IsSpentAsync(target.Claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return (view with { Outcome = LinkOutcome.Used }, null);
        }

        return target.IsAt(WheelPhase.AwaitingApproval)
            ? (view with { DocumentLink = await documents.GetReadLinkAsync(documentKey, TimeSpan.FromHours(2), cancellation).ConfigureAwait(false) }, target.Claim)
            : (view with { Outcome = LinkOutcome.Closed }, null);
    }
}
