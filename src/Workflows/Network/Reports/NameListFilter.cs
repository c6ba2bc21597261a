namespace Workflows.Network.Reports;

/// <summary>Which nurses a name list shows.</summary>
/// <param name="NetworkId">The network.</param>
/// <param name="AreaId">Only this local area, when set.</param>
/// <param name="UnitId">Only this unit, when set.</param>
/// <param name="IncludeInactive">Also nurses who have left (and erased records).</param>
public sealed record NameListFilter(string NetworkId, string? AreaId = null, string? UnitId = null, bool IncludeInactive = false);
