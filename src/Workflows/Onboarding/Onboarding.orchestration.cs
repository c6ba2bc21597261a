using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Onboarding.Activities;
using Workflows.Signing;
using Workflows.Steps;

namespace Workflows.Onboarding;

/// <summary>
/// Brings a resource nurse in: the welcome letter with the network's documents; the function description signed by
/// the nurse, the nearest leader and the network leader in turn (a reminder a week, the network leader told after
/// three, expiry after 60 days); the signed copy archived under the nurse; enrolment in the intro course, and in the
/// basic course without further education; and the yearly reminder to hold the work-plan meeting.
/// </summary>
[DurableTask(Name)]
public sealed class OnboardingOrchestration : TaskOrchestrator<OnboardingRequest, OnboardingOutcome>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Onboarding";

    private static readonly TaskOptions Retry = ActivityRetry.Default;

    /// <summary>The instance id of a nurse's onboarding: one per nurse.</summary>
    public static string InstanceIdFor(string nurseId) => $"onboarding-{nurseId}";

    /// <inheritdoc />
    public override async Task<OnboardingOutcome> RunAsync(TaskOrchestrationContext context, OnboardingRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var nurseId = input.NurseId;
        var policy = input.Signing ?? SigningPolicy.Default;
        var started = context.CurrentUtcDateTime;
        var deadline = started.AddDays(policy.DeadlineDays);

        context.SetCustomStatus(new OnboardingStatus { Phase = OnboardingPhase.Welcoming, NurseId = nurseId });
        var documents = await context.CallActivityAsync<OnboardingDocuments>(nameof(PrepareOnboardingDocuments), Keyed.For(context, new PrepareOnboardingDocuments.Input(nurseId, started)), Retry);
        await context.CallActivityAsync(nameof(SendWelcome), Keyed.For(context, new SendWelcome.Input(nurseId, documents)), Retry);

        var signatures = new List<Signature>();
        foreach (var role in Enum.GetValues<SignerRole>())
        {
            var signature = await CollectSignatureAsync(context, nurseId, role, deadline, policy, documents, signatures);
            if (signature is null)
            {
                context.SetCustomStatus(new OnboardingStatus { Phase = OnboardingPhase.SigningExpired, NurseId = nurseId, WaitingFor = role, Deadline = deadline, Signed = Roles(signatures) });
                return new OnboardingOutcome(nurseId, Completed: false, SignedDocumentKey: null, ExpiredWaitingFor: role);
            }

            signatures.Add(signature);
        }

        context.SetCustomStatus(new OnboardingStatus { Phase = OnboardingPhase.Filing, NurseId = nurseId, Signed = Roles(signatures) });
        var signedKey = await context.CallActivityAsync<string>(
            nameof(FileSignedFunctionDescription), Keyed.For(context, new FileSignedFunctionDescription.Input(nurseId, documents, signatures, context.CurrentUtcDateTime)), Retry);

        context.SetCustomStatus(new OnboardingStatus { Phase = OnboardingPhase.Enrolling, NurseId = nurseId, Signed = Roles(signatures), SignedDocumentKey = signedKey });
        await context.CallActivityAsync(nameof(EnrolInCourses), Keyed.For(context, nurseId), Retry);
        await context.CallActivityAsync<bool>(nameof(StartWorkPlanReminders), Keyed.For(context, nurseId), Retry);

        context.SetCustomStatus(new OnboardingStatus { Phase = OnboardingPhase.Completed, NurseId = nurseId, Signed = Roles(signatures), SignedDocumentKey = signedKey });
        return new OnboardingOutcome(nurseId, Completed: true, signedKey, ExpiredWaitingFor: null);
    }

    /// <summary>
    /// Asks one signer and waits: a reminder every <see cref="SigningPolicy.ReminderDays"/> (or at once when the
    /// operator asks, <see cref="RemindNow"/>), the network leader told once after
    /// <see cref="SigningPolicy.EscalateAfterReminders"/>; null when the deadline passes first.
    /// </summary>
    private static async Task<Signature?> CollectSignatureAsync(
        TaskOrchestrationContext context, string nurseId, SignerRole role, DateTime deadline, SigningPolicy policy, OnboardingDocuments documents, IReadOnlyList<Signature> signed)
    {
        var step = new SigningStep(context.InstanceId, nurseId, role, context.NewGuid().ToString("N"), deadline, Reminder: 0);
        var asked = context.CurrentUtcDateTime;

        // The status names the link before the email with it is sent: a signer who opens it at once finds it current.
        OnboardingStatus Waiting() => new()
        {
            Phase = OnboardingPhase.AwaitingSignature,
            NurseId = nurseId,
            WaitingFor = role,
            TokenId = step.TokenId,
            DocumentKey = documents.FunctionDescriptionKey,
            Reminders = step.Reminder,
            Deadline = deadline,
            WaitingSince = asked,
            Signed = Roles(signed),
        };
        context.SetCustomStatus(Waiting());
        await context.CallActivityAsync(nameof(RequestSignature), Keyed.For(context, step), Retry);
        while (context.CurrentUtcDateTime < deadline)
        {
            context.SetCustomStatus(Waiting());
            var nextReminder = context.CurrentUtcDateTime.AddDays(policy.ReminderDays);
            var waitUntil = nextReminder < deadline ? nextReminder : deadline;
            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(waitUntil, wait.Token);
            var confirmed = context.WaitForExternalEvent<SignatureEvent>(SignatureEvent.NameFor(role), wait.Token);
            var first = await RemindNow.WhenAnyAsync(context, step.Reminder, timer, confirmed);
            wait.Cancel();
            if (first == confirmed)
            {
                var signature = await confirmed;
                if (signature.TokenId == step.TokenId)
                {
                    return signature.Signature;
                }

                // A confirmation through an older link of this step: the page accepts only the current link, so only
                // a race gets here; it is ignored and the wait goes on.
                continue;
            }

            if (first == timer && context.CurrentUtcDateTime >= deadline)
            {
                break;
            }

            step = step with { Reminder = step.Reminder + 1 };
            context.SetCustomStatus(Waiting());
            await context.CallActivityAsync(nameof(RequestSignature), Keyed.For(context, step), Retry);
            if (step.Reminder == policy.EscalateAfterReminders)
            {
                await context.CallActivityAsync(nameof(EscalateSigning), Keyed.For(context, step), Retry);
            }
        }

        await context.CallActivityAsync(nameof(ExpireSigning), Keyed.For(context, step), Retry);
        return null;
    }

    private static List<SignerRole> Roles(IEnumerable<Signature> signatures) => signatures.Select(s => s.Role).ToList();
}
