namespace Workflows.Network.Reports;

/// <summary>The name list and the coverage report, computed from the registry as it is now.</summary>
public sealed class RegistryReports(NetworkRegistry registry)
{
    /// <summary>The nurses of a network, area or unit, ordered by area, unit and name.</summary>
    /// <exception cref="RegistryNotFoundException">The network, area or unit does not exist.</exception>
    public async Task<IReadOnlyList<NameListRow>> NameListAsync(NameListFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (areas, units) = await StructureAsync(filter.NetworkId, cancellation).ConfigureAwait(false);
        if (filter.AreaId is { } areaId && !areas.ContainsKey(areaId))
        {
            throw new RegistryNotFoundException(LocalArea.Kind, areaId);
        }

        if (filter.UnitId is { } unitId && !units.ContainsKey(unitId))
        {
            throw new RegistryNotFoundException(Unit.Kind, unitId);
        }

        var today = registry.Today;
        var nurses = await registry.ListAsync<ResourceNurse>(filter.NetworkId, cancellation).ConfigureAwait(false);
        return nurses
            .Where(n => filter.IncludeInactive || n.IsActiveOn(today) || (n.Status is NurseStatus.Onboarding && n.StartDate > today))
            .Where(n => units.ContainsKey(n.UnitId))
            .Select(n => (Nurse: n, Unit: units[n.UnitId]))
            .Where(x => (filter.UnitId is null || x.Unit.Id == filter.UnitId) && (filter.AreaId is null || x.Unit.AreaId == filter.AreaId))
            .Select(x => Row(x.Nurse, x.Unit, areas[x.Unit.AreaId]))
            .OrderBy(r => r.AreaName, StringComparer.CurrentCulture)
            .ThenBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ThenBy(r => r.Name ?? "~", StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Units with and without an active resource nurse on <paramref name="asOf"/> (today when null).</summary>
    /// <exception cref="RegistryNotFoundException">The network does not exist.</exception>
    public async Task<CoverageReport> CoverageAsync(string networkId, DateOnly? asOf = null, CancellationToken cancellation = default)
    {
        var (areas, units) = await StructureAsync(networkId, cancellation).ConfigureAwait(false);
        var day = asOf ?? registry.Today;
        var activeByUnit = (await registry.ListAsync<ResourceNurse>(networkId, cancellation).ConfigureAwait(false))
            .Where(n => n.IsActiveOn(day))
            .GroupBy(n => n.UnitId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Active(Unit unit) => activeByUnit.GetValueOrDefault(unit.Id);

        var uncovered = units.Values
            .Where(u => Active(u) == 0)
            .Select(u => new UncoveredUnit(u.Id, u.Name, u.UnitKind, u.Municipality, u.AreaId, areas[u.AreaId].Name, u.NearestLeader))
            .OrderBy(u => u.Municipality, StringComparer.CurrentCulture)
            .ThenBy(u => u.UnitName, StringComparer.CurrentCulture)
            .ToList();
        CoverageGroup Group(string key, string name, IEnumerable<Unit> members)
        {
            var list = members.ToList();
            return new CoverageGroup(key, name, list.Count, list.Count(u => Active(u) > 0), list.Sum(Active));
        }

        return new CoverageReport(
            networkId,
            day,
            units.Count,
            units.Values.Count(u => Active(u) > 0),
            uncovered,
            units.Values.GroupBy(u => u.Municipality, StringComparer.Ordinal)
                .Select(g => Group(g.Key, g.Key, g))
                .OrderBy(g => g.Name, StringComparer.CurrentCulture)
                .ToList(),
            areas.Values
                .Select(a => Group(a.Id, a.Name, units.Values.Where(u => u.AreaId == a.Id)))
                .OrderBy(g => g.Name, StringComparer.CurrentCulture)
                .ToList());
    }

    private async Task<(Dictionary<string, LocalArea> Areas, Dictionary<string, Unit> Units)> StructureAsync(string networkId, CancellationToken cancellation)
    {
        await registry.GetAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false);
        var areas = (await registry.ListAsync<LocalArea>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var units = (await registry.ListAsync<Unit>(networkId, cancellation).ConfigureAwait(false))
            .Where(u => areas.ContainsKey(u.AreaId))
            .ToDictionary(u => u.Id, StringComparer.Ordinal);
        return (areas, units);
    }

    private static NameListRow Row(ResourceNurse nurse, Unit unit, LocalArea area) => new()
    {
        NurseId = nurse.Id,
        Name = nurse.Name,
        Email = nurse.Email,
        Phone = nurse.Phone,
        AreaId = area.Id,
        AreaName = area.Name,
        UnitId = unit.Id,
        UnitName = unit.Name,
        UnitKind = unit.UnitKind,
        Municipality = unit.Municipality,
        NearestLeader = nurse.Status == NurseStatus.Erased ? null : nurse.LeaderIn(unit),
        HasFurtherEducation = nurse.HasFurtherEducation,
        StartDate = nurse.StartDate,
        EndDate = nurse.EndDate,
        Status = nurse.Status,
        IntroCourseCompleted = nurse.IntroCourseCompleted,
        BasicCourseCompleted = nurse.BasicCourseCompleted,
        ELearningCompleted = nurse.ELearningCompleted,
        FunctionDescriptionSigned = nurse.FunctionDescriptionSigned,
    };
}
