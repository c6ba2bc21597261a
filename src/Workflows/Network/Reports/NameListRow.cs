namespace Workflows.Network.Reports;

/// <summary>One line of a name list: a resource nurse with unit, area and nearest leader.</summary>
public sealed record NameListRow
{
    /// <summary>The nurse's id.</summary>
    public required string NurseId { get; init; }

    /// <summary>The nurse's name (null once erased).</summary>
    public string? Name { get; init; }

    /// <summary>The nurse's email (null once erased).</summary>
    public string? Email { get; init; }

    /// <summary>The nurse's phone.</summary>
    public string? Phone { get; init; }

    /// <summary>The local area's id.</summary>
    public required string AreaId { get; init; }

    /// <summary>The local area's name.</summary>
    public required string AreaName { get; init; }

    /// <summary>The unit's id.</summary>
    public required string UnitId { get; init; }

    /// <summary>The unit's name.</summary>
    public required string UnitName { get; init; }

    /// <summary>The unit's kind.</summary>
    public UnitKind UnitKind { get; init; }

    /// <summary>The unit's municipality.</summary>
    public required string Municipality { get; init; }

    /// <summary>The nearest leader.</summary>
    public Person? NearestLeader { get; init; }

    /// <summary>Further education in palliation.</summary>
    public bool HasFurtherEducation { get; init; }

    /// <summary>First day in the function.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>Last day in the function.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>The nurse's status.</summary>
    public NurseStatus Status { get; init; }

    /// <summary>Intro course completed.</summary>
    public DateOnly? IntroCourseCompleted { get; init; }

    /// <summary>Basic course completed.</summary>
    public DateOnly? BasicCourseCompleted { get; init; }

    /// <summary>E-learning completed.</summary>
    public DateOnly? ELearningCompleted { get; init; }

    /// <summary>Function description signed by all three.</summary>
    public DateTimeOffset? FunctionDescriptionSigned { get; init; }
}
