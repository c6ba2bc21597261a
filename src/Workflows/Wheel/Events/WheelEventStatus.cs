namespace Workflows.Wheel.Events;

/// <summary>A wheel event orchestration's custom status.</summary>
public sealed record WheelEventStatus
{
    /// <summary>Where it stands.</summary>
    public WheelPhase Phase { get; init; }

    /// <summary>How many people were invited.</summary>
    public int Invited { get; init; }

    /// <summary>Reminders sent so far (before the event), or requests for the document after it.</summary>
    public int Reminders { get; init; }

    /// <summary>When the next step happens.</summary>
    public DateTimeOffset? NextStepAt { get; init; }

    /// <summary>The single-use upload link's token id while a document is awaited.</summary>
    public string? UploadTokenId { get; init; }

    /// <summary>Seats taken and waitlist length (courses).</summary>
    public int? Seated { get; init; }

    /// <summary>How many wait for a seat (courses).</summary>
    public int? Waitlisted { get; init; }

    /// <summary>Certificates sent (courses).</summary>
    public int? Certificates { get; init; }

    /// <summary>Questionnaires answered (annual reporting, yearly evaluation).</summary>
    public int? Answered { get; init; }

    /// <summary>The uploaded or drafted document, once there.</summary>
    public string? DocumentKey { get; init; }
}
