using Azure.Storage.Blobs;
using Workflows.Documents;
using Workflows.TestSupport;

namespace Workflows.Adapters.Tests.Documents;

/// <summary>The contract on a real Azurite; its clock starts at the real time so SAS links are valid for the emulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobDocumentStoreTests(Azurite azurite) : DocumentStoreConformance(TimeProvider.System.GetUtcNow())
{
    protected override async Task<IDocumentStore> CreateStoreAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var store = new BlobDocumentStore(new BlobServiceClient(azurite.ConnectionString), Clock, $"documents-{suffix}", $"signed-{suffix}");
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public async Task ReadLink_IsAReadOnlySasUrl_ThatServesTheDocument()
    {
        await Store.PutAsync("ahus/reports/arsrapport-2026.pdf", Bytes("%PDF årsrapport"), "application/pdf");

        var link = await Store.GetReadLinkAsync("ahus/reports/arsrapport-2026.pdf", TimeSpan.FromMinutes(15));
        using var http = new HttpClient();
        var body = await http.GetByteArrayAsync(link);
        using var write = await http.PutAsync(link, new ByteArrayContent(Bytes("overwrite")));

        Assert.Contains("sp=r", link.Query, StringComparison.Ordinal);
        Assert.Equal(Bytes("%PDF årsrapport"), body);
        Assert.False(write.IsSuccessStatusCode);
    }
}
