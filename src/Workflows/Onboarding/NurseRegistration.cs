using Workflows.Network;

namespace Workflows.Onboarding;

/// <summary>What an operator (or a leader nominating a replacement) gives to register a new resource nurse.</summary>
public sealed record NurseRegistration
{
    /// <summary>The nurse's unit; the network follows from it.</summary>
    public string? UnitId { get; init; }

    /// <summary>The nurse's full name.</summary>
    public string? Name { get; init; }

    /// <summary>The nurse's email address, where the welcome letter and signing link go.</summary>
    public string? Email { get; init; }

    /// <summary>The nurse's phone, optional.</summary>
    public string? Phone { get; init; }

    /// <summary>The nearest leader, when not the unit's leader.</summary>
    public Person? NearestLeader { get; init; }

    /// <summary>Further education in palliation (then no basic course).</summary>
    public bool HasFurtherEducation { get; init; }

    /// <summary>The first day in the function; today when not given.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The registry record this registration makes: trimmed, onboarding, starting today unless a day is given.</summary>
    /// <param name="id">The nurse's id.</param>
    /// <param name="networkId">The unit's network.</param>
    /// <param name="today">Today in Norway.</param>
    public ResourceNurse ToNurse(string id, string networkId, DateOnly today) => new()
    {
        Id = id,
        NetworkId = networkId,
        UnitId = UnitId ?? string.Empty,
        Name = Name?.Trim(),
        Email = Email?.Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        NearestLeader = NearestLeader,
        HasFurtherEducation = HasFurtherEducation,
        StartDate = StartDate ?? today,
        Status = NurseStatus.Onboarding,
    };
}
