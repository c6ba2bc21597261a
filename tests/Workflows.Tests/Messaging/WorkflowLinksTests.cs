using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Registry;
using Workflows.Messaging;
using Workflows.Signing;

namespace Workflows.Tests.Messaging;

/// <summary>Every emailed link is made, read, refused and spent in one place.</summary>
public sealed class WorkflowLinksTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workflow-links-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteRegistryStore store;
    private readonly WorkflowLinks links;

    public WorkflowLinksTests()
    {
        store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
        links = new WorkflowLinks(new Uri("https://nettverk.example/"), new LinkTokens(Encoding.UTF8.GetBytes("a-test-secret-that-is-at-least-32-bytes"), clock), store);
    }

    private LinkClaim Claim(string purpose) => new(purpose, "instance-1", "rn-1", "step", "token-1", clock.GetUtcNow().AddDays(7));

    [Theory]
    [InlineData(WorkflowLinks.SignPurpose)]
    [InlineData(WorkflowLinks.NominatePurpose)]
    [InlineData(WorkflowLinks.UploadPurpose)]
    [InlineData(WorkflowLinks.RegisterPurpose)]
    [InlineData(WorkflowLinks.AnswerPurpose)]
    [InlineData(WorkflowLinks.ApprovePurpose)]
    public void For_PointsAtThePageTheHostServes(string purpose)
    {
        var link = links.For(Claim(purpose));

        Assert.StartsWith($"https://nettverk.example/{purpose}/", link.ToString(), StringComparison.Ordinal);
        Assert.Contains(purpose, PublicRoutes.LinkPages);
        Assert.Equal($"/{purpose}/{{token}}", PublicRoutes.LinkPageTemplate(purpose));
        Assert.NotNull(links.Open(link.Segments[^1], purpose));
    }

    [Fact]
    public void Open_ForgedOrForAnotherPage_IsNull()
    {
        var token = links.For(Claim(WorkflowLinks.SignPurpose)).Segments[^1];

        Assert.Null(links.Open(token + "x", WorkflowLinks.SignPurpose));
        Assert.Null(links.Open(token, WorkflowLinks.NominatePurpose));
        Assert.Null(links.Open(null, WorkflowLinks.SignPurpose));
    }

    [Fact]
    public void Open_PastExpiry_SaysExpiredAndKeepsTheClaim()
    {
        var token = links.For(Claim(WorkflowLinks.SignPurpose)).Segments[^1];
        clock.Advance(TimeSpan.FromDays(8));

        var opened = links.Open(token, WorkflowLinks.SignPurpose);

        Assert.True(opened?.Expired);
        Assert.Equal("instance-1", opened?.Claim.InstanceId);
    }

    [Fact]
    public async Task TrySpend_SucceedsOnce()
    {
        Assert.False(await links.IsSpentAsync("token-1"));
        Assert.True(await links.TrySpendAsync("token-1"));
        Assert.False(await links.TrySpendAsync("token-1"));
        Assert.True(await links.IsSpentAsync("token-1"));
        Assert.False(await links.IsSpentAsync("token-2"));
    }

    public void Dispose()
    {
        store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
