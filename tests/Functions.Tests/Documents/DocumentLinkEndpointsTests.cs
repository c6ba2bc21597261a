using Workflows.Adapters.Documents;
using Workflows.Adapters.Email;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;
using Workflows.Email;
using Workflows.Functions.Tests.Support;
using static Workflows.Functions.Tests.Api.OrchestratorEndpointsTests;

namespace Workflows.Functions.Tests.Documents;

public sealed class DocumentLinkEndpointsTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private async Task<Uri> StoreAndLink(string key, TimeSpan validFor)
    {
        var documents = factory.Services.GetRequiredService<IDocumentStore>();
        await documents.PutAsync(key, Encoding.UTF8.GetBytes("%PDF-1.7 velkomstbrev"), "application/pdf", immutable: true);
        return await documents.GetReadLinkAsync(key, validFor);
    }

    [Fact]
    public async Task SignedLink_ServesTheDocumentWithoutAKey()
    {
        var link = await StoreAndLink("forde/nurses/7/velkomstbrev.pdf", TimeSpan.FromHours(1));
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-1.7 velkomstbrev", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AlteredOrExpiredLink_IsForbidden()
    {
        var link = await StoreAndLink("forde/nurses/8/velkomstbrev.pdf", TimeSpan.FromHours(1));
        var expired = await StoreAndLink("forde/nurses/9/velkomstbrev.pdf", TimeSpan.FromMinutes(-1));
        using var anonymous = factory.CreateClient();

        await AssertProblem(await anonymous.GetAsync(link.PathAndQuery.Replace("/8/", "/9/", StringComparison.Ordinal)), HttpStatusCode.Forbidden, "not valid");
        await AssertProblem(await anonymous.GetAsync(expired.PathAndQuery), HttpStatusCode.Forbidden, "expired");
        await AssertProblem(await anonymous.GetAsync("/documents/forde/nurses/8/velkomstbrev.pdf"), HttpStatusCode.Forbidden, "not valid");
    }

    [Fact]
    public void EmbeddedDefaults_AreAFolderDocumentStoreAndAnOutbox()
    {
        Assert.IsType<FolderDocumentStore>(Assert.IsType<MeteredDocumentStore>(factory.Services.GetRequiredService<IDocumentStore>()).Inner);
        Assert.IsType<OutboxEmailSender>(Assert.IsType<MeteredEmailSender>(factory.Services.GetRequiredService<IEmailSender>()).Inner);
    }
}
