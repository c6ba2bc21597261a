namespace Workflows.Network;

/// <summary>
/// A resource nurse (ressurssykepleier / ressurssjukepleiar): belongs to a unit, has a nearest leader, and may or may
/// not have further education in palliation. The record is also the nurse's service record: dates, courses and the
/// signed function description stay when personal data is deleted after resignation.
/// </summary>
public sealed record ResourceNurse : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "nurse";

    /// <summary>The id the registry gives the nurse (<c>rn-</c> and ten characters).</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required string NetworkId { get; init; }

    /// <summary>The nurse's unit.</summary>
    public required string UnitId { get; init; }

    /// <summary>The full name; null once erased.</summary>
    public string? Name { get; init; }

    /// <summary>The email address; null once erased.</summary>
    public string? Email { get; init; }

    /// <summary>The phone number, if given; null once erased.</summary>
    public string? Phone { get; init; }

    /// <summary>The nearest leader when it is not the unit's leader; null means the unit's.</summary>
    public Person? NearestLeader { get; init; }

    /// <summary>
    /// Who the nurse's nearest leader is: the leader named for her, or else the leader of her unit. The one place this
    /// rule is written; everything that mails, lists or asks a nurse's leader goes through it.
    /// </summary>
    public Person LeaderIn(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return NearestLeader ?? unit.NearestLeader;
    }

    /// <summary>Whether the nurse has further education in palliation, cancer care or similar (no basic course needed).</summary>
    public bool HasFurtherEducation { get; init; }

    /// <summary>The first day in the function.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>The last day in the function, once known.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Where the nurse is in the service.</summary>
    public NurseStatus Status { get; init; } = NurseStatus.Onboarding;

    /// <summary>When the intro course was completed.</summary>
    public DateOnly? IntroCourseCompleted { get; init; }

    /// <summary>When the basic course in palliation was completed.</summary>
    public DateOnly? BasicCourseCompleted { get; init; }

    /// <summary>When the recommended e-learning was completed.</summary>
    public DateOnly? ELearningCompleted { get; init; }

    /// <summary>When the function description was signed by all three.</summary>
    public DateTimeOffset? FunctionDescriptionSigned { get; init; }

    /// <summary>The document-store key of the signed function description.</summary>
    public string? SignedFunctionDescriptionKey { get; init; }

    /// <summary>
    /// True while the nurse counts as a resource nurse of the unit on <paramref name="day"/>: from the start date to
    /// the end date, so a report for a past day still counts a nurse who has left since.
    /// </summary>
    public bool IsActiveOn(DateOnly day) =>
        Status != NurseStatus.SigningExpired
        && StartDate <= day
        && (EndDate is { } end ? end >= day : Status is NurseStatus.Onboarding or NurseStatus.Active or NurseStatus.Resigning);

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        var faults = RegistryChecks.Required(nameof(Id), Id)
            .Concat(RegistryChecks.Required(nameof(NetworkId), NetworkId))
            .Concat(RegistryChecks.Required(nameof(UnitId), UnitId));
        if (Status != NurseStatus.Erased)
        {
            faults = faults.Concat(RegistryChecks.Required(nameof(Name), Name)).Concat(RegistryChecks.Email(nameof(Email), Email));
        }

        if (NearestLeader is not null)
        {
            faults = faults.Concat(RegistryChecks.Person(nameof(NearestLeader), NearestLeader));
        }

        if (StartDate == default)
        {
            faults = faults.Append(new(nameof(StartDate), "Required."));
        }

        if (EndDate is { } end && end < StartDate)
        {
            faults = faults.Append(new(nameof(EndDate), "Must not be before the start date."));
        }

        return faults;
    }
}
