using Workflows.Network;
using Workflows.Tests.Support;

namespace Workflows.Tests.Network;

public sealed class ResourceNurseTests
{
    [Fact]
    public void LeaderIn_IsTheUnitsLeader_WhenNoneIsNamedForTheNurse()
    {
        var unit = SampleNetwork.Unit();

        Assert.Equal(unit.NearestLeader, SampleNetwork.Nurse().LeaderIn(unit));
    }

    [Fact]
    public void LeaderIn_IsTheLeaderNamedForTheNurse_WhenThereIsOne()
    {
        var named = new Person("Nora Nærmeste", "nora@testkommune.example");

        Assert.Equal(named, (SampleNetwork.Nurse() with { NearestLeader = named }).LeaderIn(SampleNetwork.Unit()));
    }
}
