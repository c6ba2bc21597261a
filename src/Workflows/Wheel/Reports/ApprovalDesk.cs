using Workflows.Documents;
using Workflows.Durable;
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
public sealed class ApprovalDesk(LinkTokens tokens, DurableTaskClient client, NetworkRegistry registry, IDocumentStore documents, TimeProvider time)
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

        if (!await registry.Store.TryRecordOnceAsync(SigningDesk.UsedLinks, claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return view with { Outcome = LinkOutcome.Used };
        }

        await client.RaiseEventAsync(claim.InstanceId, ReportApproved.EventName, new ReportApproved(claim.Name ?? claim.Subject, time.GetUtcNow()), cancellation)
            .ConfigureAwait(false);
        return view with { Outcome = LinkOutcome.Done };
    }

    private async Task<(ApprovalView View, LinkClaim? Claim)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (state, claim) = tokens.Read(token, WorkflowLinks.ApprovePurpose);
        if (state is LinkTokenState.Forged or LinkTokenState.WrongPurpose || claim is null)
        {
            return (new ApprovalView { Outcome = LinkOutcome.Forged }, null);
        }

        var instance = await client.GetInstanceAsync(claim.InstanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        var occurrence = instance?.ReadInputAs<WheelOccurrence>();
        var network = occurrence is null ? null : await registry.FindAsync<CompetenceNetwork>(occurrence.NetworkId, cancellation).ConfigureAwait(false);
        var status = instance?.ReadCustomStatusAs<WheelEventStatus>();
        if (occurrence is null || network is null || status?.DocumentKey is null)
        {
            return (new ApprovalView { Outcome = LinkOutcome.Closed }, null);
        }

        var view = new ApprovalView
        {
            Outcome = LinkOutcome.Ready,
            Language = network.Entity.Language,
            What = WheelDocumentWords.For(WheelDocumentKind.AnnualReport, network.Entity.Language, occurrence).What,
            DocumentLink = await documents.GetReadLinkAsync(status.DocumentKey, TimeSpan.FromHours(2), cancellation).ConfigureAwait(false),
            ApproverName = claim.Name,
        };
        if (state == LinkTokenState.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired, DocumentLink = null }, null);
        }

        if (await registry.Store.WasRecordedAsync(SigningDesk.UsedLinks, claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return (view with { Outcome = LinkOutcome.Used }, null);
        }

        return instance!.IsRunning && status.Phase == WheelPhase.AwaitingApproval ? (view, claim) : (view with { Outcome = LinkOutcome.Closed }, null);
    }
}
