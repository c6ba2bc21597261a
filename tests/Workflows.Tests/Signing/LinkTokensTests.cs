using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workflows.Signing;

namespace Workflows.Tests.Signing;

public sealed class LinkTokensTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a-test-secret-that-is-at-least-32-bytes");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private LinkClaim Claim(string purpose = "sign") =>
        new(purpose, "onboarding-rn-1", "rn-1", "Nurse", "token-1", clock.GetUtcNow().AddDays(14), "Kari Nordmann");

    [Fact]
    public void Read_OwnToken_GivesItsClaim()
    {
        var tokens = new LinkTokens(Secret, clock);

        var (state, claim) = tokens.Read(tokens.Create(Claim()), "sign");

        Assert.Equal(LinkTokenState.Valid, state);
        Assert.Equal(Claim(), claim);
    }

    [Fact]
    public void Read_TokenIsUrlSafe()
    {
        var token = new LinkTokens(Secret, clock).Create(Claim() with { Name = "Åse Ørnes ÆØÅ ???>>>" });

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Read_AlteredClaim_IsForged()
    {
        var tokens = new LinkTokens(Secret, clock);
        var token = tokens.Create(Claim());
        var other = tokens.Create(Claim() with { Step = "NetworkLeader" });

        // The other claim's payload with this token's signature.
        var spliced = other[..other.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];

        Assert.Equal(LinkTokenState.Forged, tokens.Read(spliced, "sign").State);
    }

    [Fact]
    public void Read_TokenOfAnotherSecret_IsForged()
    {
        var theirs = new LinkTokens(Encoding.UTF8.GetBytes("another-secret-another-secret-another"), clock).Create(Claim());

        Assert.Equal(LinkTokenState.Forged, new LinkTokens(Secret, clock).Read(theirs, "sign").State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".onlysignature")]
    [InlineData("payload.not base64!")]
    public void Read_Garbage_IsForged(string? token) =>
        Assert.Equal(LinkTokenState.Forged, new LinkTokens(Secret, clock).Read(token, "sign").State);

    [Fact]
    public void Read_VeryLongToken_IsForgedWithoutWork() =>
        Assert.Equal(LinkTokenState.Forged, new LinkTokens(Secret, clock).Read(new string('a', 3000) + ".b", "sign").State);

    [Fact]
    public void Read_ForAnotherPage_IsWrongPurpose()
    {
        var tokens = new LinkTokens(Secret, clock);

        Assert.Equal(LinkTokenState.WrongPurpose, tokens.Read(tokens.Create(Claim("nominate")), "sign").State);
    }

    [Fact]
    public void Read_PastExpiry_IsExpiredWithItsClaim()
    {
        var tokens = new LinkTokens(Secret, clock);
        var token = tokens.Create(Claim());

        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var (state, claim) = tokens.Read(token, "sign");

        Assert.Equal(LinkTokenState.Expired, state);
        Assert.Equal("rn-1", claim?.Subject);
    }

    [Fact]
    public void Create_RefusesAShortSecret() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkTokens(new byte[16], clock));
}
