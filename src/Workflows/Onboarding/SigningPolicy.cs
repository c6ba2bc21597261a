namespace Workflows.Onboarding;

/// <summary>How long signers have, how often they are reminded, and when the network leader is told.</summary>
/// <param name="DeadlineDays">Days from the welcome email until the signing expires.</param>
/// <param name="ReminderDays">Days between reminders to the signer whose turn it is.</param>
/// <param name="EscalateAfterReminders">Reminders to one signer before the network leader is told.</param>
public sealed record SigningPolicy(int DeadlineDays = 60, int ReminderDays = 7, int EscalateAfterReminders = 3)
{
    /// <summary>The policy the issue and the networks agree on: 60 days, a reminder a week, escalate after three.</summary>
    public static SigningPolicy Default { get; } = new();
}
