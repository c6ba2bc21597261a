namespace Workflows.Network.Reports;

/// <summary>
/// Which units have an active resource nurse on a day, by municipality and by local area: the recommendation is at
/// least one in every unit that treats palliative patients.
/// </summary>
/// <param name="NetworkId">The network.</param>
/// <param name="AsOf">The day counted.</param>
/// <param name="Units">How many units the network has.</param>
/// <param name="CoveredUnits">How many have at least one active resource nurse.</param>
/// <param name="UncoveredUnits">The units without one.</param>
/// <param name="ByMunicipality">The counts per municipality.</param>
/// <param name="ByArea">The counts per local area.</param>
public sealed record CoverageReport(
    string NetworkId,
    DateOnly AsOf,
    int Units,
    int CoveredUnits,
    IReadOnlyList<UncoveredUnit> UncoveredUnits,
    IReadOnlyList<CoverageGroup> ByMunicipality,
    IReadOnlyList<CoverageGroup> ByArea);
