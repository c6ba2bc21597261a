namespace Workflows.Wheel.Reports;

/// <summary>The event an approval link raises on the annual report's orchestration.</summary>
/// <param name="ApprovedBy">Who approved, for the working group.</param>
/// <param name="At">When.</param>
public sealed record ReportApproved(string ApprovedBy, DateTimeOffset At)
{
    /// <summary>The event's name.</summary>
    public const string EventName = "report-approved";
}
