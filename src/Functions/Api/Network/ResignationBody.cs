using Workflows.Resignation;

namespace Workflows.Functions.Api.Network;

/// <summary>The body of <c>POST /api/nurses/{id}/resignation</c>.</summary>
public sealed record ResignationBody
{
    /// <summary>The last day in the function.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Who reported it: operator (default), nurse or leader.</summary>
    public ReportedBy ReportedBy { get; init; } = ReportedBy.Operator;

    /// <summary>Days between reminders about a replacement; 14 by default.</summary>
    public int? ReplacementReminderDays { get; init; }

    /// <summary>Months before personal data is deleted; from configuration by default (12).</summary>
    public int? RetentionMonths { get; init; }
}
