namespace Workflows.Network.Reports;

/// <summary>Coverage counts for a municipality or a local area.</summary>
/// <param name="Key">The municipality's name or the area's id.</param>
/// <param name="Name">The name to show.</param>
/// <param name="Units">Units in the group.</param>
/// <param name="CoveredUnits">Units with an active resource nurse.</param>
/// <param name="ActiveNurses">Active resource nurses in the group.</param>
public sealed record CoverageGroup(string Key, string Name, int Units, int CoveredUnits, int ActiveNurses);
