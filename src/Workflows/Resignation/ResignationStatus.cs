namespace Workflows.Resignation;

/// <summary>The resignation's custom status, for the operator.</summary>
public sealed record ResignationStatus
{
    /// <summary>The nurse resigning.</summary>
    public required string NurseId { get; init; }

    /// <summary>The last day in the function.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>True once the end date has passed and the nurse is inactive.</summary>
    public bool Inactive { get; init; }

    /// <summary>Where the replacement is.</summary>
    public ReplacementState Replacement { get; init; }

    /// <summary>Reminders sent to the leader.</summary>
    public int ReplacementReminders { get; init; }

    /// <summary>The nominated replacement's nurse id.</summary>
    public string? ReplacementNurseId { get; init; }

    /// <summary>The id of the nomination link now valid.</summary>
    public string? NominationTokenId { get; init; }

    /// <summary>When personal data is deleted (UTC).</summary>
    public DateTime? EraseOn { get; init; }

    /// <summary>True once personal data is deleted.</summary>
    public bool Erased { get; init; }
}
