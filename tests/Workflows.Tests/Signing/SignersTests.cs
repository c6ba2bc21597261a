using Workflows.Network;
using Workflows.Signing;
using Workflows.Tests.Support;

namespace Workflows.Tests.Signing;

public sealed class SignersTests
{
    [Fact]
    public void EachRole_IsSignedByItsPerson()
    {
        var parties = SampleNetwork.Parties();

        Assert.Equal(new Person(parties.Nurse.Name!, parties.Nurse.Email!), Signers.For(SignerRole.Nurse, parties));
        Assert.Equal(parties.NearestLeader, Signers.For(SignerRole.NearestLeader, parties));
        Assert.Equal(parties.Network.NetworkLeader, Signers.For(SignerRole.NetworkLeader, parties));
    }
}
