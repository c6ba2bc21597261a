using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Tests.Network;

public sealed class NorwegianWordsTests
{
    [Theory]
    [InlineData(NetworkLanguage.Bokmal)]
    [InlineData(NetworkLanguage.Nynorsk)]
    public void EveryEnumValue_HasItsWord_InEachLanguage(NetworkLanguage language)
    {
        var (unitKinds, statuses, signerRoles) = NorwegianWords.For(language).Named;

        Assert.Equal(Enum.GetValues<UnitKind>().Order(), unitKinds.Order());
        Assert.Equal(Enum.GetValues<NurseStatus>().Order(), statuses.Order());
        Assert.Equal(Enum.GetValues<SignerRole>().Order(), signerRoles.Order());
    }

    [Fact]
    public void Words_FollowTheValueTheyName_NotItsPosition()
    {
        Assert.Equal("Nettverksleiar", NorwegianWords.For(NetworkLanguage.Nynorsk).SignerRole(SignerRole.NetworkLeader));
        Assert.Equal("Personopplysninger slettet", NorwegianWords.For(NetworkLanguage.Bokmal).Status(NurseStatus.Erased));
        Assert.Equal("Sjukeheim", NorwegianWords.For(NetworkLanguage.Nynorsk).UnitKind(UnitKind.NursingHome));
    }
}
