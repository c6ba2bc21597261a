namespace Workflows.Network.Reports;

/// <summary>A unit with no active resource nurse.</summary>
/// <param name="UnitId">The unit's id.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="UnitKind">What kind of unit.</param>
/// <param name="Municipality">Its municipality.</param>
/// <param name="AreaId">Its local area.</param>
/// <param name="AreaName">The local area's name.</param>
/// <param name="NearestLeader">The unit's leader, who can appoint one.</param>
public sealed record UncoveredUnit(string UnitId, string UnitName, UnitKind UnitKind, string Municipality, string AreaId, string AreaName, Person NearestLeader);
